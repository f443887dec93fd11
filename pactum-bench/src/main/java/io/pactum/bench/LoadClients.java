package io.pactum.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.pactum.bench.BenchFleet.BenchDevice;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The load generator: one MQTT 3.1.1 connection per device (Vert.x MQTT client, all on a few event
 * loops), each publishing its pre-built messages as fast as the flow-control rules allow:
 * <ul>
 *   <li>QoS 1: at most {@code inflight} unacknowledged PUBLISHes per connection;</li>
 *   <li>QoS 0: at most {@code qos0Window} messages sent but not yet arrived at the far end (stored
 *       by the hub, received by the Mosquitto subscribers), across all connections; 0 means no limit.</li>
 * </ul>
 * Every publisher runs on its connection's event loop, so sending never waits on another thread.
 * A {@link SendObserver} may note when each message was handed to the client, for latencies.
 */
final class LoadClients implements AutoCloseable {
    private static final long CONNECT_TIMEOUT_SECONDS = 60;

    private final Vertx vertx;
    private final int port;
    private final boolean credentials;
    private final int inflight;
    private final List<Publisher> publishers = new ArrayList<>();
    final AtomicInteger unexpectedDisconnects = new AtomicInteger();

    /**
     * Told, on the device's event loop, the moment message {@code index} of device {@code device} is
     * sent and the moment its device's {@code index}-th PUBACK of the round arrives (both servers
     * handle a device's messages in order, so that is the acknowledgement of the same message).
     */
    @FunctionalInterface
    interface SendObserver {
        SendObserver NONE = (device, index, nanos) -> { };

        void sent(int device, int index, long nanoTime);

        default void acknowledged(int device, int index, long nanoTime) { }
    }

    LoadClients(Vertx vertx, int port, List<BenchDevice> devices, boolean credentials, int inflight) {
        this.vertx = vertx;
        this.port = port;
        this.credentials = credentials;
        this.inflight = inflight;
        for (int i = 0; i < devices.size(); i++) {
            publishers.add(new Publisher(i, devices.get(i)));
        }
    }

    /** Connects every device that is not connected (a CONNECT to the hub checks the secret: PBKDF2). */
    void connect() {
        List<Future<?>> connecting = new ArrayList<>();
        for (Publisher p : publishers) {
            if (p.client == null || !p.client.isConnected()) {
                connecting.add(p.connect());
            }
        }
        await(Future.all(connecting), "connect the load clients");
    }

    /**
     * Sends {@code messages[i]} from device i, all devices at once, and returns when every message
     * was handed to the network and, for QoS 1, acknowledged (or the deadline passed).
     */
    PublishRound publish(byte[][][] messages, MqttQoS qos, int qos0Window, LongSupplier arrived, long deadlineNanos) {
        return publish(messages, qos, qos0Window, arrived, SendObserver.NONE);
    }

    /** As {@link #publish(byte[][][], MqttQoS, int, LongSupplier, long)}, telling {@code observer} of every send. */
    PublishRound publish(byte[][][] messages, MqttQoS qos, int qos0Window, LongSupplier arrived,
            SendObserver observer) {
        long total = 0;
        for (byte[][] m : messages) {
            total += m.length;
        }
        PublishRound round = new PublishRound(total, qos, qos0Window, arrived, observer);
        round.startedAt = System.nanoTime();
        for (int i = 0; i < publishers.size(); i++) {
            publishers.get(i).start(round, messages[i]);
        }
        return round;
    }

    @Override
    public void close() {
        List<Future<?>> closing = new ArrayList<>();
        for (Publisher p : publishers) {
            if (p.client != null && p.client.isConnected()) {
                p.closing = true;
                closing.add(p.client.disconnect());
            }
        }
        try {
            await(Future.join(closing), "disconnect the load clients");
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
        }
    }

    /** The state of one publishing round across all connections. */
    static final class PublishRound {
        final long total;
        final MqttQoS qos;
        final long qos0Window;
        final LongSupplier arrived;
        final SendObserver observer;
        final Completion acknowledged;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        volatile long startedAt;
        volatile long allSentAt;
        private final AtomicInteger finishedPublishers = new AtomicInteger();

        PublishRound(long total, MqttQoS qos, int qos0Window, LongSupplier arrived, SendObserver observer) {
            this.total = total;
            this.qos = qos;
            this.qos0Window = qos0Window <= 0 ? Long.MAX_VALUE : qos0Window;
            this.arrived = arrived;
            this.observer = observer;
            this.acknowledged = new Completion(qos == MqttQoS.AT_MOST_ONCE ? 0 : total);
        }

        boolean mayQos0Send() {
            return sent.get() - arrived.getAsLong() < qos0Window;
        }

        void publisherDone(int publishers) {
            if (finishedPublishers.incrementAndGet() == publishers) {
                allSentAt = System.nanoTime();
            }
        }
    }

    private final class Publisher {
        private final int index;
        private final BenchDevice device;
        private final String topic;
        private @Nullable MqttClient client;
        private @Nullable Context context;
        private volatile boolean closing;
        // Event-loop state of the current round.
        private @Nullable PublishRound round;
        private byte[][] messages = new byte[0][];
        private int next;
        private int unacknowledged;
        private int acknowledgedInRound;

        Publisher(int index, BenchDevice device) {
            this.index = index;
            this.device = device;
            this.topic = "devices/" + device.id() + "/telemetry";
        }

        Future<?> connect() {
            MqttClientOptions options = new MqttClientOptions()
                    .setClientId(device.id())
                    .setCleanSession(true)
                    .setKeepAliveInterval(60)
                    .setMaxInflightQueue(inflight + 10);
            if (credentials) {
                options.setUsername(device.id()).setPassword(device.secret());
            }
            MqttClient c = MqttClient.create(vertx, options);
            c.publishCompletionHandler(this::acknowledged);
            c.closeHandler(v -> {
                if (!closing) {
                    unexpectedDisconnects.incrementAndGet();
                    System.err.println("  connection of " + device.id() + " was closed by the server");
                }
            });
            client = c;
            return c.connect(port, "127.0.0.1").onSuccess(ack -> context = vertx.getOrCreateContext());
        }

        void start(PublishRound newRound, byte[][] newMessages) {
            Context ctx = context;
            if (ctx == null) {
                throw new IllegalStateException("not connected");
            }
            ctx.runOnContext(v -> {
                round = newRound;
                messages = newMessages;
                next = 0;
                unacknowledged = 0;
                acknowledgedInRound = 0;
                pump();
            });
        }

        /** Sends while the flow-control rule allows; on the connection's event loop. */
        private void pump() {
            PublishRound r = round;
            MqttClient c = client;
            if (r == null || c == null || !c.isConnected()) {
                return;
            }
            boolean qos0 = r.qos == MqttQoS.AT_MOST_ONCE;
            while (next < messages.length) {
                if (qos0 ? !r.mayQos0Send() : unacknowledged >= inflight) {
                    break;
                }
                r.observer.sent(index, next, System.nanoTime());
                byte[] message = messages[next++];
                r.sent.incrementAndGet();
                if (!qos0) {
                    unacknowledged++;
                }
                c.publish(topic, Buffer.buffer(message), r.qos, false, false)
                        .onFailure(e -> r.failures.incrementAndGet());
            }
            if (next == messages.length) {
                r.publisherDone(publishers.size());
                round = qos0 ? null : r; // QoS 1 still counts acknowledgements
                next = Integer.MAX_VALUE;
                return;
            }
            if (qos0) {
                // Blocked by the window: the far end catches up without telling us, so look again soon.
                vertx.setTimer(1, id -> pump());
            }
        }

        private void acknowledged(int packetId) {
            PublishRound r = round;
            if (r == null) {
                return;
            }
            unacknowledged--;
            r.observer.acknowledged(index, acknowledgedInRound++, System.nanoTime());
            r.acknowledged.add(1);
            if (next < messages.length) {
                pump();
            }
        }
    }

    static <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not " + what + " within " + CONNECT_TIMEOUT_SECONDS + " s", e);
        }
    }
}
