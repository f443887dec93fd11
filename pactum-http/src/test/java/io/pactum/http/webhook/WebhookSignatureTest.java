package io.pactum.http.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final byte[] KEY = "whsec-test-key".getBytes(StandardCharsets.US_ASCII);
    private static final String BODY = "{\"eventId\":42,\"agreementId\":\"agr-1\"}";

    /**
     * The vector in docs/webhooks.md, made with OpenSSL:
     * {@code printf '%s' '1767225600.{"eventId":42,"agreementId":"agr-1"}' | openssl dgst -sha256 -hmac whsec-test-key}.
     */
    @Test
    void sign_matchesTheDocumentedOpenSslVector() {
        assertThat(WebhookSignature.sign(KEY, 1_767_225_600L, BODY))
                .isEqualTo("v1=2512b0e57bba48a926cbca7c638d8ec3d8fc0df5fe3c179dd9fc262dce0249a8");
    }

    @Test
    void sign_coversTheTimestampAndEveryByteOfTheBody() {
        String signature = WebhookSignature.sign(KEY, 1_767_225_600L, BODY);

        assertThat(WebhookSignature.sign(KEY, 1_767_225_601L, BODY)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(KEY, 1_767_225_600L, BODY.replace("42", "43"))).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign("other".getBytes(StandardCharsets.US_ASCII), 1_767_225_600L, BODY))
                .isNotEqualTo(signature);
    }

    @Test
    void sign_hashesTheBodyAsUtf8() {
        String body = "{\"eventId\":1,\"note\":\"caf\u00e9\"}";

        assertThat(WebhookSignature.sign(KEY, 1L, body)).matches("v1=[0-9a-f]{64}")
                .isNotEqualTo(WebhookSignature.sign(KEY, 1L, "{\"eventId\":1,\"note\":\"cafe\"}"));
    }
}
