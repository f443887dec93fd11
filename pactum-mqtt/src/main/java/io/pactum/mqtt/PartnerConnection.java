package io.pactum.mqtt;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.pactum.core.security.Principal;
import io.pactum.core.signal.SecuritySignal;
import io.pactum.core.signal.SecuritySignals;
import io.pactum.core.signal.SignalType;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import java.time.Clock;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A partner's connection as the parts of its {@link PartnerSession} share it: who is connected and
 * from where, what the client asked for at CONNECT, how far the session got (opened, ended,
 * persistent), and the replies, publishes and signals that must not fail once the connection
 * closed. Event loop only, except {@link #onLoop}, which any thread may call.
 */
final class PartnerConnection {
    /** One logger for all that a partner session logs, whichever of its parts logs it. */
    private static final Logger LOG = LoggerFactory.getLogger(PartnerSession.class);

    final MqttEndpoint endpoint;
    final String clientId;
    final String organisationId;
    final String source;
    final boolean mqtt5;
    final boolean problemInformation;
    private final SecuritySignals signals;
    private final Clock clock;
    private final Context context;

    // Event loop only, from here on.
    /** The token's principal: its scopes decide what may be subscribed and commanded; renewed by each safety poll. */
    private Principal principal;
    /** Whether the session state outlives the connection (3.1.1 clean session 0, MQTT 5 Session Expiry > 0). */
    private boolean persistent;
    /** Whether CONNACK was sent, so there is a session to deliver on. */
    private boolean opened;
    private boolean ended;

    PartnerConnection(MqttEndpoint endpoint, Principal principal, String source, SecuritySignals signals,
            Clock clock, Context context) {
        this.endpoint = endpoint;
        this.clientId = principal.clientId();
        this.organisationId = principal.organisationId();
        this.source = source;
        this.mqtt5 = endpoint.protocolVersion() >= 5;
        this.problemInformation = !Integer.valueOf(0).equals(property(endpoint.connectProperties(),
                MqttProperties.REQUEST_PROBLEM_INFORMATION));
        this.signals = signals;
        this.clock = clock;
        this.context = context;
        this.principal = principal;
        this.persistent = mqtt5 ? sessionExpiry(endpoint.connectProperties()) != 0 : !endpoint.isCleanSession();
    }

    Principal principal() {
        return principal;
    }

    void principal(Principal current) {
        principal = current;
    }

    boolean persistent() {
        return persistent;
    }

    /** From now on the session state ends with the connection. */
    void endSessionWithConnection() {
        persistent = false;
    }

    boolean opened() {
        return opened;
    }

    void markOpened() {
        opened = true;
    }

    boolean ended() {
        return ended;
    }

    void markEnded() {
        ended = true;
    }

    /** Runs {@code action} on the connection's event loop; after Vert.x closed, drops it. Any thread. */
    void onLoop(Handler<Void> action) {
        try {
            context.runOnContext(action);
        } catch (RejectedExecutionException closed) {
            LOG.debug("partner {}: event loop closed, dropping a callback", clientId);
        }
    }

    /** Runs {@code action} on the connection's event loop after {@code millis}; after Vert.x closed, drops it. */
    void onLoopAfter(long millis, Handler<Void> action) {
        try {
            context.owner().setTimer(millis, id -> onLoop(action));
        } catch (RejectedExecutionException | IllegalStateException closed) {
            LOG.debug("partner {}: event loop closed, dropping a timer", clientId);
        }
    }

    /** Ends the connection: once accepted, MQTT 5 with a DISCONNECT carrying {@code code}; else by closing it. */
    void disconnect(MqttDisconnectReasonCode code) {
        try {
            if (!opened) {
                endpoint.close(); // not accepted yet: there is no session to send DISCONNECT on
            } else if (!endpoint.isConnected()) {
                return;
            } else if (mqtt5) {
                endpoint.disconnect(code, MqttProperties.NO_PROPERTIES);
            } else {
                endpoint.close();
            }
        } catch (IllegalArgumentException | IllegalStateException alreadyClosed) {
            LOG.trace("connection of partner {} already closed", clientId);
        }
    }

    Future<Integer> publish(String topic, byte[] payload, MqttQoS qos, boolean dup, int packetId,
            MqttProperties properties) {
        try {
            return endpoint.publish(topic, Buffer.buffer(payload), qos, dup, false, packetId, properties);
        } catch (IllegalArgumentException | IllegalStateException closedMeanwhile) {
            return Future.failedFuture(closedMeanwhile);
        }
    }

    void ifConnected(Runnable reply) {
        if (endpoint.isConnected()) {
            try {
                reply.run();
            } catch (IllegalArgumentException | IllegalStateException alreadyClosed) {
                LOG.trace("connection of partner {} closed before the reply", clientId);
            }
        }
    }

    MqttProperties reasonString(String detail) {
        if (!mqtt5 || !problemInformation) {
            return MqttProperties.NO_PROPERTIES;
        }
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.StringProperty(MqttProperties.REASON_STRING, detail));
        return properties;
    }

    /** The MQTT 5 properties of a JSON payload (records and command results). */
    static MqttProperties jsonProperties() {
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.IntegerProperty(MqttProperties.PAYLOAD_FORMAT_INDICATOR, 1));
        properties.add(new MqttProperties.StringProperty(MqttProperties.CONTENT_TYPE, "application/json"));
        return properties;
    }

    void raise(SignalType type, String detail) {
        signals.raise(new SecuritySignal(type, clock.instant(), clientId, source, detail));
    }

    static @Nullable Object property(MqttProperties properties, int id) {
        MqttProperties.MqttProperty<?> property = properties.getProperty(id);
        return property != null ? property.value() : null;
    }

    private static long sessionExpiry(MqttProperties connect) {
        Object value = property(connect, MqttProperties.SESSION_EXPIRY_INTERVAL);
        return value instanceof Integer seconds ? Integer.toUnsignedLong(seconds) : 0;
    }
}
