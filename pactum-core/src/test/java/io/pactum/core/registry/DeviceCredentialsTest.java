package io.pactum.core.registry;

import static io.pactum.core.registry.Rejections.assertRejectedOn;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceCredentialsTest {
    private static final String HASH = "pbkdf2-sha256$600000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA";
    private static final String FINGERPRINT = "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789";

    @Test
    void sealedMacKey_isCopiedOnConstruction() {
        byte[] key = {1, 2, 3, 4};
        DeviceCredentials credentials = new DeviceCredentials(HASH, null, key);
        key[0] = 99;
        assertThat(credentials.sealedMacKey()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void sealedMacKey_isCopiedOnAccess() {
        DeviceCredentials credentials = new DeviceCredentials(HASH, null, new byte[] {1, 2, 3, 4});
        byte[] read = credentials.sealedMacKey();
        read[0] = 99;
        assertThat(credentials.sealedMacKey()).containsExactly(1, 2, 3, 4);
        assertThat(credentials.sealedMacKey()).isNotSameAs(credentials.sealedMacKey());
    }

    @Test
    void equality_comparesKeyBytesByContent() {
        DeviceCredentials a = new DeviceCredentials(HASH, null, new byte[] {1, 2, 3});
        DeviceCredentials b = new DeviceCredentials(HASH, null, new byte[] {1, 2, 3});
        DeviceCredentials c = new DeviceCredentials(HASH, null, new byte[] {1, 2, 4});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    }

    @Test
    void fingerprint_isNormalised() {
        DeviceCredentials credentials = new DeviceCredentials(HASH, FINGERPRINT, new byte[] {1});
        assertThat(credentials.certificateFingerprint()).isEqualTo(FINGERPRINT.toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void fingerprint_malformed_isRejectedNamingCertificateFingerprint() {
        assertRejectedOn("certificateFingerprint", () -> new DeviceCredentials(HASH, "not-a-fingerprint", new byte[] {1}));
    }

    @Test
    void toString_redactsSecretHashAndKey() {
        DeviceCredentials credentials = new DeviceCredentials(HASH, null, new byte[] {42, 43, 44});
        String text = credentials.toString();
        assertThat(text).doesNotContain(HASH).doesNotContain("c2FsdHNhbHRzYWx0c2FsdA").doesNotContain("[B@")
                .doesNotContain("42, 43, 44").contains("redacted");
    }
}
