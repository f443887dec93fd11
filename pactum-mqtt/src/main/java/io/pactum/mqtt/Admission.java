package io.pactum.mqtt;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.pactum.core.detect.Observation;
import io.pactum.core.ingest.AuthenticatedDevice;
import io.pactum.core.ingest.DeviceAuthenticator;
import io.pactum.core.ingest.DeviceRefusedException;
import io.pactum.core.ingest.MessageIngest;
import io.pactum.core.signal.SecuritySignal;
import io.pactum.core.signal.SecuritySignals;
import io.pactum.core.signal.SignalType;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttAuth;
import io.vertx.mqtt.MqttEndpoint;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CONNECT: who the device is (user name = device id with password = device secret, or a registered
 * TLS client certificate), whether it may connect, and on what terms. The client id must equal the
 * device id, so that MQTT's one-session-per-client-id rule is one session per device.
 */
final class Admission {
    private static final Logger LOG = LoggerFactory.getLogger(Admission.class);

    private final Vertx vertx;
    private final MqttSettings settings;
    private final DeviceAuthenticator authenticator;
    private final MessageIngest ingest;
    private final SecuritySignals signals;
    private final Clock clock;
    private final IngestLanes lanes;
    private final MqttAdapter adapter;
    private final PartnerAdmission partners;

    Admission(Vertx vertx, MqttSettings settings, DeviceAuthenticator authenticator, MessageIngest ingest,
            SecuritySignals signals, Clock clock, IngestLanes lanes, MqttAdapter adapter) {
        this.vertx = vertx;
        this.settings = settings;
        this.authenticator = authenticator;
        this.ingest = ingest;
        this.signals = signals;
        this.clock = clock;
        this.lanes = lanes;
        this.adapter = adapter;
        this.partners = new PartnerAdmission(vertx, settings, signals, clock, adapter, this);
    }

    /** On the connection's event loop, for every CONNECT. */
    void connected(MqttEndpoint endpoint) {
        String source = MqttAdapter.ADAPTER + " " + endpoint.remoteAddress();
        boolean mqtt5 = endpoint.protocolVersion() >= 5;
        String clientId = endpoint.clientIdentifier();
        MqttAuth auth = endpoint.auth();
        @Nullable String password = auth != null ? auth.getPassword() : null;
        TlsSettings tls = settings.tls();
        // Only the TLS listener asks for client certificates, and only with a client CA (mutual TLS).
        Optional<String> certificate = endpoint.isSsl() && tls != null && tls.mutual()
                ? ClientCertificates.fingerprint(endpoint.sslSession()) : Optional.empty();

        @Nullable String userName = auth != null ? auth.getUsername() : null;
        if (PartnerTopics.isPartnerLogin(userName, password)) {
            // A partner: the password is its bearer token, which names the API client in the user name.
            partners.connected(endpoint, Objects.requireNonNull(userName), Objects.requireNonNull(password), source, mqtt5);
            return;
        }
        if (password == null && certificate.isEmpty()) {
            refuse(endpoint, ReasonCodes.badCredentials(mqtt5), SignalType.AUTHENTICATION_FAILURE, clientId,
                    source, "no credentials");
            return;
        }
        // With a certificate the user name may be left out; when given it must still be the device id.
        String deviceId = userName != null ? userName : clientId;
        if (deviceId == null || !deviceId.equals(clientId)) {
            refuse(endpoint, ReasonCodes.clientIdInvalid(mqtt5), SignalType.AUTHENTICATION_FAILURE,
                    deviceId != null ? deviceId : clientId, source, "client id differs from device id");
            return;
        }
        int keepAlive = endpoint.keepAliveTimeSeconds();
        boolean keepAliveTooLong = keepAlive == 0 || keepAlive > settings.maxKeepAliveSeconds();
        if (keepAliveTooLong && !mqtt5) {
            // MQTT 3.1.1 cannot tell the client a shorter keep-alive; a connection we could not
            // supervise is refused rather than kept open silently (see docs/mqtt.md).
            LOG.debug("device {} at {} refused: keep-alive {} s above the limit", deviceId, source, keepAlive);
            endpoint.reject(ReasonCodes.notAuthorized(false));
            return;
        }

        DeviceGate gate = adapter.openGate(deviceId);
        boolean[] gone = {false};
        endpoint.closeHandler(v -> gone[0] = true);
        Context context = vertx.getOrCreateContext();
        // A password, when sent, is checked: a device that sends one means to be known by it.
        context.executeBlocking(() -> password != null
                        ? authenticator.withSecret(deviceId, password, source)
                        : authenticator.withCertificate(deviceId, certificate.orElseThrow(), source), false)
                .onComplete(result -> {
                    if (gone[0]) {
                        adapter.forgetGate(deviceId, gate);
                        return;
                    }
                    if (result.failed()) {
                        adapter.forgetGate(deviceId, gate);
                        refused(endpoint, deviceId, source, mqtt5, result.cause());
                        return;
                    }
                    if (gate.isClosed()) {
                        // Quarantined or revoked while we were checking its credentials.
                        LOG.debug("device {} at {} refused: state changed during CONNECT", deviceId, source);
                        endpoint.reject(ReasonCodes.notAuthorized(mqtt5));
                        return;
                    }
                    admit(endpoint, result.result(), source, mqtt5, keepAliveTooLong, context, gate);
                });
    }

    private void admit(MqttEndpoint endpoint, AuthenticatedDevice device, String source, boolean mqtt5,
            boolean keepAliveTooLong, Context context, DeviceGate gate) {
        DeviceSession session = new DeviceSession(endpoint, device, source, settings.maxMessageBytes(), ingest,
                adapter::respond, signals, clock, context, lanes, gate);
        session.onClose(() -> adapter.unregister(session));
        session.attach();
        DeviceSession previous = adapter.register(session);
        if (adapter.isBarred(device.product().id())) {
            // The product stopped admitting devices after the authenticator read it. Registered
            // first, checked second, so the adapter's product listener cannot miss this session.
            LOG.debug("device {} at {} refused: its product changed during CONNECT", device.deviceId(), source);
            adapter.unregister(session);
            if (previous != null) {
                previous.revoke(); // of the same product: the listener disconnects it too, if it saw it
            }
            endpoint.reject(ReasonCodes.notAuthorized(mqtt5));
            return;
        }
        if (previous != null) {
            signals.raise(new SecuritySignal(SignalType.CLIENT_ID_CONFLICT, clock.instant(), device.deviceId(),
                    source, "a second connection took over the device's session"));
            previous.takenOver();
        }
        endpoint.accept(false, mqtt5 ? connackProperties(keepAliveTooLong) : MqttProperties.NO_PROPERTIES);
        adapter.observations().observe(new Observation.Connected(device.deviceId(), source, clock.instant()));
        if (keepAliveTooLong) {
            superviseKeepAlive(session, context);
        }
        LOG.debug("device {} connected from {} (MQTT {})", device.deviceId(), source, mqtt5 ? "5" : "3.1.1");
    }

    /** What an MQTT 5 client is told: the limits it must keep and the features Pactum lacks. */
    MqttProperties connackProperties(boolean keepAliveTooLong) {
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.IntegerProperty(MqttProperties.MAXIMUM_PACKET_SIZE,
                settings.maxMessageBytes()));
        properties.add(new MqttProperties.IntegerProperty(MqttProperties.RETAIN_AVAILABLE, 0));
        properties.add(new MqttProperties.IntegerProperty(MqttProperties.SHARED_SUBSCRIPTION_AVAILABLE, 0));
        properties.add(new MqttProperties.IntegerProperty(MqttProperties.SUBSCRIPTION_IDENTIFIER_AVAILABLE, 0));
        properties.add(new MqttProperties.IntegerProperty(MqttProperties.RECEIVE_MAXIMUM,
                Math.min(DeviceSession.MAX_PENDING, 65_535)));
        if (keepAliveTooLong) {
            properties.add(new MqttProperties.IntegerProperty(MqttProperties.SERVER_KEEP_ALIVE,
                    settings.maxKeepAliveSeconds()));
        }
        return properties;
    }

    /**
     * Vert.x times connections out after 1.5 times the keep-alive the client asked for; when we
     * told an MQTT 5 client a shorter one, we enforce that ourselves.
     */
    void superviseKeepAlive(SessionControl session, Context context) {
        long limitNanos = settings.maxKeepAliveSeconds() * 1_500_000_000L;
        long periodMs = Math.max(1_000L, settings.maxKeepAliveSeconds() * 500L);
        long timer = vertx.setPeriodic(periodMs, id -> context.runOnContext(v -> {
            if (session.idleNanos() > limitNanos) {
                session.disconnect(io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode.KEEP_ALIVE_TIMEOUT);
            }
        }));
        session.onClose(() -> vertx.cancelTimer(timer));
    }

    private void refused(MqttEndpoint endpoint, String deviceId, String source, boolean mqtt5, Throwable failure) {
        if (failure instanceof DeviceRefusedException refusal) {
            // The authenticator raised the signal already.
            LOG.debug("device {} at {} refused: {}", deviceId, source, refusal.reason());
            endpoint.reject(ReasonCodes.connect(refusal.reason(), mqtt5));
        } else {
            LOG.warn("could not authenticate device {} at {}: {}", deviceId, source, failure.toString());
            endpoint.reject(mqtt5 ? MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5
                    : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
        }
    }

    void refuse(MqttEndpoint endpoint, MqttConnectReturnCode code, SignalType type,
            @Nullable String subject, String source, String detail) {
        signals.raise(new SecuritySignal(type, clock.instant(), subject != null ? subject : "(none)", source, detail));
        LOG.debug("connection from {} refused: {}", source, detail);
        endpoint.reject(code);
    }
}
