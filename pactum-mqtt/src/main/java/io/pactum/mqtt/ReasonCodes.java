package io.pactum.mqtt;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.pactum.core.ingest.DeviceRefusal;
import io.pactum.core.ingest.RejectReason;
import io.vertx.mqtt.messages.codes.MqttPubAckReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubRecReasonCode;
import io.vertx.mqtt.messages.codes.MqttSubAckReasonCode;

/**
 * Core's refusals translated into MQTT (house rule 4: one error vocabulary, translated at the
 * edge). MQTT 3.1.1 has only CONNACK return codes 1-5 and the SUBACK failure code 0x80; MQTT 5
 * has a reason code for each case. The table is in {@code docs/mqtt.md}.
 */
final class ReasonCodes {
    private ReasonCodes() {}

    /** CONNACK for a device the authenticator refused. */
    static MqttConnectReturnCode connect(DeviceRefusal refusal, boolean mqtt5) {
        return switch (refusal) {
            // Unknown device and wrong secret are one case on purpose: ids cannot be probed.
            case BAD_CREDENTIALS -> mqtt5
                    ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                    : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD;
            case DEVICE_QUARANTINED, DEVICE_REVOKED, PRODUCT_NOT_APPROVED -> notAuthorized(mqtt5);
            // MQTT 5 has a code for it; 3.1.1 only "not authorised"
            case SOURCE_BLOCKED -> mqtt5 ? MqttConnectReturnCode.CONNECTION_REFUSED_BANNED : notAuthorized(false);
        };
    }

    static MqttConnectReturnCode badCredentials(boolean mqtt5) {
        return connect(DeviceRefusal.BAD_CREDENTIALS, mqtt5);
    }

    static MqttConnectReturnCode notAuthorized(boolean mqtt5) {
        return mqtt5
                ? MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5
                : MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED;
    }

    static MqttConnectReturnCode clientIdInvalid(boolean mqtt5) {
        return mqtt5
                ? MqttConnectReturnCode.CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID
                : MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED;
    }

    /**
     * MQTT 5 PUBACK for a rejected message. PUBACK has no "too large" code; Quota Exceeded ("an
     * implementation or administrative imposed limit has been exceeded") is the closest.
     */
    static MqttPubAckReasonCode pubAck(RejectReason reason) {
        return switch (reason) {
            case DEVICE_NOT_ACTIVE, INTEGRITY_FAILURE, REPLAY, UNPROTECTED -> MqttPubAckReasonCode.NOT_AUTHORIZED;
            case MALFORMED_PAYLOAD, INVALID_VALUE -> MqttPubAckReasonCode.PAYLOAD_FORMAT_INVALID;
            case TOO_LARGE -> MqttPubAckReasonCode.QUOTA_EXCEEDED;
        };
    }

    /** MQTT 5 PUBREC for a rejected QoS 2 message: the same table as PUBACK. */
    static MqttPubRecReasonCode pubRec(RejectReason reason) {
        return MqttPubRecReasonCode.valueOf(pubAck(reason).value());
    }

    /** MQTT 5 SUBACK code for a refused filter; MQTT 3.1.1 clients get the single failure code 0x80. */
    static MqttSubAckReasonCode subAck(TopicRefusal refusal, boolean mqtt5) {
        if (!mqtt5) {
            return MqttSubAckReasonCode.UNSPECIFIED_ERROR;
        }
        return switch (refusal) {
            case SHARED_SUBSCRIPTION -> MqttSubAckReasonCode.SHARED_SUBSCRIPTIONS_NOT_SUPPORTED;
            case INVALID_FILTER -> MqttSubAckReasonCode.TOPIC_FILTER_INVALID;
            case WILDCARD, SYSTEM_TOPIC, FOREIGN_DEVICE, NOT_A_COMMAND_TOPIC, FOREIGN_NAMESPACE, NOT_A_PARTNER_TOPIC,
                    MISSING_SCOPE -> MqttSubAckReasonCode.NOT_AUTHORIZED;
        };
    }
}
