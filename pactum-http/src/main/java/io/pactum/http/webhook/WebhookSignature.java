package io.pactum.http.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a webhook delivery carries (see {@code docs/webhooks.md}):
 * {@code Pactum-Signature: v1=<lowercase hex HMAC-SHA256(key, timestamp + "." + body)>}, where the
 * timestamp is the {@code Pactum-Timestamp} header (Unix seconds) and the body the exact request body.
 */
public final class WebhookSignature {
    public static final String EVENT_ID_HEADER = "Pactum-Event-Id";
    public static final String TIMESTAMP_HEADER = "Pactum-Timestamp";
    public static final String SIGNATURE_HEADER = "Pactum-Signature";
    public static final String SCHEME = "v1";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {}

    /** The {@code Pactum-Signature} header value for this body sent at {@code timestamp} (Unix seconds). */
    public static String sign(byte[] key, long timestamp, String body) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(body, "body");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return SCHEME + "=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
