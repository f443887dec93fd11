package io.pactum.core.detect;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Which devices a behaviour watches: all, or those of one product. */
public record Scope(@Nullable String productId) {
    public static final Scope ALL = new Scope(null);

    public static Scope product(String productId) {
        return new Scope(Objects.requireNonNull(productId, "productId"));
    }

    public boolean includes(@Nullable String product) {
        return productId == null || productId.equals(product);
    }
}
