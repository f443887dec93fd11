package io.pactum.core.incident;

/**
 * One kind of response the hub can carry out on a target and undo: quarantining a device,
 * suspending an organisation's agreements, blocking a source host. Playbooks name actions by
 * {@link #name()}; {@link IncidentResponse} records each use on the incident's timeline and in the
 * audit ledger.
 *
 * <p>Implementations act on the hub's own state and must be safe to call from any thread. Taking
 * an action that already stands is not an error. A target the action cannot apply to (an unknown
 * device, a host that is not an address) is refused with an {@code InvalidInputException} or a
 * {@code NotFoundException}, and nothing changes.
 */
public interface ResponseAction {
    /** The name playbooks and timelines use, e.g. {@value IncidentActions#QUARANTINE_DEVICE}. */
    String name();

    /** Carries the action out; returns what was done, in a few words, for the timeline. */
    String take(Incident incident, String target);

    /**
     * Whether the action still holds on {@code target}: a block that ended by itself, or a device
     * released outside the incident, no longer does, and the playbook takes the action again when
     * the attack resumes. By default an action holds until reversed.
     */
    default boolean inEffect(String target) {
        return true;
    }

    /**
     * Undoes the action on {@code target}; {@code takenDetail} is what {@link #take} returned then,
     * for actions that must undo exactly what they did. Returns what was done.
     */
    String reverse(String target, String takenDetail);
}
