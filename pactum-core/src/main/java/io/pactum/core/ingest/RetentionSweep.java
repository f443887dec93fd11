package io.pactum.core.ingest;

import io.pactum.core.registry.Product;
import io.pactum.core.registry.ProductStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces each product's retention period: records received longer ago than the product keeps
 * them are deleted. Run periodically; each run is idempotent.
 */
public final class RetentionSweep {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);

    private final ProductStore products;
    private final RecordStore records;
    private final Clock clock;

    public RetentionSweep(ProductStore products, RecordStore records, Clock clock) {
        this.products = Objects.requireNonNull(products, "products");
        this.records = Objects.requireNonNull(records, "records");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Deletes every product's expired records; returns how many were deleted. */
    public int run() {
        Instant now = clock.instant();
        int deleted = 0;
        for (Product product : products.list()) {
            Instant cutoff = now.minus(Duration.ofDays(product.ingestPolicy().retentionDays()));
            int expired = records.deleteReceivedBefore(product.id(), cutoff);
            if (expired > 0) {
                LOG.info("retention: deleted {} records of product {} received before {}", expired, product.id(), cutoff);
            }
            deleted += expired;
        }
        return deleted;
    }
}
