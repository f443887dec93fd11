package io.pactum.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Records that carry a secret exactly once must never print it (logs, exception messages, debuggers). */
class ReturnedSecretsTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final String TOKEN = "pct_client-1_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEf";
    private static final String SECRET = "device-secret-0123456789";
    private static final String MAC_KEY = "bWFjLWtleS1tYWMta2V5LW1hYy1rZXktbWFjLWtleQ";

    @Test
    void issuedToken_toString_neverContainsTheToken() {
        ApiClient client = new ApiClient("client-1", "org-1", "ci", ClientKind.SERVICE, Set.of(Scope.READ),
                "tokenhash", NOW, null, null);
        String text = new IssuedToken(client, TOKEN).toString();
        assertThat(text).doesNotContain(TOKEN).doesNotContain("AbCdEfGhIjKlMnOp").contains("client-1");
    }

    @Test
    void provisionedDevice_toString_neverContainsSecretOrMacKey() {
        Device device = new Device("dev-1", "product-1", "org-1", null, DeviceState.ACTIVE,
                new DeviceCredentials("stored-hash", null, new byte[] {1, 2, 3}), NOW, NOW);
        String text = new ProvisionedDevice(device, SECRET, MAC_KEY).toString();
        assertThat(text).doesNotContain(SECRET).doesNotContain(MAC_KEY).doesNotContain("stored-hash")
                .contains("dev-1");
    }

    @Test
    void newDevice_toString_neverContainsTheSecret() {
        String text = new NewDevice("dev-1", "product-1", "org-1", "subject-1", SECRET, null).toString();
        assertThat(text).doesNotContain(SECRET);
    }
}
