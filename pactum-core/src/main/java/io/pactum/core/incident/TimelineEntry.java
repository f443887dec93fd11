package io.pactum.core.incident;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step in an incident's history. {@code seq} numbers an incident's entries 1, 2, 3, ... in the
 * order they were appended; the store assigns it.
 *
 * @param actor  {@value io.pactum.core.audit.AuditEvent#HUB} for what the hub did itself, else the operator's API client id
 * @param action for {@code ACTION_TAKEN} and {@code ACTION_REVERSED}: the playbook action, e.g. {@code quarantine-device}
 * @param target what the action acted on or the entry is about, e.g. a device id, a status or an assignee
 * @param detail free text: an operator's note, or what the hub says about the step
 */
public record TimelineEntry(
        String incidentId,
        long seq,
        Instant at,
        String actor,
        Kind kind,
        @Nullable String action,
        @Nullable String target,
        String detail) {

    /** What kind of step an entry records. */
    public enum Kind {
        DETECTED,
        ACTION_TAKEN,
        ACTION_REVERSED,
        STATUS_CHANGED,
        ASSIGNED,
        NOTE,
        SIGNAL_LINKED
    }

    static final int MAX_ACTOR = 64;
    static final int MAX_ACTION = 64;
    static final int MAX_TARGET = 256;
    /** The longest detail, and so the longest note, in characters. */
    public static final int MAX_DETAIL = 4000;

    public TimelineEntry {
        Incident.requireText(incidentId, "incidentId", Incident.MAX_ID);
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be positive");
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Draft.check(actor, action, target, detail);
    }

    /** An entry before the store has numbered it. */
    public record Draft(Instant at, String actor, Kind kind, @Nullable String action, @Nullable String target,
            String detail) {
        public Draft {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(kind, "kind");
            check(actor, action, target, detail);
        }

        /** The entry this draft becomes as entry {@code seq} of the incident. */
        public TimelineEntry numbered(String incidentId, long seq) {
            return new TimelineEntry(incidentId, seq, at, actor, kind, action, target, detail);
        }

        private static void check(String actor, @Nullable String action, @Nullable String target, String detail) {
            Incident.requireText(actor, "actor", MAX_ACTOR);
            if (action != null) {
                Incident.requireText(action, "action", MAX_ACTION);
            }
            if (target != null) {
                Incident.requireText(target, "target", MAX_TARGET);
            }
            Objects.requireNonNull(detail, "detail");
            if (detail.length() > MAX_DETAIL) {
                throw new io.pactum.core.error.InvalidInputException("detail",
                        "detail is longer than " + MAX_DETAIL + " characters");
            }
        }
    }
}
