package io.pactum.http.support;

import io.pactum.core.error.ErrorCode;
import io.pactum.core.ingest.DeviceRefusal;
import io.pactum.core.ingest.RejectReason;

/**
 * Core's device refusals and message rejections as HTTP problems (house rule 4: one error
 * vocabulary, translated at the edge). The statuses and codes are documented in
 * {@code docs/api.md} and the OpenAPI document; clients rely on the codes, so they are stable.
 */
public final class IngestRefusals {
    /** The challenge sent with every 401 of the ingest routes. */
    public static final String CHALLENGE = "Basic realm=\"pactum-devices\"";
    /** One detail for unknown devices and wrong secrets, so that device ids cannot be probed. */
    static final String BAD_CREDENTIALS = "the device id or secret is not valid";

    private IngestRefusals() {}

    /** A message the pipeline did not store; {@code detail} is core's, safe to send to the device. */
    public static RequestRefusedException rejected(RejectReason reason, String detail) {
        return switch (reason) {
            case UNPROTECTED -> refusal(403, "unprotected-message", "Unprotected message", detail);
            case INTEGRITY_FAILURE -> refusal(403, "integrity-failure", "Integrity check failed", detail);
            case DEVICE_NOT_ACTIVE -> refusal(403, "device-not-active", "Device not active", detail);
            case REPLAY -> refusal(409, "replay", "Replayed message", detail);
            case MALFORMED_PAYLOAD -> refusal(400, "malformed-payload", "Malformed payload", detail);
            case INVALID_VALUE -> refusal(422, "invalid-value", "Invalid value", detail);
            case TOO_LARGE -> refusal(413, ErrorCode.PAYLOAD_TOO_LARGE.slug(), "Payload too large", detail);
        };
    }

    /** A device the authenticator refused. */
    public static RequestRefusedException refused(DeviceRefusal refusal) {
        return switch (refusal) {
            case BAD_CREDENTIALS -> unauthenticated(BAD_CREDENTIALS);
            case DEVICE_QUARANTINED -> refusal(403, "device-quarantined", "Device quarantined",
                    "the device is quarantined and may not send data");
            case DEVICE_REVOKED -> refusal(403, "device-revoked", "Device revoked",
                    "the device is revoked and may not send data");
            case PRODUCT_NOT_APPROVED -> refusal(403, "product-not-approved", "Product not approved",
                    "the device's product is not approved, so its devices may not send data");
            case SOURCE_BLOCKED -> refusal(403, "source-blocked", "Source blocked",
                    "requests from this host are blocked for a while after an attack from it");
        };
    }

    static RequestRefusedException credentialsRequired() {
        return unauthenticated("device credentials are required: send Authorization: Basic with the device id "
                + "as user name and the device secret as password");
    }

    static RequestRefusedException malformedCredentials() {
        return unauthenticated("the Authorization header must be Basic base64(deviceId:secret)");
    }

    /** Valid-looking credentials of one device, sent to another device's path. */
    public static RequestRefusedException deviceMismatch() {
        return refusal(403, "device-mismatch", "Device mismatch",
                "the credentials' user name must be the device id in the path");
    }

    private static RequestRefusedException unauthenticated(String detail) {
        return refusal(401, ErrorCode.UNAUTHENTICATED.slug(), "Authentication required", detail);
    }

    private static RequestRefusedException refusal(int status, String slug, String title, String detail) {
        return new RequestRefusedException(status, slug, title, detail);
    }
}
