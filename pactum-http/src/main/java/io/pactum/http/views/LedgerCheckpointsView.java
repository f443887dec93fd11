package io.pactum.http.views;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of the ledger's signed checkpoints, oldest first, and the position to ask from next
 * ({@code null} once the page reaches the newest).
 */
public record LedgerCheckpointsView(List<LedgerCheckpointView> checkpoints,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Long next) {}
