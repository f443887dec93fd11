package io.pactum.core.service;

import io.pactum.core.access.AdminLogins;
import io.pactum.core.access.Authenticator;
import io.pactum.core.audit.AuditTrail;
import io.pactum.core.registry.RegistryStores;
import io.pactum.core.security.SecretBox;
import io.pactum.core.security.SecretHasher;
import java.time.Clock;

/**
 * The registry's services over one set of stores, wired once by the composition root. Every change
 * they make is appended to the audit trail before the call returns, and the authenticator records
 * API clients' logins there.
 */
public record Registry(
        Authenticator authenticator,
        OrganisationService organisations,
        ApiClientService clients,
        ProductService products,
        DeviceService devices,
        DataSubjectService subjects,
        DeviceGroupService groups,
        Bootstrap bootstrap) {

    /** For tests and tools without a ledger: changes are audited into a trail that keeps nothing. */
    public static Registry create(RegistryStores stores, SecretHasher hasher, SecretBox secretBox, Clock clock) {
        return create(stores, hasher, secretBox, clock, event -> { });
    }

    public static Registry create(RegistryStores stores, SecretHasher hasher, SecretBox secretBox, Clock clock,
            AuditTrail audit) {
        return new Registry(
                new Authenticator(stores.clients(), stores.organisations(), clock, new AdminLogins(audit, clock)),
                new OrganisationService(stores.organisations(), audit, clock),
                new ApiClientService(stores.clients(), stores.organisations(), audit, clock),
                new ProductService(stores.products(), stores.organisations(), audit, clock),
                new DeviceService(stores.devices(), stores.products(), stores.organisations(), stores.subjects(),
                        hasher, secretBox, audit, clock),
                new DataSubjectService(stores.subjects(), audit, clock),
                new DeviceGroupService(stores.groups(), stores.devices(), stores.organisations(), audit, clock),
                new Bootstrap(stores.organisations(), stores.clients(), audit, clock));
    }
}
