package io.pactum.core.incident.breach;

import io.pactum.core.incident.TimelineEntry;
import io.pactum.core.incident.TimelineEntry.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A response action that stands: taken in the incident and not reversed since, with when it was
 * (last) taken and who took it. A target that is one of the incident's data subjects is not named,
 * as notifications leave the hub.
 */
public record MeasureTaken(Instant at, String action, String target, String actor, String detail) {
    /** Replaces a data subject's id as a target. */
    public static final String A_DATA_SUBJECT = "a data subject";

    public MeasureTaken {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * The standing actions of a timeline, oldest first: a reversal ends the action on that target,
     * taking it again restarts it.
     */
    public static List<MeasureTaken> standing(List<TimelineEntry> timeline, Set<String> dataSubjectIds) {
        Map<List<String>, TimelineEntry> taken = new LinkedHashMap<>();
        timeline.stream().sorted((a, b) -> Long.compare(a.seq(), b.seq())).forEach(entry -> {
            if (entry.action() == null || entry.target() == null) {
                return;
            }
            List<String> key = List.of(entry.action(), entry.target());
            if (entry.kind() == Kind.ACTION_TAKEN || entry.kind() == Kind.ACTION_REVERSED) {
                taken.remove(key); // re-inserted below, so the order follows the latest taking
            }
            if (entry.kind() == Kind.ACTION_TAKEN) {
                taken.put(key, entry);
            }
        });
        List<MeasureTaken> measures = new ArrayList<>();
        for (TimelineEntry entry : taken.values()) {
            String target = dataSubjectIds.contains(entry.target()) ? A_DATA_SUBJECT : entry.target();
            measures.add(new MeasureTaken(entry.at(), entry.action(), target, entry.actor(), entry.detail()));
        }
        return measures;
    }
}
