package io.pactum.server.demo;

import io.pactum.core.detect.BuiltInBehaviours;
import io.pactum.core.signal.SignalType;
import io.pactum.server.simulate.FleetStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The demo's state at one moment, as the live summary shows it and the final report keeps it:
 * messages each kind of device sent (the hub acknowledges every one it read, refused or not), what
 * the hub refused and why (its security signals), what each partner received and whether both are
 * still connected and every delivery was readable, what became of the withdrawing patient's data, the
 * incidents, and the device under attack once the attack began.
 */
public record DemoSnapshot(Duration elapsed, Duration duration, Map<DeviceKind, FleetStats> fleets,
        Map<SignalType, Long> signals, Map<String, Long> deliveredByPartner, boolean partnersConnected,
        Withdrawal withdrawal, List<IncidentLine> incidents, @Nullable String attackedDevice) {

    /** One incident: what detected it, about what, its state, how long containment took, what was done. */
    public record IncidentLine(String detector, String subject, String status, @Nullable Double secondsToContainment,
            List<String> actions) {
        public IncidentLine {
            actions = List.copyOf(actions);
        }
    }

    /** Signals about one message the hub refused to store; the others concern connections and requests. */
    private static final List<SignalType> MESSAGE_REFUSALS = List.of(SignalType.INTEGRITY_FAILURE, SignalType.REPLAY,
            SignalType.UNPROTECTED_MESSAGE, SignalType.MALFORMED_PAYLOAD, SignalType.IMPLAUSIBLE_VALUE,
            SignalType.OVERSIZED_MESSAGE, SignalType.FORBIDDEN_PUBLISH);

    public DemoSnapshot {
        fleets = Collections.unmodifiableMap(fleets.isEmpty() ? new EnumMap<>(DeviceKind.class) : new EnumMap<>(fleets));
        signals = Map.copyOf(signals);
        deliveredByPartner = Collections.unmodifiableMap(new LinkedHashMap<>(deliveredByPartner));
        Objects.requireNonNull(withdrawal, "withdrawal");
        incidents = List.copyOf(incidents);
    }

    /** Whether the incident is the attack's own: the clone detector on the device under attack. */
    public boolean isTheAttack(IncidentLine incident) {
        return isTheAttack(incident.detector(), incident.subject(), attackedDevice);
    }

    /** The rule itself, for the run, which applies it before a snapshot exists. */
    static boolean isTheAttack(String detector, String subject, @Nullable String attackedDevice) {
        return attackedDevice != null && detector.equals(BuiltInBehaviours.SHARED_CREDENTIALS.name())
                && subject.equals(attackedDevice);
    }

    public long messagesSent() {
        return fleets.values().stream().mapToLong(FleetStats::acknowledged).sum();
    }

    /** Messages the hub refused, whatever the reason. */
    public long messagesRefused() {
        return MESSAGE_REFUSALS.stream().mapToLong(type -> signals.getOrDefault(type, 0L)).sum();
    }

    /** The summary: a few lines, each short enough for an 80-column terminal in the usual case. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        // the last snapshot comes after the deliveries' drain, a moment past the set duration
        Duration shown = elapsed.compareTo(duration) > 0 ? duration : elapsed;
        lines.add("Pactum demo  " + Durations.clock(shown) + " of " + Durations.clock(duration));
        lines.add("  Messages in  " + fleets.entrySet().stream()
                .map(e -> e.getValue().acknowledged() + " " + e.getKey().plural())
                .collect(Collectors.joining(", ")));
        lines.add("  Refused      " + counts(MESSAGE_REFUSALS.stream(), messagesRefused()));
        lines.add("  Signals      " + counts(Arrays.stream(SignalType.values()).filter(t -> !MESSAGE_REFUSALS.contains(t)),
                -1));
        lines.add("  Delivered    " + deliveredByPartner.entrySet().stream()
                .map(e -> e.getValue() + " to " + e.getKey()).collect(Collectors.joining(", ")));
        lines.add("  Consent      " + (withdrawal.at() == null
                ? withdrawal.patient() + " consents; clinic got " + withdrawal.before() + " of their records"
                : withdrawal.patient() + " withdrew at " + Durations.clock(withdrawal.at()) + "; clinic got "
                        + withdrawal.before() + " before, " + withdrawal.after() + " after"));
        if (incidents.isEmpty()) {
            lines.add("  Incidents    none");
        }
        for (IncidentLine incident : incidents) {
            lines.add("  Incident     " + incident.detector() + " on " + incident.subject() + ": " + incident.status()
                    + (incident.secondsToContainment() == null ? ""
                            : String.format(Locale.ROOT, " in %.3f s", incident.secondsToContainment())));
            if (!incident.actions().isEmpty()) {
                lines.add("               " + String.join(", ", incident.actions()));
            }
        }
        return lines;
    }

    private String counts(Stream<SignalType> types, long total) {
        String listed = types.filter(type -> signals.getOrDefault(type, 0L) > 0)
                .map(type -> signals.get(type) + " " + type.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
        if (listed.isEmpty()) {
            return "none";
        }
        return total >= 0 ? total + (total == 1 ? " message: " : " messages: ") + listed : listed;
    }
}
