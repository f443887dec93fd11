package io.pactum.core.incident;

import io.pactum.core.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the hub does by itself when a detector opens an incident: per detector, the steps to carry
 * out on the incident's subject. Written as text so that an operator configures it in one line:
 * <pre>
 * credential-stuffing: block-source; message-flood: quarantine-device@medium notify
 * </pre>
 * Detectors are separated by {@code ;}, steps by spaces; {@code @severity} is the least severity
 * at which a step runs (default: any). A detector without a line has no automatic response: its
 * incidents wait for the operator.
 */
public final class Playbooks {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    /**
     * The defaults: a device that misbehaves is quarantined (its sessions dropped, reconnects refused,
     * its waiting deliveries withheld), a host that sprays passwords is blocked, a partner that reaches
     * beyond its agreements has them suspended. Each can be reversed by the operator.
     */
    public static final String DEFAULTS = "credential-stuffing: block-source; "
            + "connection-flood: quarantine-device; message-flood: quarantine-device; "
            + "integrity-failure-burst: quarantine-device; replay: quarantine-device; "
            + "topic-scanning: quarantine-device; shared-credentials: quarantine-device; "
            + "out-of-profile-value: quarantine-device; partner-exfiltration: suspend-organisation";

    private final Map<String, List<PlaybookStep>> byDetector;

    private Playbooks(Map<String, List<PlaybookStep>> byDetector) {
        this.byDetector = Map.copyOf(byDetector);
    }

    public static Playbooks none() {
        return new Playbooks(Map.of());
    }

    /**
     * Reads playbooks from text as in the class comment; refuses unknown actions (not in {@code known})
     * and detectors named twice, saying where.
     */
    public static Playbooks parse(String text, Set<String> known) {
        Objects.requireNonNull(text, "text");
        Map<String, List<PlaybookStep>> byDetector = new LinkedHashMap<>();
        for (String line : text.split(";")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw invalid("'" + line.strip() + "' has no ':' between the detector and its actions");
            }
            String detector = line.substring(0, colon).strip();
            if (!NAME.matcher(detector).matches()) {
                throw invalid("'" + detector + "' is not a detector name (lower case, digits, hyphens)");
            }
            List<PlaybookStep> steps = line.substring(colon + 1).isBlank() ? List.of()
                    : java.util.Arrays.stream(line.substring(colon + 1).strip().split("\\s+"))
                            .map(step -> step(detector, step, known)).toList();
            if (byDetector.put(detector, steps) != null) {
                throw invalid("detector '" + detector + "' has two playbooks");
            }
        }
        return new Playbooks(byDetector);
    }

    /** The detector's steps, in order; empty when it has no automatic response. */
    public List<PlaybookStep> of(String detector) {
        return byDetector.getOrDefault(detector, List.of());
    }

    /** Whether any detector's playbook names the action. */
    public boolean uses(String action) {
        return byDetector.values().stream().flatMap(List::stream).anyMatch(step -> step.action().equals(action));
    }

    private static PlaybookStep step(String detector, String text, Set<String> known) {
        int at = text.indexOf('@');
        String action = at < 0 ? text : text.substring(0, at);
        if (!known.contains(action)) {
            throw invalid("detector '" + detector + "': unknown action '" + action + "'; known: "
                    + String.join(", ", new java.util.TreeSet<>(known)));
        }
        if (at < 0) {
            return new PlaybookStep(action, Severity.LOW);
        }
        String severity = text.substring(at + 1);
        try {
            return new PlaybookStep(action, Severity.valueOf(severity.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw invalid("detector '" + detector + "': '" + severity
                    + "' is not a severity (low, medium, high, critical)");
        }
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("playbooks", message);
    }
}
