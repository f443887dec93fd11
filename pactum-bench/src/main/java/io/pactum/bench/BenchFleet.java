package io.pactum.bench;

import io.pactum.core.registry.ApprovalDecision;
import io.pactum.core.registry.ApprovalState;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The benchmark's ecosystem, created through the registry's own services as an operator would:
 * one supplier, one approved product — by default a glucose monitor (SenML CBOR, COSE protection
 * required, implausible values rejected) — and {@code n} devices, each with its own data subject.
 */
final class BenchFleet {
    /** A provisioned device as the load clients need it. */
    record BenchDevice(String id, String secret, byte[] macKey, String subjectId) {}

    final Product product;
    final List<BenchDevice> devices;

    private BenchFleet(Product product, List<BenchDevice> devices) {
        this.product = product;
        this.devices = List.copyOf(devices);
    }

    /** The protected SenML CBOR glucose monitor of the ingest benchmarks. */
    static BenchFleet create(Registry registry, int deviceCount, String prefix) {
        BenchFleet fleet = create(registry, deviceCount, prefix, supplier -> new NewProduct(supplier,
                "Glucose Bench " + prefix, "1.0", new DataModel(List.of(new FieldSpec("glucose", FieldType.NUMBER,
                        "mmol/L", 0.0, 40.0, DataCategory.HEALTH))),
                PayloadFormat.SENML_CBOR, TranslationSpec.DEFAULTS, IngestPolicy.DEFAULT));
        if (!fleet.product.ingestPolicy().protectionRequired()) {
            throw new IllegalStateException("the benchmark product must require COSE protection");
        }
        return fleet;
    }

    /** A fleet of the product {@code productOf} describes for the supplier's organisation id. */
    static BenchFleet create(Registry registry, int deviceCount, String prefix,
            Function<String, NewProduct> productOf) {
        registry.bootstrap().ensureOperator();
        Principal operator = registry.bootstrap().localOperator();
        String supplier = registry.organisations()
                .create(operator, new NewOrganisation("Bench Health " + prefix, OrganisationRole.SUPPLIER)).id();
        Product submitted = registry.products().create(operator, productOf.apply(supplier));
        Product product = registry.products().decide(operator, submitted.id(),
                new ApprovalDecision(ApprovalState.APPROVED, null));
        List<BenchDevice> devices = new ArrayList<>();
        for (int i = 1; i <= deviceCount; i++) {
            String id = String.format("%s-glucose-%04d", prefix, i);
            String subject = String.format("%s-patient-%04d", prefix, i);
            registry.subjects().create(operator, new NewDataSubject(subject));
            ProvisionedDevice provisioned = registry.devices().create(operator,
                    new NewDevice(id, product.id(), null, subject, null, null));
            devices.add(new BenchDevice(id, provisioned.secret(),
                    Base64.getUrlDecoder().decode(provisioned.macKey()), subject));
        }
        return new BenchFleet(product, devices);
    }
}
