package io.pactum.core.incident;

import java.util.Objects;

/**
 * One step of a playbook: an action carried out on the incident's subject once the incident's
 * severity reaches {@code minimumSeverity}.
 */
public record PlaybookStep(String action, Severity minimumSeverity) {
    public PlaybookStep {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(minimumSeverity, "minimumSeverity");
    }

    public boolean appliesTo(Severity severity) {
        return severity.compareTo(minimumSeverity) >= 0;
    }
}
