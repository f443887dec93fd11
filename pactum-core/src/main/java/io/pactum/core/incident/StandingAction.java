package io.pactum.core.incident;

import java.util.Objects;

/** An action taken in an incident and not reversed since, with what its taking said. */
public record StandingAction(String action, String target, String takenDetail) {
    public StandingAction {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(takenDetail, "takenDetail");
    }
}
