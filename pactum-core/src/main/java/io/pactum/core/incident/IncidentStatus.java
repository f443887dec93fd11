package io.pactum.core.incident;

import io.pactum.core.access.AccessPolicy;
import io.pactum.core.error.ConflictException;

/**
 * Where an incident stands. The allowed moves: {@code OPEN → CONTAINED → RESOLVED},
 * {@code OPEN → RESOLVED}, {@code CONTAINED → OPEN} (its containment reversed, e.g. a device
 * released) and {@code RESOLVED → OPEN} (a reopening, by the operator only).
 * Anything else, staying put included, is refused.
 */
public enum IncidentStatus {
    /** Detected, not yet contained: the cause may still be acting. */
    OPEN,
    /** Its effects are held back (a device quarantined, an agreement suspended), the cause not yet removed. */
    CONTAINED,
    /** Over: the cause removed or the detection found false. */
    RESOLVED;

    /** Whether an incident in this status may move to {@code target}. */
    public boolean canMoveTo(IncidentStatus target) {
        return switch (this) {
            case OPEN -> target == CONTAINED || target == RESOLVED;
            case CONTAINED -> target == RESOLVED || target == OPEN;
            case RESOLVED -> target == OPEN;
        };
    }

    /** Whether only the operator (not the hub's own playbooks) may make the move: reopening. */
    public boolean onlyOperatorMovesTo(IncidentStatus target) {
        return this == RESOLVED && target == OPEN;
    }

    /** Refuses a move {@link #canMoveTo} does not allow, with a message naming the moves that are. */
    public void requireMoveTo(IncidentStatus target) {
        if (!canMoveTo(target)) {
            throw new ConflictException("status", "an incident that is " + AccessPolicy.name(this)
                    + " cannot become " + AccessPolicy.name(target) + "; allowed: " + allowedMoves());
        }
    }

    private String allowedMoves() {
        return switch (this) {
            case OPEN -> "contained, resolved";
            case CONTAINED -> "resolved, open";
            case RESOLVED -> "open (reopen, operator only)";
        };
    }
}
