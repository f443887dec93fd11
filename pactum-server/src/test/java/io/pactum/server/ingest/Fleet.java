package io.pactum.server.ingest;

import io.pactum.core.ingest.AuthenticatedDevice;
import io.pactum.core.registry.ApprovalDecision;
import io.pactum.core.registry.ApprovalState;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.ImplausibleValuePolicy;
import io.pactum.core.registry.IngestPolicy;
import io.pactum.core.registry.NewDataSubject;
import io.pactum.core.registry.NewDevice;
import io.pactum.core.registry.NewOrganisation;
import io.pactum.core.registry.NewProduct;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.PayloadFormat;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.ProvisionedDevice;
import io.pactum.core.security.Principal;
import io.pactum.core.service.Registry;
import io.pactum.core.translate.TranslationSpec;
import io.pactum.server.DeviceGateway;
import java.util.Base64;
import java.util.List;

/**
 * A small ecosystem for ingest tests, created through the registry's own services: one supplier
 * with a protected glucose monitor (SenML CBOR, rejects implausible values), an unprotected
 * thermostat (JSON, flags implausible values), and one device of each.
 */
final class Fleet {
    static final String GLUCOSE_DEVICE = "glucose-0001";
    static final String THERMO_DEVICE = "thermo-0001";
    static final String SUBJECT = "patient-17";

    final Product glucose;
    final Product thermostat;
    final ProvisionedDevice glucoseDevice;
    final ProvisionedDevice thermoDevice;

    private Fleet(Product glucose, Product thermostat, ProvisionedDevice glucoseDevice, ProvisionedDevice thermoDevice) {
        this.glucose = glucose;
        this.thermostat = thermostat;
        this.glucoseDevice = glucoseDevice;
        this.thermoDevice = thermoDevice;
    }

    static Fleet create(Registry registry) {
        registry.bootstrap().ensureOperator();
        Principal operator = registry.bootstrap().localOperator();
        String supplier = registry.organisations()
                .create(operator, new NewOrganisation("Acme Health", OrganisationRole.SUPPLIER)).id();
        Product glucose = approved(registry, operator, new NewProduct(supplier, "Glucose One", "1.0",
                new DataModel(List.of(new FieldSpec("glucose", FieldType.NUMBER, "mmol/L", 0.0, 40.0,
                        DataCategory.HEALTH))),
                PayloadFormat.SENML_CBOR, TranslationSpec.DEFAULTS, IngestPolicy.DEFAULT));
        Product thermostat = approved(registry, operator, new NewProduct(supplier, "Thermo", "2.0",
                new DataModel(List.of(
                        new FieldSpec("temperature", FieldType.NUMBER, "Cel", -40.0, 85.0, DataCategory.TECHNICAL),
                        new FieldSpec("heating", FieldType.BOOLEAN, null, null, null, DataCategory.BEHAVIOURAL))),
                PayloadFormat.JSON, TranslationSpec.DEFAULTS,
                new IngestPolicy(false, ImplausibleValuePolicy.FLAG, 30)));
        registry.subjects().create(operator, new NewDataSubject(SUBJECT));
        ProvisionedDevice glucoseDevice = registry.devices().create(operator,
                new NewDevice(GLUCOSE_DEVICE, glucose.id(), null, SUBJECT, null, null));
        ProvisionedDevice thermoDevice = registry.devices().create(operator,
                new NewDevice(THERMO_DEVICE, thermostat.id(), null, null, null, null));
        return new Fleet(glucose, thermostat, glucoseDevice, thermoDevice);
    }

    private static Product approved(Registry registry, Principal operator, NewProduct submission) {
        Product product = registry.products().create(operator, submission);
        return registry.products().decide(operator, product.id(), new ApprovalDecision(ApprovalState.APPROVED, null));
    }

    byte[] glucoseMacKey() {
        return Base64.getUrlDecoder().decode(glucoseDevice.macKey());
    }

    AuthenticatedDevice glucoseConnected(DeviceGateway gateway) {
        return gateway.authenticator().withSecret(GLUCOSE_DEVICE, glucoseDevice.secret(), "test");
    }

    AuthenticatedDevice thermoConnected(DeviceGateway gateway) {
        return gateway.authenticator().withSecret(THERMO_DEVICE, thermoDevice.secret(), "test");
    }
}
