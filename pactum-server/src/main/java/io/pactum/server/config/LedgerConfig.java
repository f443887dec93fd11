package io.pactum.server.config;

import java.util.Objects;

/** The audit ledger: its name (the checkpoints' origin and their key's name) and how often it is checkpointed. */
public record LedgerConfig(String origin, int checkpointIntervalSeconds) {
    public LedgerConfig {
        Objects.requireNonNull(origin, "origin");
        if (checkpointIntervalSeconds < 1) {
            throw new IllegalArgumentException("the checkpoint interval must be positive");
        }
    }
}
