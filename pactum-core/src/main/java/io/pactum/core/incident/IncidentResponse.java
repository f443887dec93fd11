package io.pactum.core.incident;

import static io.pactum.core.access.AccessPolicy.requireOperator;

import io.pactum.core.error.ConflictException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Containment: carries out playbook actions and their reversal, and keeps the incident's record of
 * them. An action takes effect first and is recorded after (timeline and ledger), so the record
 * never claims what did not happen; if recording fails after the effect, the effect stays and the
 * failure is logged — the state change itself is audited by the registry.
 *
 * <p>The hub {@link #respond responds} to every detection: the playbook's steps that do not stand
 * yet are taken, so a device released by the operator that attacks again is contained again, and
 * an incident whose steps all stand becomes contained. The operator takes further actions and
 * reverses any, by name; reversing the last action that holds something back (anything but a
 * notification) opens a contained incident again, as nothing holds its cause back any more.
 */
public final class IncidentResponse {
    private static final Logger SECURITY = LoggerFactory.getLogger("pactum.security");

    private final IncidentService incidents;
    private final Map<String, ResponseAction> actions;
    private final Playbooks playbooks;
    private volatile Consumer<StandingAction> onReversed = reversed -> { };
    /**
     * One response at a time: the hub's playbook and the operator's actions and reversals decide on
     * what stands and change status; interleaved, an incident could be marked contained by a
     * playbook just after the operator released its device. Responses are rare; one lock is enough.
     */
    private final Object lock = new Object();

    public IncidentResponse(IncidentService incidents, List<ResponseAction> actions, Playbooks playbooks) {
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.playbooks = Objects.requireNonNull(playbooks, "playbooks");
        Map<String, ResponseAction> byName = new LinkedHashMap<>();
        for (ResponseAction action : actions) {
            if (byName.put(action.name(), action) != null) {
                throw new IllegalArgumentException("two actions named " + action.name());
            }
        }
        this.actions = Map.copyOf(byName);
    }

    /** The names of the actions this hub can take. */
    public Set<String> actionNames() {
        return actions.keySet();
    }

    /** Called after each reversal, e.g. so detection forgets the released subject's alarm. */
    public void onReversed(Consumer<StandingAction> listener) {
        this.onReversed = Objects.requireNonNull(listener, "listener");
    }

    /**
     * For the hub, after a detection opened or joined {@code incident}: takes the playbook's steps for
     * its detector and severity that do not stand yet, then marks the incident contained if it was
     * open and every step now stands. A step that fails is logged and left to the operator.
     */
    public Incident respond(Incident incident) {
        List<PlaybookStep> steps = playbooks.of(incident.detector()).stream()
                .filter(step -> step.appliesTo(incident.severity())).toList();
        if (steps.isEmpty()) {
            return incident;
        }
        synchronized (lock) {
            Optional<Incident> current = incidents.find(incident.id());
            if (current.isEmpty() || !current.get().isActive()) {
                return current.orElse(incident); // resolved meanwhile: the operator has it
            }
            boolean allStand = true;
            for (PlaybookStep step : steps) {
                if (!takeStep(incident, step)) {
                    allStand = false;
                }
            }
            return allStand && containing(steps) ? containIfOpen(incident.id()) : current.get();
        }
    }

    /** One playbook step, unless it stands and still holds; whether it stands afterwards. */
    private boolean takeStep(Incident incident, PlaybookStep step) {
        ResponseAction action = action(step.action());
        String target = incident.subject();
        if (incidents.standing(incident.id(), step.action(), target).isPresent() && action.inEffect(target)) {
            return true;
        }
        String done;
        try {
            done = action.take(incident, target);
        } catch (RuntimeException e) {
            SECURITY.error("incident {}: playbook action {} failed: {}", incident.id(), step.action(),
                    e.getMessage());
            return false;
        }
        try {
            incidents.recordAction(incident.id(), step.action(), target, join(done, null));
            return true;
        } catch (RuntimeException e) {
            // the effect holds; say so where the operator looks, since the timeline could not
            SECURITY.error("incident {}: playbook action {} is in effect on {} but could not be recorded: {}",
                    incident.id(), step.action(), target, e.getMessage());
            return false;
        }
    }

    /** For the operator: carries out an action on a target in the incident, and records it. */
    public TimelineEntry take(Principal caller, String incidentId, String action, String target, String reason) {
        requireOperator(caller, Scope.WRITE, "respond to incidents");
        synchronized (lock) {
            return takeByOperator(caller, incidentId, action, target, reason);
        }
    }

    private TimelineEntry takeByOperator(Principal caller, String incidentId, String action, String target,
            String reason) {
        Incident incident = incidents.get(caller, incidentId);
        if (!incident.isActive()) {
            throw new ConflictException("status", "incident '" + incidentId
                    + "' is resolved; reopen it before taking further actions");
        }
        String done = action(action).take(incident, target);
        return incidents.recordAction(caller, incidentId, action, target, join(done, reason));
    }

    /**
     * For the operator: undoes an action standing in the incident (the hub's or the operator's), and
     * records it; e.g. releases a quarantined device. Refused when the action does not stand there.
     */
    public TimelineEntry reverse(Principal caller, String incidentId, String action, String target, String reason) {
        requireOperator(caller, Scope.WRITE, "respond to incidents");
        synchronized (lock) {
            return reverseByOperator(caller, incidentId, action, target, reason);
        }
    }

    private TimelineEntry reverseByOperator(Principal caller, String incidentId, String action, String target,
            String reason) {
        incidents.get(caller, incidentId);
        StandingAction standing = incidents.standing(incidentId, action, target).orElseThrow(() ->
                new ConflictException("action", "action '" + action + "' does not stand on '" + target
                        + "' in incident '" + incidentId + "'; nothing to reverse"));
        String done = action(action).reverse(target, standing.takenDetail());
        TimelineEntry entry = incidents.recordReversal(caller, incidentId, action, target, join(done, reason));
        onReversed.accept(standing);
        if (incidents.standingActions(incidentId).stream().noneMatch(IncidentResponse::holdsBack)) {
            reopenIfContained(caller, incidentId);
        }
        return entry;
    }

    private static boolean containing(List<PlaybookStep> steps) {
        return steps.stream().anyMatch(step -> holdsBack(step.action()));
    }

    private static boolean holdsBack(StandingAction standing) {
        return holdsBack(standing.action());
    }

    /** A notification tells someone; it holds nothing back. Every other action does. */
    private static boolean holdsBack(String action) {
        return !action.equals(IncidentActions.NOTIFY);
    }

    private Incident containIfOpen(String incidentId) {
        Optional<Incident> now = incidents.find(incidentId);
        if (now.isPresent() && now.get().status() == IncidentStatus.OPEN) {
            return incidents.changeStatus(incidentId, IncidentStatus.CONTAINED, "playbook actions in effect");
        }
        return now.orElseThrow();
    }

    private void reopenIfContained(Principal caller, String incidentId) {
        Incident incident = incidents.get(caller, incidentId);
        if (incident.status() == IncidentStatus.CONTAINED) {
            incidents.changeStatus(caller, incidentId, IncidentStatus.OPEN, incident.version(),
                    "no containing action stands any more");
        }
    }

    private ResponseAction action(String name) {
        ResponseAction action = actions.get(Objects.requireNonNull(name, "action"));
        if (action == null) {
            throw new InvalidInputException("action", "unknown action '" + name + "'; known: "
                    + String.join(", ", new java.util.TreeSet<>(actions.keySet())));
        }
        return action;
    }

    private static String join(String done, @Nullable String reason) {
        String joined = reason == null || reason.isBlank() ? done : done + "; " + reason.strip();
        return joined.length() > TimelineEntry.MAX_DETAIL ? joined.substring(0, TimelineEntry.MAX_DETAIL) : joined;
    }
}
