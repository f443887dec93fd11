package io.pactum.server.config;

/**
 * Delivery to recipients: how long released records stay in the outboxes (for recipients that were
 * away and streams that resume), which webhook endpoints the hub may call, and how long it retries one.
 */
public record SharingConfig(int outboxRetentionHours, boolean webhookAllowPlainHttp,
        boolean webhookAllowPrivateAddresses, int webhookMaxAttempts) {
    public SharingConfig {
        if (outboxRetentionHours < 1 || webhookMaxAttempts < 1) {
            throw new IllegalArgumentException("retention and attempts must be positive");
        }
    }
}
