package io.pactum.core.service;

import static io.pactum.core.access.AccessPolicy.name;
import static io.pactum.core.access.AccessPolicy.requireOperator;
import static io.pactum.core.access.AccessPolicy.requireRole;
import static io.pactum.core.access.AccessPolicy.visible;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditTrail;
import io.pactum.core.error.ConflictException;
import io.pactum.core.error.ForbiddenException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.registry.ApprovalDecision;
import io.pactum.core.registry.ApprovalState;
import io.pactum.core.registry.Ids;
import io.pactum.core.registry.NewProduct;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.OrganisationStore;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.ProductStateListener;
import io.pactum.core.registry.ProductStore;
import io.pactum.core.registry.ProductUpdate;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Products: suppliers submit and amend their own; only the operator decides their approval. A
 * submission that changes goes back to pending, so nothing approved changes unseen.
 */
public final class ProductService {
    private static final Logger SECURITY = LoggerFactory.getLogger("pactum.security");

    private final ProductStore products;
    private final OrganisationStore organisations;
    private final AuditTrail audit;
    private final Clock clock;
    private final List<ProductStateListener> stateListeners = new CopyOnWriteArrayList<>();

    public ProductService(ProductStore products, OrganisationStore organisations, AuditTrail audit, Clock clock) {
        this.products = Objects.requireNonNull(products, "products");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Product create(Principal caller, NewProduct request) {
        requireRole(caller, Scope.WRITE, "register products", OrganisationRole.SUPPLIER);
        String supplierId = supplierFor(caller, request.supplierId());
        Instant now = clock.instant();
        Product product = new Product(Ids.newId(), supplierId, request.model(), request.firmwareVersion(),
                request.dataModel(), request.payloadFormat(), request.translation(), request.ingestPolicy(),
                ApprovalState.PENDING, null, now, now);
        checkTranslation(product);
        products.insert(product);
        audit.append(changed(caller, product, "product.submitted"));
        return product;
    }

    public List<Product> list(Principal caller) {
        requireRole(caller, Scope.READ, "read products", OrganisationRole.SUPPLIER);
        return caller.isOperator() ? products.list() : products.listBySupplier(caller.organisationId());
    }

    public Product get(Principal caller, String id) {
        requireRole(caller, Scope.READ, "read products", OrganisationRole.SUPPLIER);
        return visible(caller, products.find(id), Product::supplierId, "product", id);
    }

    public Product update(Principal caller, String id, ProductUpdate update) {
        requireRole(caller, Scope.WRITE, "change products", OrganisationRole.SUPPLIER);
        Product product = get(caller, id);
        if (!caller.isOperator() && !product.approvalState().isEditableBySupplier()) {
            throw new ConflictException("approvalState", "a product that is "
                    + name(product.approvalState())
                    + " cannot be changed; register the new firmware version as a new product");
        }
        Product changed = update.applyTo(product, clock.instant());
        checkTranslation(changed);
        products.update(changed);
        audit.append(changed(caller, changed, "product.resubmitted"));
        if (changed.approvalState() != product.approvalState()) {
            // A changed submission goes back to pending: its devices may no longer connect.
            SECURITY.info("product {} moved from {} to {} by a changed submission from client {}", id,
                    product.approvalState(), changed.approvalState(), caller.clientId());
            notifyListeners(changed);
        }
        return changed;
    }

    public Product decide(Principal caller, String id, ApprovalDecision decision) {
        requireOperator(caller, Scope.WRITE, "decide product approvals");
        Product decided = get(caller, id).withApproval(decision.state(), decision.note(), clock.instant());
        products.update(decided);
        SECURITY.info("product {} set to {} by client {}", id, decision.state(), caller.clientId());
        audit.append(changed(caller, decided, "product.approval"));
        notifyListeners(decided);
        return decided;
    }

    /** Registers a listener for approval changes made through this service. */
    public void addStateListener(ProductStateListener listener) {
        stateListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void notifyListeners(Product changed) {
        stateListeners.forEach(listener -> listener.approvalChanged(changed));
    }

    /** Every product event names the product, its supplier and the approval state it is now in. */
    private static AuditEvent changed(Principal caller, Product product, String action) {
        return RegistryEvents.changed(caller.clientId(), product.updatedAt(), action, "productId", product.id(),
                "organisationId", product.supplierId(), "state", name(product.approvalState()));
    }

    /** The translation must fit the product's format and data model; its errors name the member under {@code translation}. */
    private static void checkTranslation(Product product) {
        try {
            product.translation().validateAgainst(product.dataModel(), product.payloadFormat());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.field().map(f -> "translation." + f).orElse("translation"), e.getMessage());
        }
    }

    private String supplierFor(Principal caller, @Nullable String requested) {
        if (!caller.isOperator()) {
            if (requested != null && !caller.belongsTo(requested)) {
                throw new ForbiddenException("a supplier registers products only for itself; omit supplierId");
            }
            return caller.organisationId();
        }
        if (requested == null) {
            throw new InvalidInputException("supplierId", "supplierId is required when the operator registers a product");
        }
        boolean isSupplier = organisations.find(requested)
                .filter(o -> o.role() == OrganisationRole.SUPPLIER).isPresent();
        if (!isSupplier) {
            throw new InvalidInputException("supplierId", "supplierId must name an organisation with role supplier");
        }
        return requested;
    }
}
