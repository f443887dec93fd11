package io.pactum.core.detect;

import io.pactum.core.signal.SecuritySignal;
import io.pactum.core.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A simulated benign fleet, driven by a seed: devices connect, reconnect every two to six
 * minutes (sometimes with a failed first login, a half-open old session, a few QoS 1
 * redeliveries, or, for mobile devices, from a new address), send a message every 1 to 10 s with
 * jitter (some in small bursts), with values that follow a noisy sine and a slowly draining
 * battery; partners make requests of which a few are refused. Everything an honest fleet does
 * that looks a little like an attack, at honest rates.
 */
final class BenignFleet {
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final int CONNECT = 0;
    private static final int MESSAGE = 1;
    private static final int PARTNER = 2;
    private static final String[] ORGANISATIONS = {"org-care", "org-lab", "org-insure"};

    private final Random random;
    private final DetectionEngine engine;
    private final Device[] devices;
    private final PriorityQueue<long[]> queue = new PriorityQueue<>(Comparator.comparingLong((long[] e) -> e[0]));

    private static final class Device {
        final String id;
        final String product;
        final boolean mobile;
        final boolean bursty;
        final long periodMillis;
        final double sinePeriodSeconds;
        final double phase;
        final double base;
        String host;
        boolean connected;
        int port = 40_000;

        Device(int index, Random random) {
            this.id = "dev-" + index;
            this.product = index % 3 == 0 ? "sensor" : "meter";
            this.mobile = random.nextDouble() < 0.05;
            this.bursty = random.nextDouble() < 0.05;
            this.periodMillis = 1_000 + random.nextInt(9_000);
            this.sinePeriodSeconds = 300 + random.nextInt(3_300);
            this.phase = random.nextDouble() * 2 * Math.PI;
            this.base = 15 + random.nextDouble() * 10;
            this.host = "10." + (index >>> 16) + "." + ((index >>> 8) & 0xff) + "." + (index & 0xff);
        }

        String source() {
            return "mqtt " + host + ":" + port;
        }
    }

    BenignFleet(long seed, int deviceCount, DetectionEngine engine) {
        this.random = new Random(seed);
        this.engine = engine;
        this.devices = new Device[deviceCount];
        for (int i = 0; i < deviceCount; i++) {
            devices[i] = new Device(i, random);
            queue.add(new long[] {random.nextInt(10_000), CONNECT, i});
        }
        for (int i = 0; i < ORGANISATIONS.length; i++) {
            queue.add(new long[] {random.nextInt(1_000), PARTNER, i});
        }
    }

    /** Runs the fleet for {@code length}, ticking the engine once a second. */
    void run(Duration length) {
        long end = length.toMillis();
        long nextTick = 1_000;
        while (!queue.isEmpty() && queue.peek()[0] <= end) {
            long[] event = queue.poll();
            long now = event[0];
            for (; nextTick <= now; nextTick += 1_000) {
                engine.tick(T0.plusMillis(nextTick));
            }
            switch ((int) event[1]) {
                case CONNECT -> connect(devices[(int) event[2]], now);
                case MESSAGE -> message(devices[(int) event[2]], (int) event[2], now);
                default -> partner(ORGANISATIONS[(int) event[2]], (int) event[2], now);
            }
        }
    }

    private void connect(Device device, long now) {
        Instant at = T0.plusMillis(now);
        int index = Integer.parseInt(device.id.substring(4));
        boolean first = !device.connected;
        if (!first) {
            if (device.mobile) {
                // A mobile device drops its connection cleanly and comes back from another network.
                engine.observe(new Observation.Disconnected(device.id, device.source(), at));
                device.host = "100.64." + random.nextInt(256) + "." + random.nextInt(256);
                at = at.plusMillis(1_000 + random.nextInt(4_000));
            } else if (random.nextDouble() < 0.1) {
                // The old session is half-open: the reconnect takes it over, from the same host.
                device.port++;
                engine.observe(signal(SignalType.CLIENT_ID_CONFLICT, at, device));
            } else {
                engine.observe(new Observation.Disconnected(device.id, device.source(), at));
                at = at.plusMillis(500 + random.nextInt(4_500));
            }
        }
        device.port++;
        if (random.nextDouble() < 0.02) { // an expired token, refreshed on the next attempt
            engine.observe(signal(SignalType.AUTHENTICATION_FAILURE, at, device));
            at = at.plusMillis(1_000);
        }
        engine.observe(new Observation.Connected(device.id, device.source(), at));
        device.connected = true;
        if (!first && random.nextDouble() < 0.2) { // QoS 1 messages in flight are sent again
            for (int i = random.nextInt(4); i > 0; i--) {
                engine.observe(signal(SignalType.REPLAY, at.plusMillis(10L * i), device));
            }
        }
        if (random.nextDouble() < 0.01) { // a firmware bug publishes once where it may not
            engine.observe(signal(SignalType.FORBIDDEN_PUBLISH, at.plusMillis(50), device));
        }
        if (first) {
            queue.add(new long[] {now + random.nextInt((int) device.periodMillis), MESSAGE, index});
        }
        queue.add(new long[] {now + 120_000 + random.nextInt(240_000), CONNECT, index});
    }

    private void message(Device device, int index, long now) {
        int count = device.bursty && random.nextDouble() < 0.05 ? 10 : 1; // an event report now and then
        for (int i = 0; i < count; i++) {
            Instant at = T0.plusMillis(now + 50L * i);
            double t = now / 1000.0;
            if (random.nextDouble() < 0.001) { // a corrupted frame
                engine.observe(signal(SignalType.INTEGRITY_FAILURE, at, device));
                continue;
            }
            engine.observe(new Observation.MessageAccepted(device.id, device.product, 100 + random.nextInt(300), at));
            engine.observe(new Observation.ValueObserved(device.id, device.product, "temperature",
                    device.base + 5 * Math.sin(2 * Math.PI * t / device.sinePeriodSeconds + device.phase)
                            + 0.3 * random.nextGaussian(), at));
            double battery = 3.3 - t / 100_000 + 0.002 * random.nextGaussian();
            engine.observe(new Observation.ValueObserved(device.id, device.product, "battery",
                    Math.round(battery * 100) / 100.0, at));
        }
        long jitter = (long) (device.periodMillis * (0.8 + 0.4 * random.nextDouble()));
        queue.add(new long[] {now + jitter, MESSAGE, index});
    }

    private void partner(String organisation, int index, long now) {
        boolean allowed = random.nextDouble() >= 0.005; // a device just left an agreement
        engine.observe(new Observation.PartnerRequest(organisation, "records", allowed, T0.plusMillis(now)));
        queue.add(new long[] {now + 100 + random.nextInt(200), PARTNER, index});
    }

    private static Observation signal(SignalType type, Instant at, Device device) {
        return new Observation.Signal(new SecuritySignal(type, at, device.id, device.source(), "benign"));
    }
}
