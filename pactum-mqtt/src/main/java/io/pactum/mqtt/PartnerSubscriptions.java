package io.pactum.mqtt;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import io.pactum.core.signal.SignalType;
import io.vertx.mqtt.MqttTopicSubscription;
import io.vertx.mqtt.messages.MqttSubscribeMessage;
import io.vertx.mqtt.messages.MqttUnsubscribeMessage;
import io.vertx.mqtt.messages.codes.MqttSubAckReasonCode;
import io.vertx.mqtt.messages.codes.MqttUnsubAckReasonCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The filters a partner session holds: granted from SUBSCRIBE (within the organisation's namespace,
 * backed by a scope of the token, at QoS 1 at most), removed by UNSUBSCRIBE, restored on resume.
 * Says at which QoS records and command results go out. Event loop only.
 */
final class PartnerSubscriptions {
    private final PartnerConnection connection;
    private final String recordsTopic;
    /** Granted filters and their QoS. */
    private final Map<String, MqttQoS> granted = new LinkedHashMap<>();
    /** The QoS records go out at; null while no granted filter covers the records topic. */
    private @Nullable MqttQoS recordsQos;
    /**
     * Whether this session held a records subscription: only then is a cursor written, so a stored
     * cursor means a session existed (and its subscription is restored on resume).
     */
    private boolean subscribedToRecords;

    PartnerSubscriptions(PartnerConnection connection, String recordsTopic) {
        this.connection = connection;
        this.recordsTopic = recordsTopic;
    }

    Map<String, MqttQoS> granted() {
        return Collections.unmodifiableMap(granted);
    }

    @Nullable MqttQoS recordsQos() {
        return recordsQos;
    }

    boolean subscribedToRecords() {
        return subscribedToRecords;
    }

    /** The filters a persistent session left, restored on resume. */
    void restore(Map<String, MqttQoS> filters, boolean heldRecords) {
        granted.putAll(filters);
        subscribedToRecords = heldRecords;
    }

    /** Only a stored cursor is left of the session: its records subscription is restored, at QoS 1. */
    void restoreRecords() {
        subscribedToRecords = true;
        granted.put(recordsTopic, MqttQoS.AT_LEAST_ONCE);
    }

    /** Answers a SUBSCRIBE; true if records are now subscribed to. */
    boolean subscribe(MqttSubscribeMessage subscribe) {
        String organisationId = connection.organisationId;
        Principal principal = connection.principal();
        List<MqttSubAckReasonCode> codes = new ArrayList<>();
        for (MqttTopicSubscription subscription : subscribe.topicSubscriptions()) {
            String filter = subscription.topicName();
            Optional<TopicRefusal> refusal = PartnerTopics.subscriptionRefusal(organisationId, filter);
            if (refusal.isEmpty()) {
                boolean records = PartnerTopics.coversRecords(organisationId, filter) && principal.has(Scope.READ);
                boolean results = PartnerTopics.coversCommandResults(organisationId, filter)
                        && (principal.has(Scope.WRITE) || principal.has(Scope.READ));
                if (!records && !results) {
                    refusal = Optional.of(TopicRefusal.MISSING_SCOPE);
                }
            }
            if (refusal.isPresent()) {
                connection.raise(SignalType.FORBIDDEN_SUBSCRIPTION, "subscription refused: "
                        + refusal.get().description);
                codes.add(ReasonCodes.subAck(refusal.get(), connection.mqtt5));
                continue;
            }
            // Records and results are published at QoS 1 at most.
            MqttQoS qos = subscription.qualityOfService() == MqttQoS.AT_MOST_ONCE
                    ? MqttQoS.AT_MOST_ONCE : MqttQoS.AT_LEAST_ONCE;
            granted.put(filter, qos);
            codes.add(MqttSubAckReasonCode.qosGranted(qos));
        }
        connection.endpoint.subscribeAcknowledge(subscribe.messageId(), codes, MqttProperties.NO_PROPERTIES);
        refresh();
        if (recordsQos != null) {
            subscribedToRecords = true;
            return true;
        }
        return false;
    }

    void unsubscribe(MqttUnsubscribeMessage unsubscribe) {
        List<MqttUnsubAckReasonCode> codes = new ArrayList<>();
        for (String filter : unsubscribe.topics()) {
            codes.add(granted.remove(filter) != null ? MqttUnsubAckReasonCode.SUCCESS
                    : MqttUnsubAckReasonCode.NO_SUBSCRIPTION_EXISTED);
        }
        refresh();
        if (connection.mqtt5) {
            connection.endpoint.unsubscribeAcknowledge(unsubscribe.messageId(), codes, MqttProperties.NO_PROPERTIES);
        } else {
            connection.endpoint.unsubscribeAcknowledge(unsubscribe.messageId());
        }
    }

    /**
     * Works out the records QoS again, after the filters or the token's scopes changed: the highest QoS
     * of the granted filters that cover the records topic, if the token may read.
     */
    void refresh() {
        recordsQos = connection.principal().has(Scope.READ) ? qosFor(recordsTopic) : null;
    }

    /** The highest QoS of the granted filters that cover {@code topic}; null if none does. */
    @Nullable MqttQoS qosFor(String topic) {
        MqttQoS best = null;
        for (Map.Entry<String, MqttQoS> subscription : granted.entrySet()) {
            if (PartnerTopics.matches(subscription.getKey(), topic)
                    && (best == null || subscription.getValue().value() > best.value())) {
                best = subscription.getValue();
            }
        }
        return best;
    }
}
