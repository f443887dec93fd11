package io.pactum.server.simulate;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * A fleet of well-behaved devices: each connects once (at a random moment of the ramp-up),
 * publishes its noisy readings at QoS 1 every second or two, now and then disconnects and comes
 * back a few seconds later, and after an unexpected disconnect retries with a backoff. It must
 * raise no incident. Everything runs on the given Vert.x runtime's timers; the fleet stops by
 * itself after its duration, or when closed.
 */
public final class BenignFleet implements AutoCloseable {
    /** Long enough for any soak run, short enough that a forgotten fleet stops. */
    static final Duration MAX_DURATION = Duration.ofHours(2);

    private final Vertx vertx;
    private final LoopbackTarget target;
    private final FleetSettings settings;
    private final Telemetry telemetry;
    private final List<Member> members = new ArrayList<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;
    private long stopTimer = -1;

    /** A fleet of simulated sensors sending {@link Telemetry#READINGS}. */
    public BenignFleet(Vertx vertx, LoopbackTarget target, List<SimDevice> devices, FleetSettings settings) {
        this(vertx, target, devices, settings, Telemetry.READINGS);
    }

    public BenignFleet(Vertx vertx, LoopbackTarget target, List<SimDevice> devices, FleetSettings settings,
            Telemetry telemetry) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.target = Objects.requireNonNull(target, "target");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        for (SimDevice device : devices) {
            members.add(new Member(device));
        }
    }

    /** Starts the fleet for {@code duration} (at most two hours); returns at once. */
    public void start(Duration duration) {
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("duration must be positive and at most " + MAX_DURATION);
        }
        running = true;
        for (Member member : members) {
            member.later(ThreadLocalRandom.current().nextLong(settings.rampUp().toMillis() + 1), member::connect);
        }
        stopTimer = vertx.setTimer(duration.toMillis(), id -> stopAll());
    }

    public boolean isRunning() {
        return running;
    }

    public FleetStats stats() {
        return new FleetStats(members.size(), published.get(), acknowledged.get(), connects.get(), reconnects.get(),
                refused.get(), dropped.get());
    }

    /** Devices connected right now. */
    public int connected() {
        return (int) members.stream().filter(Member::isConnected).count();
    }

    /** Stops publishing and disconnects every device. */
    @Override
    public void close() {
        if (stopTimer >= 0) {
            vertx.cancelTimer(stopTimer);
        }
        stopAll();
        long waitUntil = System.nanoTime() + 10_000_000_000L;
        while (connected() > 0 && System.nanoTime() < waitUntil) {
            DeviceLink.pause(20);
        }
    }

    private void stopAll() {
        running = false;
        members.forEach(Member::leave);
    }

    /** One device of the fleet; its state changes on timers and client callbacks. */
    private final class Member {
        private final SimDevice device;
        private final LongFunction<byte[]> payloads;
        private volatile @Nullable MqttClient client;
        private volatile boolean leaving;
        private long step;

        Member(SimDevice device) {
            this.device = device;
            this.payloads = telemetry.forDevice(device);
        }

        boolean isConnected() {
            MqttClient c = client;
            return c != null && c.isConnected();
        }

        void later(long millis, Runnable action) {
            vertx.setTimer(Math.max(1, millis), id -> {
                if (running) {
                    action.run();
                }
            });
        }

        void connect() {
            leaving = false;
            MqttClient c = MqttClient.create(vertx, new MqttClientOptions()
                    .setClientId(device.id())
                    .setUsername(device.id())
                    .setPassword(device.secret())
                    .setCleanSession(true)
                    .setKeepAliveInterval(60)
                    .setAutoKeepAlive(true));
            c.publishCompletionHandler(packetId -> acknowledged.incrementAndGet());
            c.closeHandler(v -> {
                // only the current connection's end matters: a planned reconnect's old client closes late
                if (!leaving && running && client == c) {
                    dropped.incrementAndGet();
                    later(backoff(2_000, 5_000), this::connect);
                }
            });
            client = c;
            c.connect(target.mqttPort(), target.host()).onComplete(done -> {
                if (done.succeeded()) {
                    connects.incrementAndGet();
                    later(interval(), this::publish);
                } else {
                    refused.incrementAndGet();
                    later(backoff(5_000, 10_000), this::connect);
                }
            });
        }

        void publish() {
            MqttClient c = client;
            if (c == null || !c.isConnected()) {
                return; // the close handler schedules the reconnect
            }
            c.publish(device.telemetryTopic(), Buffer.buffer(payloads.apply(step++)),
                    MqttQoS.AT_LEAST_ONCE, false, false);
            published.incrementAndGet();
            if (ThreadLocalRandom.current().nextDouble() < settings.reconnectChance()) {
                reconnects.incrementAndGet();
                leaving = true;
                c.disconnect();
                later(backoff(1_000, 3_000), this::connect);
            } else {
                later(interval(), this::publish);
            }
        }

        void leave() {
            leaving = true;
            MqttClient c = client;
            if (c != null && c.isConnected()) {
                c.disconnect();
            }
        }

        private long interval() {
            return backoff(settings.minInterval().toMillis(), settings.maxInterval().toMillis());
        }

        private long backoff(long min, long max) {
            return min + ThreadLocalRandom.current().nextLong(max - min + 1);
        }
    }
}
