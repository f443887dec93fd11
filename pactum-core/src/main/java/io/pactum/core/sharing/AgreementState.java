package io.pactum.core.sharing;

/** Where an agreement stands. Only an {@link #ACTIVE} agreement releases data or admits commands. */
public enum AgreementState {
    ACTIVE,
    /** Paused by the operator; may be made active again. */
    SUSPENDED,
    /** Ended for good; a revoked agreement never becomes active again. */
    REVOKED;

    public boolean canBecome(AgreementState next) {
        return this != REVOKED || next == REVOKED;
    }
}
