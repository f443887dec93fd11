package io.pactum.core.incident.breach;

import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.ProductStore;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.AgreementStore;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The data categories of released fields, from the data model of the record's product. A release
 * written before the ledger recorded products is looked up in the products of its agreement instead,
 * taking every category the field has in any of them (when unsure, assume the more sensitive).
 * Products and agreements are read once per assessment and kept: a hub has few of them.
 */
final class FieldCategories {
    /** The categories of one release's fields; {@code complete} is false if some field's is unknown. */
    record Resolved(Set<DataCategory> categories, boolean complete) {}

    static final String UNKNOWN_PRODUCT = "unknown product";

    private final ProductStore products;
    private final AgreementStore agreements;
    private final Map<String, Optional<Product>> productsById = new HashMap<>();
    private final Map<String, Optional<Agreement>> agreementsById = new HashMap<>();

    FieldCategories(ProductStore products, AgreementStore agreements) {
        this.products = products;
        this.agreements = agreements;
    }

    Resolved of(@Nullable String productId, String agreementId, List<String> fields) {
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        boolean complete = true;
        for (String field : fields) {
            Set<DataCategory> found = inProduct(productId, field);
            if (found.isEmpty()) {
                found = inAgreementProducts(agreementId, field);
            }
            complete &= !found.isEmpty();
            categories.addAll(found);
        }
        return new Resolved(categories, complete);
    }

    /** The product's model and firmware, or {@value #UNKNOWN_PRODUCT} if it is not registered. */
    String describe(String productId) {
        return product(productId).map(p -> p.model() + " (firmware " + p.firmwareVersion() + ")")
                .orElse(UNKNOWN_PRODUCT);
    }

    private Set<DataCategory> inProduct(@Nullable String productId, String field) {
        if (productId == null) {
            return Set.of();
        }
        return product(productId).flatMap(p -> p.dataModel().field(field)).map(f -> Set.of(f.category()))
                .orElse(Set.of());
    }

    private Set<DataCategory> inAgreementProducts(String agreementId, String field) {
        Set<DataCategory> found = EnumSet.noneOf(DataCategory.class);
        Optional<Agreement> agreement = agreementId.isEmpty() ? Optional.empty()
                : agreementsById.computeIfAbsent(agreementId, agreements::find);
        for (String productId : agreement.map(Agreement::productIds).orElse(Set.of())) {
            product(productId).flatMap(p -> p.dataModel().field(field)).map(FieldSpec::category)
                    .ifPresent(found::add);
        }
        return found;
    }

    private Optional<Product> product(String productId) {
        return productsById.computeIfAbsent(productId, products::find);
    }
}
