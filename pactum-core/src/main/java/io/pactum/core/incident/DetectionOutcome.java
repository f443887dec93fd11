package io.pactum.core.incident;

/** What an detection led to: the incident it opened ({@code opened}) or the active one it was attached to. */
public record DetectionOutcome(Incident incident, boolean opened) {
    public DetectionOutcome {
        java.util.Objects.requireNonNull(incident, "incident");
    }
}
