package io.pactum.server.demo;

import io.pactum.core.signal.SignalType;
import io.pactum.server.simulate.FleetStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds {@link DemoSnapshot}s by hand for the tests: a healthy run two minutes long, changed where a test says. */
final class SnapshotBuilder {
    private Duration elapsed = Duration.ofMinutes(2);
    private Duration duration = Duration.ofMinutes(2);
    private final Map<DeviceKind, FleetStats> fleets = new EnumMap<>(DeviceKind.class);
    private final Map<SignalType, Long> signals = new EnumMap<>(SignalType.class);
    private final Map<String, Long> delivered = new LinkedHashMap<>();
    private @Nullable Duration withdrawnAt = Duration.ofSeconds(30);
    private long before = 25;
    private long after;
    private long arrivedLate;
    private long othersAfter = 40;
    private boolean partnersConnected = true;
    private final List<DemoSnapshot.IncidentLine> incidents = new ArrayList<>();
    private @Nullable String attackedDevice;

    SnapshotBuilder() {
        fleets(100, 200, 300);
        delivered.put(DemoEcosystem.CLINIC, 100L);
        delivered.put(DemoEcosystem.ANALYTICS, 500L);
    }

    /** Messages acknowledged from glucose monitors, thermostats and toys. */
    SnapshotBuilder fleets(long glucose, long thermostats, long toys) {
        fleets.put(DeviceKind.GLUCOSE_MONITOR, stats(glucose));
        fleets.put(DeviceKind.THERMOSTAT, stats(thermostats));
        fleets.put(DeviceKind.TOY, stats(toys));
        return this;
    }

    SnapshotBuilder elapsed(Duration value) {
        elapsed = value;
        return this;
    }

    SnapshotBuilder duration(Duration value) {
        duration = value;
        return this;
    }

    SnapshotBuilder signal(SignalType type, long count) {
        signals.put(type, count);
        return this;
    }

    SnapshotBuilder noDeliveries() {
        delivered.clear();
        return this;
    }

    SnapshotBuilder delivered(String partner, long count) {
        delivered.put(partner, count);
        return this;
    }

    SnapshotBuilder notWithdrawn() {
        withdrawnAt = null;
        return this;
    }

    SnapshotBuilder withdrawnAt(Duration at, long recordsBefore, long recordsAfter) {
        withdrawnAt = at;
        before = recordsBefore;
        after = recordsAfter;
        return this;
    }

    SnapshotBuilder arrivedLate(long count) {
        arrivedLate = count;
        return this;
    }

    SnapshotBuilder othersAfter(long count) {
        othersAfter = count;
        return this;
    }

    SnapshotBuilder partnersDisconnected() {
        partnersConnected = false;
        return this;
    }

    SnapshotBuilder recordsBefore(long count) {
        before = count;
        return this;
    }

    SnapshotBuilder incident(String detector, String subject, String status, @Nullable Double seconds,
            String... actions) {
        incidents.add(new DemoSnapshot.IncidentLine(detector, subject, status, seconds, List.of(actions)));
        return this;
    }

    /** The attack began on this device. */
    SnapshotBuilder attacked(String deviceId) {
        attackedDevice = deviceId;
        return this;
    }

    /** The attack's incident as a contained run reports it. */
    SnapshotBuilder containedClone() {
        return attacked("toy-0006").incident("shared-credentials", "toy-0006", "contained", 0.25,
                "quarantine-device toy-0006");
    }

    DemoSnapshot build() {
        return new DemoSnapshot(elapsed, duration, fleets, signals, delivered, partnersConnected,
                new Withdrawal("patient-0001", withdrawnAt, before, after, arrivedLate, othersAfter), incidents,
                attackedDevice);
    }

    private static FleetStats stats(long acknowledged) {
        return new FleetStats(5, acknowledged, acknowledged, 5, 0, 0, 0);
    }
}
