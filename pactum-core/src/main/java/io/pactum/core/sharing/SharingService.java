package io.pactum.core.sharing;

import static io.pactum.core.access.AccessPolicy.name;
import static io.pactum.core.access.AccessPolicy.requireOperator;
import static io.pactum.core.access.AccessPolicy.requireRole;
import static io.pactum.core.access.AccessPolicy.visible;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.audit.AuditTrail;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.registry.DataSubjectStore;
import io.pactum.core.registry.Device;
import io.pactum.core.registry.DeviceGroup;
import io.pactum.core.registry.DeviceGroupStore;
import io.pactum.core.registry.DeviceStore;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.Ids;
import io.pactum.core.registry.Organisation;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.OrganisationStore;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.ProductStore;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Agreements and consent through the API: the operator (the controller) creates, suspends, resumes
 * and revokes agreements and records consent on the subjects' behalf or as collected by its own
 * applications; a recipient reads its own agreements. Every change is stored, recompiled into the
 * {@link PolicyDecisionPoint} or applied to the {@link ConsentLedger} before the call returns (so it
 * governs the very next message), and handed to the audit trail.
 */
public final class SharingService {
    /** Roles that may receive data under an agreement. */
    private static final Set<OrganisationRole> RECIPIENT_ROLES = Set.of(OrganisationRole.PARTNER, OrganisationRole.SUPPLIER);

    private final AgreementStore agreements;
    private final ConsentStore consents;
    private final Stores registry;
    private final PolicyDecisionPoint decisions;
    private final ConsentLedger ledger;
    private final AuditTrail audit;
    private final Clock clock;
    private final Object changeLock = new Object();

    /** The registry stores an agreement is checked against. */
    public record Stores(OrganisationStore organisations, ProductStore products, DeviceStore devices,
            DeviceGroupStore groups, DataSubjectStore subjects) {
        public Stores {
            Objects.requireNonNull(organisations, "organisations");
            Objects.requireNonNull(products, "products");
            Objects.requireNonNull(devices, "devices");
            Objects.requireNonNull(groups, "groups");
            Objects.requireNonNull(subjects, "subjects");
        }
    }

    public SharingService(AgreementStore agreements, ConsentStore consents, Stores registry,
            PolicyDecisionPoint decisions, ConsentLedger ledger, AuditTrail audit, Clock clock) {
        this.agreements = Objects.requireNonNull(agreements, "agreements");
        this.consents = Objects.requireNonNull(consents, "consents");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** At start: rebuilds where consent stands from the stored receipts and compiles the agreements. */
    public void load() {
        ledger.applyAll(consents.list());
        recompile();
    }

    /** Compiles the stored agreements against the current group memberships. */
    public void recompile() {
        synchronized (changeLock) {
            decisions.recompileWithGroups(agreements.list(), registry.groups().list());
        }
    }

    public Agreement create(Principal caller, NewAgreement request) {
        requireOperator(caller, Scope.WRITE, "create agreements");
        checkRecipient(request.recipientId());
        Set<String> scopeProducts = checkScope(request);
        checkFields(request, scopeProducts);
        checkCommandTargets(request.commands());
        Agreement agreement = request.toAgreement(Ids.newId(), clock.instant());
        synchronized (changeLock) {
            agreements.insert(agreement);
            recompile();
        }
        audit.append(changed(caller, agreement, "created"));
        return agreement;
    }

    /** The operator sees every agreement; a recipient its own. */
    public List<Agreement> list(Principal caller) {
        requireRole(caller, Scope.READ, "read agreements", OrganisationRole.PARTNER, OrganisationRole.SUPPLIER);
        return caller.isOperator() ? agreements.list() : agreements.listByRecipient(caller.organisationId());
    }

    public Agreement get(Principal caller, String id) {
        requireRole(caller, Scope.READ, "read agreements", OrganisationRole.PARTNER, OrganisationRole.SUPPLIER);
        return visible(caller, agreements.find(id), Agreement::recipientId, "agreement", id);
    }

    /** Suspends, resumes (to active) or revokes; effective from the next message. */
    public Agreement changeState(Principal caller, String id, AgreementState next) {
        requireOperator(caller, Scope.WRITE, "change agreements");
        Agreement changed;
        synchronized (changeLock) {
            Agreement current = agreements.find(id).orElseThrow(() -> NotFoundException.of("agreement", id));
            if (current.state() == next) {
                return current;
            }
            changed = current.withState(next, clock.instant());
            agreements.update(changed);
            recompile();
        }
        audit.append(changed(caller, changed, name(next)));
        return changed;
    }

    /** Records a consent change for a known subject and recipient; effective from the next message. */
    public ConsentReceipt recordConsent(Principal caller, ConsentChange change) {
        requireOperator(caller, Scope.WRITE, "record consent");
        registry.subjects().find(change.subjectId())
                .orElseThrow(() -> new InvalidInputException("subjectId", "no data subject '" + change.subjectId() + "'"));
        checkRecipient(change.recipientId());
        ConsentReceipt receipt = change.toReceipt(Ids.newId(), caller.organisationId(), caller.clientId(), clock.instant());
        synchronized (changeLock) {
            consents.append(receipt);
            ledger.apply(receipt);
        }
        audit.append(new AuditEvent(AuditEventType.CONSENT_CHANGED, receipt.timestamp(), caller.clientId(), Map.of(
                "receiptId", receipt.receiptId(),
                "recipientId", receipt.recipientId(),
                "purpose", receipt.purpose().wireName(),
                "action", name(receipt.action()),
                "method", receipt.method())));
        return receipt;
    }

    /** The subject's consent receipts, oldest first; only the operator holds raw subject ids. */
    public List<ConsentReceipt> consents(Principal caller, String subjectId) {
        requireOperator(caller, Scope.READ, "read consent receipts");
        registry.subjects().find(subjectId).orElseThrow(() -> NotFoundException.of("data subject", subjectId));
        return consents.listBySubject(subjectId);
    }

    private void checkRecipient(String recipientId) {
        Organisation recipient = registry.organisations().find(recipientId).orElseThrow(() ->
                new InvalidInputException("recipientId", "no organisation '" + recipientId + "'"));
        if (!RECIPIENT_ROLES.contains(recipient.role())) {
            throw new InvalidInputException("recipientId", "organisation '" + recipientId + "' has role "
                    + name(recipient.role()) + "; only partners and suppliers receive data");
        }
    }

    /** Checks that every product and group exists; returns the products the scope reaches. */
    private Set<String> checkScope(NewAgreement request) {
        Set<String> products = new HashSet<>(request.productIds());
        for (String productId : request.productIds()) {
            registry.products().find(productId).orElseThrow(() ->
                    new InvalidInputException("productIds", "no product '" + productId + "'"));
        }
        for (String groupId : request.deviceGroupIds()) {
            DeviceGroup group = registry.groups().find(groupId).orElseThrow(() ->
                    new InvalidInputException("deviceGroupIds", "no device group '" + groupId + "'"));
            for (String deviceId : group.deviceIds()) {
                registry.devices().find(deviceId).map(Device::productId).ifPresent(products::add);
            }
        }
        return products;
    }

    /** A field no product in scope has is a mistake (most likely a typo), not a harmless extra. */
    private void checkFields(NewAgreement request, Set<String> scopeProducts) {
        if (scopeProducts.isEmpty()) {
            return; // groups without members yet: the fields are checked by the data models later
        }
        Set<String> known = new HashSet<>();
        for (String productId : scopeProducts) {
            registry.products().find(productId).map(Product::dataModel)
                    .ifPresent(model -> model.fields().stream().map(FieldSpec::name).forEach(known::add));
        }
        for (String field : request.fields().keySet()) {
            if (!known.contains(field)) {
                throw new InvalidInputException("fields." + field,
                        "no product in the agreement's scope has a field '" + field + "'");
            }
        }
    }

    private void checkCommandTargets(List<CommandGrant> grants) {
        for (CommandGrant grant : grants) {
            for (String deviceId : grant.deviceIds()) {
                registry.devices().find(deviceId).orElseThrow(() ->
                        new InvalidInputException("commands.deviceIds", "no device '" + deviceId + "'"));
            }
            for (String groupId : grant.deviceGroupIds()) {
                registry.groups().find(groupId).orElseThrow(() ->
                        new InvalidInputException("commands.deviceGroupIds", "no device group '" + groupId + "'"));
            }
        }
    }

    private static AuditEvent changed(Principal caller, Agreement agreement, String change) {
        return new AuditEvent(AuditEventType.AGREEMENT_CHANGED, agreement.updatedAt(), caller.clientId(), Map.of(
                "agreementId", agreement.id(),
                "recipientId", agreement.recipientId(),
                "purpose", agreement.purpose().wireName(),
                "change", change,
                "state", name(agreement.state())));
    }
}
