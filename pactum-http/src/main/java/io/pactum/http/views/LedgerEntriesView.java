package io.pactum.http.views;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of ledger entries, and the index to ask from next ({@code null} once the page reaches the end). */
public record LedgerEntriesView(List<LedgerEntryView> entries,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Long next) {}
