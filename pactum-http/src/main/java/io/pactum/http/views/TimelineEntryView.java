package io.pactum.http.views;

import io.pactum.core.incident.TimelineEntry;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One step of an incident's history; {@code seq} numbers them 1, 2, 3, ... in order. */
public record TimelineEntryView(
        long seq,
        Instant at,
        String actor,
        TimelineEntry.Kind kind,
        @Nullable String action,
        @Nullable String target,
        String detail) {

    public static TimelineEntryView of(TimelineEntry e) {
        return new TimelineEntryView(e.seq(), e.at(), e.actor(), e.kind(), e.action(), e.target(), e.detail());
    }
}
