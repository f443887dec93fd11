package io.pactum.mqtt;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.pactum.core.error.UnauthenticatedException;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import io.pactum.core.signal.SecuritySignal;
import io.pactum.core.signal.SecuritySignals;
import io.pactum.core.signal.SignalType;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttEndpoint;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CONNECT of a partner: an API client of a partner or supplier organisation, whose user name is its
 * client id and whose password is its bearer token (which names the same client id; that is how the
 * CONNECT is told from a device's, see {@link PartnerTopics#isPartnerLogin}). The MQTT client id must
 * be the API client id too, so one API client has one session, and a second connection takes it over.
 */
final class PartnerAdmission {
    private static final Logger LOG = LoggerFactory.getLogger(PartnerAdmission.class);

    private final Vertx vertx;
    private final MqttSettings settings;
    private final SecuritySignals signals;
    private final Clock clock;
    private final MqttAdapter adapter;
    private final Admission admission;

    PartnerAdmission(Vertx vertx, MqttSettings settings, SecuritySignals signals, Clock clock, MqttAdapter adapter,
            Admission admission) {
        this.vertx = vertx;
        this.settings = settings;
        this.signals = signals;
        this.clock = clock;
        this.adapter = adapter;
        this.admission = admission;
    }

    /** On the connection's event loop; {@code token} is the password, never logged. */
    void connected(MqttEndpoint endpoint, String userName, String token, String source, boolean mqtt5) {
        String clientId = endpoint.clientIdentifier();
        if (!userName.equals(clientId)) {
            admission.refuse(endpoint, ReasonCodes.clientIdInvalid(mqtt5), SignalType.AUTHENTICATION_FAILURE,
                    userName, source, "client id differs from the API client id");
            return;
        }
        int keepAlive = endpoint.keepAliveTimeSeconds();
        boolean keepAliveTooLong = keepAlive == 0 || keepAlive > settings.maxKeepAliveSeconds();
        if (keepAliveTooLong && !mqtt5) {
            LOG.debug("partner {} at {} refused: keep-alive {} s above the limit", clientId, source, keepAlive);
            endpoint.reject(ReasonCodes.notAuthorized(false));
            return;
        }
        PartnerAccess access = adapter.partners();
        if (access == null) {
            LOG.debug("partner {} at {} refused: partner sessions are not enabled", clientId, source);
            endpoint.reject(serverUnavailable(mqtt5));
            return;
        }
        boolean[] gone = {false};
        endpoint.closeHandler(v -> gone[0] = true);
        Context context = vertx.getOrCreateContext();
        context.executeBlocking(() -> access.authenticator().authenticate(token), false).onComplete(result -> {
            if (gone[0]) {
                return;
            }
            if (result.failed()) {
                if (result.cause() instanceof UnauthenticatedException) {
                    // The authenticator logs why (unknown, wrong, expired, revoked); the client is not told.
                    admission.refuse(endpoint, ReasonCodes.badCredentials(mqtt5), SignalType.AUTHENTICATION_FAILURE,
                            clientId, source, "invalid, expired or revoked API token");
                } else {
                    LOG.warn("could not authenticate partner {} at {}: {}", clientId, source, result.cause().toString());
                    endpoint.reject(serverUnavailable(mqtt5));
                }
                return;
            }
            Principal principal = result.result();
            String refusal = refusal(principal);
            if (refusal != null) {
                admission.refuse(endpoint, ReasonCodes.notAuthorized(mqtt5), SignalType.CONNECTION_REFUSED, clientId,
                        source, refusal);
                return;
            }
            admit(endpoint, principal, token, access, source, mqtt5, keepAliveTooLong, context);
        });
    }

    /** Why an authenticated client may not hold a partner session, or null if it may. */
    static @org.jspecify.annotations.Nullable String refusal(Principal principal) {
        if (principal.role() != OrganisationRole.PARTNER && principal.role() != OrganisationRole.SUPPLIER) {
            return "organisations with role " + principal.role().name().toLowerCase(java.util.Locale.ROOT)
                    + " receive no deliveries";
        }
        if (!principal.has(Scope.READ) && !principal.has(Scope.WRITE)) {
            return "token has neither the read nor the write scope";
        }
        return null;
    }

    private void admit(MqttEndpoint endpoint, Principal principal, String token, PartnerAccess access, String source,
            boolean mqtt5, boolean keepAliveTooLong, Context context) {
        PartnerSession session = new PartnerSession(endpoint, principal, token, access, source, settings, signals,
                clock, vertx, context, adapter);
        session.attach();
        PartnerSession previous = adapter.registerPartner(session);
        Future<Void> previousClosed = Future.succeededFuture();
        if (previous != null) {
            signals.raise(new SecuritySignal(SignalType.CLIENT_ID_CONFLICT, clock.instant(), session.clientId(),
                    source, "a second connection took over the partner's session"));
            previous.takenOver();
            previousClosed = previous.closed();
        }
        MqttProperties properties = mqtt5 ? admission.connackProperties(keepAliveTooLong) : MqttProperties.NO_PROPERTIES;
        // The old connection's last cursor write is queued before the new one reads its position.
        previousClosed.onComplete(v -> context.runOnContext(x -> session.open(properties).onSuccess(accepted -> {
            if (keepAliveTooLong) {
                admission.superviseKeepAlive(session, context);
            }
            LOG.debug("partner {} of {} connected from {} (MQTT {})", session.clientId(), principal.organisationId(),
                    source, mqtt5 ? "5" : "3.1.1");
        })));
    }

    static MqttConnectReturnCode serverUnavailable(boolean mqtt5) {
        return mqtt5 ? MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5
                : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE;
    }
}
