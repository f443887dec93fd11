package io.pactum.server.demo;

import io.pactum.sdk.DeviceMessages;
import io.pactum.sdk.SenmlPack;
import io.pactum.server.simulate.SimDevice;
import io.pactum.server.simulate.Telemetry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * What the demo's devices send, each in its supplier's format, with values that wander plausibly
 * around each device's own level. Real fleets have faults, so some messages are bad on purpose: now
 * and then a thermostat's sensor reads 150 °C (refused as implausible) and a toy's firmware sends a
 * cut-off pack (refused as malformed). Neither is an attack, and neither raises an incident.
 */
final class DemoTelemetry {
    /** One message in this many is a fault. */
    static final int FAULT_EVERY = 120;

    private DemoTelemetry() {}

    static Telemetry of(DeviceKind kind) {
        return switch (kind) {
            case GLUCOSE_MONITOR -> DemoTelemetry::glucoseMonitor;
            case THERMOSTAT -> DemoTelemetry::thermostat;
            case TOY -> DemoTelemetry::toy;
        };
    }

    /** SenML CBOR in a COSE_Mac0 under the device's MAC key; the counter is the message's number from 1. */
    private static LongFunction<byte[]> glucoseMonitor(SimDevice device) {
        SplittableRandom random = new SplittableRandom(device.id().hashCode());
        double level = 5 + random.nextDouble(3);
        return step -> {
            double glucose = level + 1.5 * Math.sin(step / 40.0) + random.nextDouble(-0.2, 0.2);
            byte[] pack = SenmlPack.withBaseName("urn:dev:" + device.id() + ":")
                    .add("glucose", round(glucose, 1), "mmol/L", null)
                    .add("battery", battery(step), "%", null)
                    .toCbor();
            return DeviceMessages.mac0(device.id(), device.macKey(), step + 1, pack);
        };
    }

    private static LongFunction<byte[]> thermostat(SimDevice device) {
        SplittableRandom random = new SplittableRandom(device.id().hashCode());
        double setpoint = 19 + random.nextInt(4);
        String ssid = "HOME-" + Integer.toHexString(device.id().hashCode() & 0xffff).toUpperCase(Locale.ROOT);
        return step -> {
            double temperature = random.nextInt(FAULT_EVERY) == 0 ? 150
                    : setpoint - 1 + Math.sin(step / 30.0) + random.nextDouble(-0.3, 0.3);
            return String.format(Locale.ROOT,
                    "{\"temperature\":%.2f,\"setpoint\":%.1f,\"humidity\":%.1f,\"heating\":%b,\"wifi_ssid\":\"%s\"}",
                    temperature, setpoint, 40 + random.nextDouble(10), temperature < setpoint, ssid)
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    private static LongFunction<byte[]> toy(SimDevice device) {
        SplittableRandom random = new SplittableRandom(device.id().hashCode());
        String[] events = {"none", "none", "none", "wake_word", "voice_command"};
        return step -> {
            byte[] pack = SenmlPack.withBaseName("urn:dev:" + device.id() + ":")
                    .add("play_minutes", playMinutes(step), "min", null)
                    .add("microphone_event", events[random.nextInt(events.length)])
                    .add("battery", battery(step), "%", null)
                    .toJson();
            if (random.nextInt(FAULT_EVERY) == 0) {
                return Arrays.copyOf(pack, pack.length / 2);
            }
            return pack;
        };
    }

    /**
     * Minutes played in the last hour: rises and falls smoothly within 5–55. A value that jumped (a
     * counter reset at midnight) would look to the out-of-profile detector like an attack.
     */
    private static double playMinutes(long step) {
        return Math.round(30 + 25 * Math.sin(step / 300.0));
    }

    /** Starts full, loses a percent every hundred messages, stays above 5 %. */
    private static double battery(long step) {
        return Math.max(5, 100 - step / 100);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
