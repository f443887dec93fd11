package io.pactum.core.ingest;

import io.pactum.core.registry.Product;
import io.pactum.core.translate.PayloadTranslator;
import io.pactum.core.translate.PayloadTranslators;
import io.pactum.core.translate.RecordValidator;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The translator and validator of each product, built once per version of the product rather
 * than per message: a product's submission changes rarely, messages arrive constantly.
 */
final class ProductReader {
    /** One product version's reading machinery. */
    record Reader(Instant version, PayloadTranslator translator, RecordValidator validator) {}

    private final Clock clock;
    private final Map<String, Reader> readers = new ConcurrentHashMap<>();

    ProductReader(Clock clock) {
        this.clock = clock;
    }

    Reader of(Product product) {
        Reader cached = readers.get(product.id());
        if (cached != null && cached.version().equals(product.updatedAt())) {
            return cached;
        }
        Reader built = new Reader(product.updatedAt(),
                PayloadTranslators.create(product.payloadFormat(), product.translation(), product.dataModel(), clock),
                new RecordValidator(product.dataModel()));
        readers.put(product.id(), built);
        return built;
    }
}
