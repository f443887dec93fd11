package io.pactum.mqtt;

import io.pactum.core.command.CommandDelivery;
import io.pactum.core.command.DeliveryResult;
import io.pactum.core.detect.Observations;
import io.pactum.core.ingest.DeviceAuthenticator;
import io.pactum.core.ingest.MessageIngest;
import io.pactum.core.registry.Device;
import io.pactum.core.registry.DeviceState;
import io.pactum.core.registry.DeviceStateListener;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.ProductStateListener;
import io.pactum.core.signal.SecuritySignals;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT device adapter, for the composition root: {@link #start} it, and register it as a
 * {@link DeviceStateListener} and a {@link ProductStateListener} so that a device quarantined or
 * revoked while connected, or whose product is suspended while it is connected, is disconnected at
 * once and nothing more of it is ingested. It listens on plain TCP, TLS, or both (see
 * {@link MqttSettings}); both listeners serve the same devices alike.
 *
 * <p>It is also the hub's {@link CommandDelivery}: give it to {@code CommandService.useDelivery},
 * and give the command service's {@code recordResponse} to {@link #useCommandResponses} so that
 * devices' answers on {@code devices/{id}/responses/{commandId}} reach it.
 *
 * <p>Partners (API clients of partner and supplier organisations) use the same listeners: once
 * {@link #usePartners} was called they connect with their bearer token and receive their
 * organisation's deliveries on {@code partners/{organisationId}/records}, and send commands on
 * {@code partners/{organisationId}/commands/{devicePseudonym}}. See {@code docs/mqtt.md}.
 */
public final class MqttAdapter implements DeviceStateListener, ProductStateListener, CommandDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(MqttAdapter.class);
    /** The adapter name recorded in every message's provenance. */
    static final String ADAPTER = "mqtt";
    /** Workers for ingest: each device uses one at a time, so this bounds concurrent stores. */
    private static final int INGEST_WORKERS = 16;
    /** Workers for partner sessions' outbox reads and cursor writes, one task per session at a time. */
    private static final int PARTNER_WORKERS = 8;
    /** Workers for partner commands; each may wait up to {@link #COMMAND_ACK_TIMEOUT_MILLIS} for a device. */
    private static final int COMMAND_WORKERS = 8;
    /** How long {@link #deliver} waits for the device's PUBACK. */
    static final long COMMAND_ACK_TIMEOUT_MILLIS = 10_000;
    /** How long {@link #close} waits for partner sessions' last cursor writes. */
    static final long CLOSE_DRAIN_MILLIS = 5_000;

    private final @Nullable MqttServer plain;
    private final @Nullable MqttServer tls;
    private final Vertx vertx;
    private final WorkerExecutor workers;
    private final WorkerExecutor partnerWorkers;
    private final WorkerExecutor commandWorkers;
    /** Outbox reads and cursor writes, in order per partner client id (also across a takeover). */
    final IngestLanes partnerLanes;
    /** Partner commands, in order per partner client id. */
    final IngestLanes commandLanes;
    /** The current connection of each connected partner, by API client id (= MQTT client id). */
    private final ConcurrentMap<String, PartnerSession> partnerSessions = new ConcurrentHashMap<>();
    /**
     * The state of partners' persistent sessions whose connection ended, kept in memory beside the
     * stored cursor: their subscriptions, and what was sent and not acknowledged (re-sent with DUP).
     */
    private final ConcurrentMap<String, PartnerSession.KeptSession> keptSessions = new ConcurrentHashMap<>();
    private volatile @Nullable PartnerAccess partners;
    /** The current connection of each connected device. */
    private final ConcurrentMap<String, DeviceSession> sessions = new ConcurrentHashMap<>();
    /** The ingest gate of each device that connected; replaced when a closed one reconnects. */
    private final ConcurrentMap<String, DeviceGate> gates = new ConcurrentHashMap<>();
    /**
     * Products whose approval stopped admitting devices while this adapter ran. A device that
     * authenticated just before the change is refused when it registers (see {@link #register}).
     */
    private final Set<String> barredProducts = ConcurrentHashMap.newKeySet();
    private volatile CommandResponses responses = CommandResponses.NONE;
    private volatile Observations observations = Observations.NONE;

    private MqttAdapter(Vertx vertx, MqttSettings settings, DeviceAuthenticator authenticator, MessageIngest ingest,
            SecuritySignals signals, Clock clock) {
        this.vertx = vertx;
        this.workers = vertx.createSharedWorkerExecutor("pactum-mqtt-ingest", INGEST_WORKERS);
        IngestLanes lanes = lanes(workers);
        this.partnerWorkers = vertx.createSharedWorkerExecutor("pactum-mqtt-partners", PARTNER_WORKERS);
        this.commandWorkers = vertx.createSharedWorkerExecutor("pactum-mqtt-partner-commands", COMMAND_WORKERS);
        this.partnerLanes = lanes(partnerWorkers);
        this.commandLanes = lanes(commandWorkers);
        Admission admission = new Admission(vertx, settings, authenticator, ingest, signals, clock, lanes, this);
        this.plain = settings.plain() ? server(vertx, plainOptions(settings), admission) : null;
        TlsSettings tlsSettings = settings.tls();
        this.tls = tlsSettings != null ? server(vertx, tlsOptions(settings, tlsSettings), admission) : null;
    }

    private static IngestLanes lanes(WorkerExecutor executor) {
        return new IngestLanes(task -> executor.executeBlocking(() -> {
            task.run();
            return null;
        }, false));
    }

    private static MqttServer server(Vertx vertx, MqttServerOptions options, Admission admission) {
        return MqttServer.create(vertx, options)
                .endpointHandler(admission::connected)
                // Failed TLS handshakes end up here too: no certificate the client trusts, or a
                // client certificate that does not chain to the configured CA.
                .exceptionHandler(e -> LOG.debug("MQTT connection failed before CONNECT: {}", e.toString()));
    }

    /**
     * Starts listening.
     *
     * @param authenticator checks devices at CONNECT; blocking, so called off the event loop
     * @param ingest        where messages go; blocking, called off the event loop, in order per device
     * @return the running adapter once every listener listens; {@link #actualPort()} and
     *     {@link #actualTlsPort()} tell the ports when 0 was asked for
     */
    public static Future<MqttAdapter> start(Vertx vertx, MqttSettings settings, DeviceAuthenticator authenticator,
            MessageIngest ingest, SecuritySignals signals) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(signals, "signals");
        MqttAdapter adapter = new MqttAdapter(vertx, settings, authenticator, ingest, signals, Clock.systemUTC());
        List<Future<MqttServer>> listening = new ArrayList<>();
        if (adapter.plain != null) {
            listening.add(adapter.plain.listen());
        }
        if (adapter.tls != null) {
            listening.add(adapter.tls.listen());
        }
        return Future.all(listening)
                .map(all -> adapter)
                .onSuccess(a -> {
                    if (a.plain != null) {
                        LOG.info("MQTT adapter listening on {}:{}", settings.host(), a.actualPort());
                    }
                    TlsSettings tls = settings.tls();
                    if (tls != null) {
                        LOG.info("MQTT adapter listening on {}:{} (TLS{})", settings.host(), a.actualTlsPort(),
                                tls.mutual() ? ", client certificates" : "");
                    }
                })
                // One listener may have started although the other could not: stop both.
                .recover(e -> adapter.close().transform(closed -> Future.<MqttAdapter>failedFuture(e)));
    }

    /**
     * Sets where devices' responses to commands go; until then they are acknowledged and dropped.
     * The hub passes {@code commandService::recordResponse}.
     */
    public void useCommandResponses(CommandResponses responses) {
        this.responses = Objects.requireNonNull(responses, "responses");
    }

    /**
     * Lets partners connect (see {@code docs/mqtt.md}, "Partners"); until this is called a partner's
     * CONNECT is refused with Server unavailable. Call it once the hub's delivery and command services
     * exist, like {@link #useCommandResponses}. Sessions already connected keep what they were given.
     */
    public void usePartners(PartnerAccess access) {
        this.partners = Objects.requireNonNull(access, "access");
    }

    /** The partner services, or null while partners are not let in. */
    @Nullable PartnerAccess partners() {
        return partners;
    }

    /** Tells detection about every device connection admitted from now on. */
    public void useObservations(Observations observations) {
        this.observations = Objects.requireNonNull(observations, "observations");
    }

    /** For the admission: where admitted connections are reported. */
    Observations observations() {
        return observations;
    }

    /** Makes {@code session} the partner client's current one; returns the one it took over, if any. */
    @Nullable PartnerSession registerPartner(PartnerSession session) {
        return partnerSessions.put(session.clientId(), session);
    }

    void unregisterPartner(PartnerSession session) {
        partnerSessions.remove(session.clientId(), session);
    }

    /** Keeps a persistent partner session's state when its connection ends, or forgets it (null). */
    void keepSession(String clientId, PartnerSession.@Nullable KeptSession session) {
        if (session == null) {
            keptSessions.remove(clientId);
        } else {
            keptSessions.put(clientId, session);
        }
    }

    /** The state the client's previous persistent session left, if any; forgotten once taken. */
    PartnerSession.@Nullable KeptSession takeSession(String clientId) {
        return keptSessions.remove(clientId);
    }

    /** For the sessions: the current response handler. Blocking; off the event loop. */
    void respond(String deviceId, String commandId, byte[] payload) {
        responses.respond(deviceId, commandId, payload);
    }

    /**
     * Publishes a signed command on {@code devices/{deviceId}/commands} of the device's current
     * connection, at the QoS it subscribed with (1, or 0 if it asked for 0), and waits up to
     * {@value #COMMAND_ACK_TIMEOUT_MILLIS} ms for its PUBACK. Blocking: must not be called on an
     * event loop.
     *
     * @param commandId for the log only; the device finds it in the signed payload
     */
    @Override
    public DeliveryResult deliver(String deviceId, String commandId, byte[] signedCommand) {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(signedCommand, "signedCommand");
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("deliver blocks; call it from a worker, not an event loop");
        }
        DeviceSession session = sessions.get(deviceId);
        if (session == null) {
            return DeliveryResult.DEVICE_OFFLINE;
        }
        CompletableFuture<DeliveryResult> delivery = session.deliverCommand(signedCommand);
        DeliveryResult result;
        try {
            result = delivery.get(COMMAND_ACK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            session.forget(delivery);
            result = DeliveryResult.NOT_ACKNOWLEDGED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.forget(delivery);
            result = DeliveryResult.NOT_ACKNOWLEDGED;
        } catch (ExecutionException e) {
            result = DeliveryResult.NOT_ACKNOWLEDGED; // not completed exceptionally; for completeness
        }
        LOG.debug("command {} to device {}: {}", commandId, deviceId, result);
        return result;
    }

    /** The port of the plain TCP listener, or {@link MqttSettings#DISABLED} when there is none. */
    public int actualPort() {
        return plain != null ? plain.actualPort() : MqttSettings.DISABLED;
    }

    /** The port of the TLS listener, or {@link MqttSettings#DISABLED} when there is none. */
    public int actualTlsPort() {
        return tls != null ? tls.actualPort() : MqttSettings.DISABLED;
    }

    /**
     * Stops listening and closes every connection. Partner sessions' last cursor writes are given up
     * to {@value #CLOSE_DRAIN_MILLIS} ms to finish (one that does not only means records are sent
     * again after the restart).
     */
    public Future<Void> close() {
        List<Future<Void>> closing = new ArrayList<>();
        if (plain != null) {
            closing.add(plain.close());
        }
        if (tls != null) {
            closing.add(tls.close());
        }
        return Future.join(closing).<Void>mapEmpty()
                .eventually(this::partnersDrained)
                .eventually(() -> Future.join(workers.close(), partnerWorkers.close(), commandWorkers.close()));
    }

    /** Completes once every partner connection closed and its cursor writes ran, or after the drain limit. */
    private Future<Void> partnersDrained() {
        long deadline = System.nanoTime() + CLOSE_DRAIN_MILLIS * 1_000_000;
        List<Future<Void>> sessionsClosed = new ArrayList<>();
        partnerSessions.values().forEach(session -> sessionsClosed.add(session.closed()));
        Promise<Void> drained = Promise.promise();
        Future.join(sessionsClosed).onComplete(closed -> vertx.setPeriodic(10, timer -> {
            if (partnerLanes.isIdle() || System.nanoTime() > deadline) {
                vertx.cancelTimer(timer);
                drained.tryComplete();
            }
        }));
        vertx.setTimer(CLOSE_DRAIN_MILLIS, t -> drained.tryComplete());
        return drained.future();
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

    /**
     * Disconnects every partner session of the organisation (MQTT 5 DISCONNECT Not authorized), e.g.
     * when its agreements were suspended to contain an incident; returns how many. A reconnect is
     * admitted by its token as before, but receives only what its agreements still allow.
     */
    public int disconnectPartner(String organisationId) {
        Objects.requireNonNull(organisationId, "organisationId");
        int dropped = 0;
        for (PartnerSession session : partnerSessions.values()) {
            if (session.organisationId().equals(organisationId)) {
                session.suspended();
                dropped++;
            }
        }
        if (dropped > 0) {
            LOG.info("disconnected {} partner session(s) of organisation {}", dropped, organisationId);
        }
        return dropped;
    }

    /**
     * A product that no longer admits devices: each of its connected devices is disconnected (MQTT 5
     * DISCONNECT Not authorized) and nothing more of it ingested, as for a quarantined device.
     */
    @Override
    public void approvalChanged(Product product) {
        if (product.approvalState().admitsDevices()) {
            barredProducts.remove(product.id());
            return;
        }
        // Marked before the sessions are read: a device that authenticated against the old approval
        // either is among them, or registers later and sees the mark (register, then check).
        barredProducts.add(product.id());
        for (DeviceSession session : sessions.values()) {
            if (session.productId().equals(product.id())) {
                DeviceGate gate = gates.get(session.deviceId());
                if (gate != null) {
                    gate.close();
                }
                LOG.debug("disconnecting device {}: its product {} is now {}", session.deviceId(), product.id(),
                        product.approvalState());
                session.revoke();
            }
        }
    }

    /** Whether the product stopped admitting devices while this adapter ran. */
    boolean isBarred(String productId) {
        return barredProducts.contains(productId);
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

    private static MqttServerOptions plainOptions(MqttSettings settings) {
        return commonOptions(settings).setPort(settings.port());
    }

    private static MqttServerOptions tlsOptions(MqttSettings settings, TlsSettings tls) {
        MqttServerOptions options = commonOptions(settings)
                .setPort(tls.port())
                .setSsl(true)
                .setKeyCertOptions(new PemKeyCertOptions()
                        .setCertPath(tls.certificate().toString())
                        .setKeyPath(tls.privateKey().toString()));
        Path clientCa = tls.clientCa();
        if (clientCa != null) {
            // REQUEST, not REQUIRED: devices without a certificate may still use their secret. A
            // certificate that is sent must chain to the CA, or the handshake fails.
            options.setClientAuth(ClientAuth.REQUEST)
                    .setTrustOptions(new PemTrustOptions().addCertPath(clientCa.toString()));
        }
        return options;
    }

    private static MqttServerOptions commonOptions(MqttSettings settings) {
        return new MqttServerOptions()
                .setHost(settings.host())
                // Netty counts the remaining length, MQTT 5 the whole packet (at least 2 bytes more).
                .setMaxMessageSize(settings.maxMessageBytes() - 2)
                // Device ids are up to 64 characters; an empty client id is refused, never invented.
                .setMaxClientIdLength(64)
                .setAutoClientId(false)
                .setTimeoutOnConnect(10);
    }
}
