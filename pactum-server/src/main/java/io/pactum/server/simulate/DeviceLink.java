package io.pactum.server.simulate;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One MQTT 3.1.1 connection of an attack script, used from the script's own thread: blocking calls
 * with bounded waits, so that a script reads as the attack it is.
 */
final class DeviceLink implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    /** The SUBACK code of a refused subscription (MQTT 3.1.1, 3.9.3). */
    static final int SUBSCRIPTION_FAILED = 0x80;

    private final LoopbackTarget target;
    private final MqttClient client;
    private final Map<Integer, CompletableFuture<Integer>> subAcks = new ConcurrentHashMap<>();
    private volatile IntConsumer onAcknowledged = packetId -> { };

    private DeviceLink(Vertx vertx, LoopbackTarget target, MqttClientOptions options) {
        this.target = target;
        this.client = MqttClient.create(vertx, options);
        client.publishCompletionHandler(packetId -> onAcknowledged.accept(packetId));
        // The SUBACK may come before the script registered its wait: whoever is first creates the future.
        client.subscribeCompletionHandler(ack -> subAcks.computeIfAbsent(ack.messageId(), id -> new CompletableFuture<>())
                .complete(ack.grantedQoSLevels().isEmpty() ? SUBSCRIPTION_FAILED : ack.grantedQoSLevels().get(0)));
        client.closeHandler(v -> subAcks.values().forEach(f -> f.complete(SUBSCRIPTION_FAILED)));
    }

    /** A device's login: client id and user name are the device id, the password its secret. */
    static DeviceLink device(Vertx vertx, LoopbackTarget target, SimDevice device, @Nullable String localAddress) {
        return login(vertx, target, device.id(), device.secret(), localAddress);
    }

    /** Any login, e.g. a guessed one; {@code localAddress} (a loopback address) is the source to bind. */
    static DeviceLink login(Vertx vertx, LoopbackTarget target, String clientId, String password,
            @Nullable String localAddress) {
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(clientId)
                .setUsername(clientId)
                .setPassword(password)
                .setCleanSession(true)
                .setKeepAliveInterval(60)
                .setMaxInflightQueue(1_000)
                .setAutoKeepAlive(true);
        options.setConnectTimeout((int) WAIT.toMillis());
        if (localAddress != null) {
            options.setLocalAddress(LoopbackTarget.requireLoopback(localAddress, "local address"));
        }
        return new DeviceLink(vertx, target, options);
    }

    /** Tells {@code listener} of each PUBACK, on the client's event loop. */
    DeviceLink onAcknowledged(IntConsumer listener) {
        this.onAcknowledged = listener;
        return this;
    }

    /** Connects; true when the hub accepted (CONNACK 0), false when it refused or closed the connection. */
    boolean connect() {
        try {
            await(client.connect(target.mqttPort(), target.host()));
            return true;
        } catch (IllegalStateException refused) {
            return false;
        }
    }

    /** Connects asynchronously; the future fails when the hub refused. */
    Future<?> connectAsync() {
        return client.connect(target.mqttPort(), target.host());
    }

    boolean isConnected() {
        return client.isConnected();
    }

    /** Hands a PUBLISH to the client (no wait); fails if the connection is gone. */
    Future<Integer> publish(String topic, byte[] payload, MqttQoS qos) {
        if (!client.isConnected()) {
            return Future.failedFuture("not connected");
        }
        return client.publish(topic, Buffer.buffer(payload), qos, false, false);
    }

    /** Subscribes and waits for the SUBACK; returns the granted QoS or {@link #SUBSCRIPTION_FAILED}. */
    int subscribe(String filter) {
        if (!client.isConnected()) {
            return SUBSCRIPTION_FAILED;
        }
        Integer packetId;
        try {
            packetId = await(client.subscribe(filter, 0));
        } catch (IllegalStateException gone) {
            return SUBSCRIPTION_FAILED;
        }
        CompletableFuture<Integer> granted = subAcks.computeIfAbsent(packetId, id -> new CompletableFuture<>());
        try {
            return granted.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SUBSCRIPTION_FAILED;
        } catch (ExecutionException | TimeoutException e) {
            return SUBSCRIPTION_FAILED;
        } finally {
            subAcks.remove(packetId);
        }
    }

    /** Disconnects without waiting (for callbacks on the event loop, which must not block). */
    void closeAsync() {
        if (client.isConnected()) {
            client.disconnect();
        }
    }

    @Override
    public void close() {
        if (client.isConnected()) {
            try {
                await(client.disconnect());
            } catch (IllegalStateException alreadyGone) {
                // the hub closed it meanwhile
            }
        }
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(String.valueOf(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer within " + WAIT, e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
