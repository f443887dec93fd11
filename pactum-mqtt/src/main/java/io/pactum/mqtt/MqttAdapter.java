package io.pactum.mqtt;

import io.pactum.core.ingest.DeviceAuthenticator;
import io.pactum.core.ingest.MessageIngest;
import io.pactum.core.registry.Device;
import io.pactum.core.registry.DeviceState;
import io.pactum.core.registry.DeviceStateListener;
import io.pactum.core.signal.SecuritySignals;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT device adapter, for the composition root: {@link #start} it, and register it as a
 * {@link DeviceStateListener} so that a device quarantined or revoked while connected is
 * disconnected at once and nothing more of it is ingested. See {@code docs/mqtt.md}.
 */
public final class MqttAdapter implements DeviceStateListener {
    private static final Logger LOG = LoggerFactory.getLogger(MqttAdapter.class);
    /** The adapter name recorded in every message's provenance. */
    static final String ADAPTER = "mqtt";
    /** Workers for ingest: each device uses one at a time, so this bounds concurrent stores. */
    private static final int INGEST_WORKERS = 16;

    private final MqttServer server;
    private final WorkerExecutor workers;
    /** The current connection of each connected device. */
    private final ConcurrentMap<String, DeviceSession> sessions = new ConcurrentHashMap<>();
    /** The ingest gate of each device that connected; replaced when a closed one reconnects. */
    private final ConcurrentMap<String, DeviceGate> gates = new ConcurrentHashMap<>();

    private MqttAdapter(Vertx vertx, MqttSettings settings, DeviceAuthenticator authenticator, MessageIngest ingest,
            SecuritySignals signals, Clock clock) {
        this.workers = vertx.createSharedWorkerExecutor("pactum-mqtt-ingest", INGEST_WORKERS);
        IngestLanes lanes = new IngestLanes(task -> workers.executeBlocking(() -> {
            task.run();
            return null;
        }, false));
        Admission admission = new Admission(vertx, settings, authenticator, ingest, signals, clock, lanes, this);
        this.server = MqttServer.create(vertx, options(settings))
                .endpointHandler(admission::connected)
                .exceptionHandler(e -> LOG.debug("MQTT connection failed before CONNECT: {}", e.toString()));
    }

    /**
     * Starts listening.
     *
     * @param authenticator checks devices at CONNECT; blocking, so called off the event loop
     * @param ingest        where messages go; blocking, called off the event loop, in order per device
     * @return the running adapter; {@link #actualPort()} tells the port when 0 was asked for
     */
    public static Future<MqttAdapter> start(Vertx vertx, MqttSettings settings, DeviceAuthenticator authenticator,
            MessageIngest ingest, SecuritySignals signals) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(signals, "signals");
        MqttAdapter adapter = new MqttAdapter(vertx, settings, authenticator, ingest, signals, Clock.systemUTC());
        return adapter.server.listen()
                .map(listening -> adapter)
                .onSuccess(a -> LOG.info("MQTT adapter listening on {}:{}{}", settings.host(), a.actualPort(),
                        settings.tls() == null ? "" : settings.tls().mutual() ? " (TLS, client certificates)" : " (TLS)"))
                .onFailure(e -> adapter.workers.close());
    }

    public int actualPort() {
        return server.actualPort();
    }

    /** Stops listening and closes every connection. */
    public Future<Void> close() {
        return server.close().eventually(() -> workers.close());
    }

    @Override
    public void stateChanged(Device device) {
        if (device.state() == DeviceState.ACTIVE) {
            return;
        }
        DeviceGate gate = gates.get(device.id());
        if (gate != null) {
            gate.close();
        }
        DeviceSession session = sessions.get(device.id());
        if (session != null) {
            LOG.debug("disconnecting device {}: it is now {}", device.id(), device.state());
            session.revoke();
        }
    }

    /** The gate for a device about to authenticate: the open one, or a fresh one if it was closed. */
    DeviceGate openGate(String deviceId) {
        return gates.compute(deviceId, (id, gate) -> gate == null || gate.isClosed() ? new DeviceGate() : gate);
    }

    /** Forgets a gate created for a connect that was refused, so failed logins leave nothing behind. */
    void forgetGate(String deviceId, DeviceGate gate) {
        if (!sessions.containsKey(deviceId)) {
            gates.remove(deviceId, gate);
        }
    }

    /** Makes {@code session} the device's current one; returns the one it took over, if any. */
    @Nullable DeviceSession register(DeviceSession session) {
        return sessions.put(session.deviceId(), session);
    }

    void unregister(DeviceSession session) {
        sessions.remove(session.deviceId(), session);
    }

    private static MqttServerOptions options(MqttSettings settings) {
        MqttServerOptions options = new MqttServerOptions()
                .setHost(settings.host())
                .setPort(settings.port())
                // Netty counts the remaining length, MQTT 5 the whole packet (at least 2 bytes more).
                .setMaxMessageSize(settings.maxMessageBytes() - 2)
                // Device ids are up to 64 characters; an empty client id is refused, never invented.
                .setMaxClientIdLength(64)
                .setAutoClientId(false)
                .setTimeoutOnConnect(10);
        TlsSettings tls = settings.tls();
        if (tls != null) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(tls.certificate().toString())
                    .setKeyPath(tls.privateKey().toString()));
            if (tls.clientCa() != null) {
                // REQUEST, not REQUIRED: devices without a certificate may still use their secret.
                options.setClientAuth(ClientAuth.REQUEST)
                        .setTrustOptions(new PemTrustOptions().addCertPath(tls.clientCa().toString()));
            }
        }
        return options;
    }
}
