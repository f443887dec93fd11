package io.pactum.core.registry;

import java.util.List;
import java.util.Optional;

/**
 * Persistence of products. A (supplier, model, firmware version) already registered is reported as
 * a {@code ConflictException} on {@code firmwareVersion}.
 */
public interface ProductStore {
    void insert(Product product);

    Optional<Product> find(String id);

    /** All products, oldest first. */
    List<Product> list();

    /** The supplier's products, oldest first. */
    List<Product> listBySupplier(String supplierId);

    /** Replaces the stored product with the same id; throws {@code NotFoundException} if there is none. */
    void update(Product product);
}
