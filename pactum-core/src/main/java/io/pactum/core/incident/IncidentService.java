package io.pactum.core.incident;

import static io.pactum.core.access.AccessPolicy.name;
import static io.pactum.core.access.AccessPolicy.requireOperator;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.audit.AuditTrail;
import io.pactum.core.error.ConflictException;
import io.pactum.core.error.ForbiddenException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.incident.TimelineEntry.Draft;
import io.pactum.core.incident.TimelineEntry.Kind;
import io.pactum.core.registry.Ids;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of incidents. Detectors {@link #raise raise} detections: one opens an incident, or attaches
 * to the active incident of the same detector and subject whose latest detection came within the dedup
 * window, instead of opening a duplicate. Actions taken and reversed, status changes, assignments
 * and notes each append a timeline entry and an {@link AuditEventType#INCIDENT_ACTION} audit event.
 *
 * <p>Two kinds of caller: the operator, through the methods taking a {@link Principal} (only the
 * operator may read or change incidents), and the hub itself, through the methods without one,
 * which are for the hub's own detectors and playbooks and record the actor {@value AuditEvent#HUB}.
 * Changes made from outside carry the version the caller last saw; a stale one is refused with a
 * conflict rather than overwriting what someone else did meanwhile.
 *
 * <p>Audit details name the incident, the kind of step, the action and its target. Personal data
 * never appears in them in clear: a target that is one of the incident's data subjects goes in the
 * detail {@code subjectId}, which the ledger seals under the subject's own key, and note texts and
 * other free text are kept on the timeline only.
 */
public final class IncidentService {
    private static final Logger SECURITY = LoggerFactory.getLogger("pactum.security");
    /** Detections of one detector and subject this close to the incident's latest detection attach to it. */
    public static final Duration DEFAULT_DEDUP_WINDOW = Duration.ofHours(1);
    private static final Pattern ACTION_NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final int ATTEMPTS = 5;

    private final IncidentStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration dedupWindow;

    public IncidentService(IncidentStore store, AuditTrail audit, Clock clock) {
        this(store, audit, clock, DEFAULT_DEDUP_WINDOW);
    }

    public IncidentService(IncidentStore store, AuditTrail audit, Clock clock, Duration dedupWindow) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dedupWindow = Objects.requireNonNull(dedupWindow, "dedupWindow");
        if (dedupWindow.isNegative()) {
            throw new IllegalArgumentException("dedupWindow must not be negative");
        }
    }

    // --- the hub's own detectors and playbooks -------------------------------------------------

    /**
     * For the hub's detectors: opens an incident from the detection, or attaches the detection to the active
     * (open or contained) incident of the same detector and subject whose latest detection lies within
     * the dedup window before this one. Attaching merges the affected parties, links the signals and
     * raises the severity if the detection's is higher.
     */
    public DetectionOutcome raise(Detection detection) {
        Objects.requireNonNull(detection, "detection");
        for (int attempt = 1; ; attempt++) {
            Optional<Incident> active = store.findActive(detection.detector(), detection.subject()).stream()
                    .filter(i -> !i.lastSignalAt().isBefore(detection.at().minus(dedupWindow)))
                    .max(Comparator.comparing(Incident::lastSignalAt));
            if (active.isEmpty()) {
                return new DetectionOutcome(open(detection), true);
            }
            try {
                return new DetectionOutcome(attach(active.get(), detection), false);
            } catch (ConflictException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                // changed meanwhile (by the operator or another detection): read it again
            }
        }
    }

    /** For the hub's playbooks: records an action the hub took, e.g. {@code quarantine-device} on a device id. */
    public TimelineEntry recordAction(String incidentId, String action, String target, String detail) {
        return takeAction(AuditEvent.HUB, incidentId, action, target, detail);
    }

    /** For the hub's playbooks: records that the hub reversed an action it or the operator took. */
    public TimelineEntry recordReversal(String incidentId, String action, String target, String detail) {
        return reverseAction(AuditEvent.HUB, incidentId, action, target, detail);
    }

    /**
     * For the hub's playbooks: moves the incident to another status, e.g. contained once its device
     * is quarantined. The hub never reopens an incident; only the operator does.
     */
    public Incident changeStatus(String incidentId, IncidentStatus target, String reason) {
        Objects.requireNonNull(target, "target");
        for (int attempt = 1; ; attempt++) {
            Incident incident = existing(incidentId);
            if (incident.status().onlyOperatorMovesTo(target)) {
                throw new ForbiddenException("only the operator reopens a resolved incident");
            }
            try {
                return moveTo(AuditEvent.HUB, incident, incident.version(), target, reason);
            } catch (ConflictException e) {
                if (attempt >= ATTEMPTS || !isStale(e)) {
                    throw e;
                }
            }
        }
    }

    /** For the hub's playbooks: the incident as stored now. */
    public Optional<Incident> find(String incidentId) {
        return store.find(Objects.requireNonNull(incidentId, "incidentId"));
    }

    // --- the operator -------------------------------------------------------------------------

    public Incident get(Principal caller, String incidentId) {
        requireOperator(caller, Scope.READ, "read incidents");
        return existing(incidentId);
    }

    public List<Incident> list(Principal caller, IncidentQuery query) {
        requireOperator(caller, Scope.READ, "read incidents");
        return store.list(Objects.requireNonNull(query, "query"));
    }

    public List<TimelineEntry> timeline(Principal caller, String incidentId) {
        requireOperator(caller, Scope.READ, "read incidents");
        existing(incidentId);
        return store.timeline(incidentId);
    }

    /** Records an action the operator took in response, e.g. {@code suspend-agreement} on an agreement id. */
    public TimelineEntry recordAction(Principal caller, String incidentId, String action, String target,
            String detail) {
        requireOperator(caller, Scope.WRITE, "respond to incidents");
        return takeAction(caller.clientId(), incidentId, action, target, detail);
    }

    /** Records that the operator reversed an action taken earlier on the same target, by the hub or the operator. */
    public TimelineEntry recordReversal(Principal caller, String incidentId, String action, String target,
            String detail) {
        requireOperator(caller, Scope.WRITE, "respond to incidents");
        return reverseAction(caller.clientId(), incidentId, action, target, detail);
    }

    /**
     * Moves the incident to another status as {@link IncidentStatus} allows, reopening included;
     * {@code expectedVersion} is the version the caller last saw.
     */
    public Incident changeStatus(Principal caller, String incidentId, IncidentStatus target, long expectedVersion,
            String reason) {
        requireOperator(caller, Scope.WRITE, "change incident status");
        Objects.requireNonNull(target, "target");
        return moveTo(caller.clientId(), existing(incidentId), expectedVersion, target, reason);
    }

    /** Assigns the incident to an API client of the operator, or unassigns it ({@code assignee} null). */
    public Incident assign(Principal caller, String incidentId, @Nullable String assignee, long expectedVersion) {
        requireOperator(caller, Scope.WRITE, "assign incidents");
        if (assignee != null) {
            Incident.requireText(assignee, "assignee", Incident.MAX_ID);
        }
        Incident incident = existing(incidentId);
        Instant now = clock.instant();
        Draft entry = new Draft(now, caller.clientId(), Kind.ASSIGNED, null, assignee,
                assignee == null ? "unassigned" : "assigned");
        Incident stored = store.update(incident.withAssignee(assignee), expectedVersion, List.of(entry));
        audit(entry, stored);
        return stored;
    }

    /**
     * Adds the operator's note. Notes are kept on the timeline only, never in the audit trail or
     * logs, as they may hold anything; at most {@link TimelineEntry#MAX_DETAIL} characters.
     */
    public TimelineEntry addNote(Principal caller, String incidentId, String text) {
        requireOperator(caller, Scope.WRITE, "add notes to incidents");
        checkNote(text);
        Incident incident = existing(incidentId);
        TimelineEntry entry = store.appendTimeline(incidentId,
                new Draft(clock.instant(), caller.clientId(), Kind.NOTE, null, null, text));
        audit(entry, incident);
        return entry;
    }

    // --- the rules ----------------------------------------------------------------------------

    private Incident open(Detection detection) {
        Instant now = clock.instant();
        List<LinkedSignal> signals = detection.signals();
        List<LinkedSignal> kept = signals.size() > Incident.MAX_LINKED_SIGNALS
                ? signals.subList(signals.size() - Incident.MAX_LINKED_SIGNALS, signals.size()) : signals;
        Incident incident = new Incident(Ids.newId(), detection.detector(), detection.subject(), detection.title(),
                detection.severity(), IncidentStatus.OPEN, detection.at(), detection.at(), null, null, detection.deviceIds(),
                detection.organisationIds(), detection.dataSubjectIds(), kept, signals.size(), null, 1);
        Draft detected = new Draft(now, AuditEvent.HUB, Kind.DETECTED, null, detection.subject(),
                detection.title() + " (" + signals.size() + " signal(s))");
        store.create(incident, List.of(detected));
        SECURITY.warn("incident {} opened by detector {} about {} with severity {}", incident.id(),
                detection.detector(), detection.subject(), detection.severity());
        audit(detected, incident, "detector", detection.detector(), "severity", name(detection.severity()));
        return incident;
    }

    private Incident attach(Incident active, Detection detection) {
        Incident attached = active.attach(detection);
        String detail = detection.signals().size() + " signal(s) linked"
                + (attached.severity() != active.severity() ? "; severity raised to " + name(attached.severity()) : "");
        Draft linked = new Draft(clock.instant(), AuditEvent.HUB, Kind.SIGNAL_LINKED, null, detection.subject(), detail);
        Incident stored = store.update(attached, active.version(), List.of(linked));
        audit(linked, stored, "severity", name(stored.severity()));
        return stored;
    }

    private TimelineEntry takeAction(String actor, String incidentId, String action, String target, String detail) {
        checkAction(action, target, detail);
        Incident incident = existing(incidentId);
        if (!incident.isActive()) {
            throw new ConflictException("status", "incident '" + incidentId
                    + "' is resolved; reopen it before taking further actions");
        }
        return appendAction(actor, incident, Kind.ACTION_TAKEN, action, target, detail);
    }

    /** Refuses to reverse an action that was not taken on the target, or that is reversed already. */
    private TimelineEntry reverseAction(String actor, String incidentId, String action, String target,
            String detail) {
        checkAction(action, target, detail);
        Incident incident = existing(incidentId);
        if (standing(incidentId, action, target).isEmpty()) {
            throw new ConflictException("action", "action '" + action
                    + "' was not taken on that target in this incident, or is reversed already");
        }
        return appendAction(actor, incident, Kind.ACTION_REVERSED, action, target, detail);
    }

    /**
     * The actions taken in the incident and not reversed since, oldest first: one per action and
     * target, with the detail of its latest taking.
     */
    public List<StandingAction> standingActions(String incidentId) {
        Map<List<String>, TimelineEntry> taken = new LinkedHashMap<>();
        for (TimelineEntry each : store.timeline(incidentId)) {
            if (each.action() == null || each.target() == null) {
                continue;
            }
            List<String> key = List.of(each.action(), each.target());
            if (each.kind() == Kind.ACTION_TAKEN) {
                taken.remove(key);
                taken.put(key, each);
            } else if (each.kind() == Kind.ACTION_REVERSED) {
                taken.remove(key);
            }
        }
        return taken.values().stream().map(e -> new StandingAction(e.action(), e.target(), e.detail())).toList();
    }

    /** The action standing on {@code target} in the incident, if any. */
    public Optional<StandingAction> standing(String incidentId, String action, String target) {
        return standingActions(incidentId).stream()
                .filter(s -> s.action().equals(action) && s.target().equals(target)).findFirst();
    }

    /** One action taken or reversed: on the timeline, in the security log, in the ledger. */
    private TimelineEntry appendAction(String actor, Incident incident, Kind kind, String action, String target,
            String detail) {
        TimelineEntry entry = store.appendTimeline(incident.id(),
                new Draft(clock.instant(), actor, kind, action, target, detail));
        SECURITY.info("incident {}: action {} {} by {}", incident.id(), action,
                kind == Kind.ACTION_TAKEN ? "taken" : "reversed", actor);
        audit(entry, incident);
        return entry;
    }

    private Incident moveTo(String actor, Incident incident, long expectedVersion, IncidentStatus target,
            String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.length() > TimelineEntry.MAX_DETAIL) {
            throw new InvalidInputException("reason", "reason is longer than " + TimelineEntry.MAX_DETAIL
                    + " characters");
        }
        if (incident.version() != expectedVersion) {
            throw stale(incident.id());
        }
        incident.status().requireMoveTo(target);
        Instant now = clock.instant();
        Draft entry = new Draft(now, actor, Kind.STATUS_CHANGED, null, name(target), reason);
        Incident stored = store.update(incident.withStatus(target, now), expectedVersion, List.of(entry));
        SECURITY.info("incident {} moved from {} to {} by {}", incident.id(), incident.status(), target, actor);
        audit(entry, stored, "from", name(incident.status()));
        return stored;
    }

    private Incident existing(String incidentId) {
        Objects.requireNonNull(incidentId, "incidentId");
        return store.find(incidentId).orElseThrow(() -> NotFoundException.of("incident", incidentId));
    }

    private static ConflictException stale(String incidentId) {
        return new ConflictException("version", "incident '" + incidentId
                + "' was changed meanwhile; read it again and retry");
    }

    private static boolean isStale(ConflictException e) {
        return e.field().filter("version"::equals).isPresent();
    }

    private static void checkAction(String action, String target, String detail) {
        Objects.requireNonNull(action, "action");
        if (!ACTION_NAME.matcher(action).matches()) {
            throw new InvalidInputException("action", "action must be a lower-case name of letters, digits and"
                    + " hyphens, at most 64 characters, e.g. " + IncidentActions.QUARANTINE_DEVICE);
        }
        Incident.requireText(target, "target", TimelineEntry.MAX_TARGET);
        Objects.requireNonNull(detail, "detail");
        if (detail.length() > TimelineEntry.MAX_DETAIL) {
            throw new InvalidInputException("detail", "detail is longer than " + TimelineEntry.MAX_DETAIL
                    + " characters");
        }
    }

    private static void checkNote(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("note", "a note must not be empty");
        }
        if (text.length() > TimelineEntry.MAX_DETAIL) {
            throw new InvalidInputException("note", "a note is at most " + TimelineEntry.MAX_DETAIL
                    + " characters; this one has " + text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new InvalidInputException("note", "a note must not contain control characters other than"
                        + " line breaks and tabs (found one at position " + i + ")");
            }
        }
    }

    /**
     * The audit event of a timeline entry. A target that is one of the incident's data subjects
     * goes in {@code subjectId}, sealed by the ledger, never in {@code target}.
     */
    private void audit(TimelineEntry entry, Incident incident, String... extra) {
        audit(entry.at(), entry.actor(), entry.kind(), entry.action(), entry.target(), incident, extra);
    }

    private void audit(Draft entry, Incident incident, String... extra) {
        audit(entry.at(), entry.actor(), entry.kind(), entry.action(), entry.target(), incident, extra);
    }

    private void audit(Instant at, String actor, Kind kind, @Nullable String action, @Nullable String target,
            Incident incident, String... extra) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("incidentId", incident.id());
        details.put("kind", name(kind));
        if (action != null) {
            details.put("action", action);
        }
        if (target != null) {
            details.put(incident.dataSubjectIds().contains(target) ? "subjectId" : "target", target);
        }
        for (int i = 0; i + 1 < extra.length; i += 2) {
            if (!extra[i + 1].isEmpty()) {
                details.put(extra[i], extra[i + 1]);
            }
        }
        audit.append(new AuditEvent(AuditEventType.INCIDENT_ACTION, at, actor, details));
    }
}
