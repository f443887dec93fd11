package io.pactum.http.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceCredentialsTest {

    @Test
    void basicHeader_yieldsDeviceIdAndSecret_splitAtTheFirstColon() {
        DeviceCredentials credentials = DeviceCredentials.fromAuthorization("Basic " + base64("dev-1:s3cret:with:colons"));

        assertThat(credentials).isEqualTo(new DeviceCredentials("dev-1", "s3cret:with:colons"));
    }

    @Test
    void schemeIsCaseInsensitive_andUtf8SecretsAreRead() {
        assertThat(DeviceCredentials.fromAuthorization("bAsIc   " + base64("dev-1:pässwörd-✓")).secret())
                .isEqualTo("pässwörd-✓");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "Bearer abc", "Basic", "Basic ", "Basicx ZGV2OnM=", "Basic not*base64", "Basic ZGV2LTE="})
    void missingOrMalformedHeader_isA401(String header) {
        assertThatThrownBy(() -> DeviceCredentials.fromAuthorization(header))
                .isInstanceOfSatisfying(RequestRefusedException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.slug()).isEqualTo("unauthenticated");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {":secret", "dev-1:", ":"})
    void emptyDeviceIdOrSecret_isA401(String userPass) {
        assertThatThrownBy(() -> DeviceCredentials.fromAuthorization("Basic " + base64(userPass)))
                .isInstanceOfSatisfying(RequestRefusedException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void invalidUtf8_isA401() {
        String header = "Basic " + Base64.getEncoder().encodeToString(new byte[] {'d', ':', (byte) 0xC3, (byte) 0x28});

        assertThatThrownBy(() -> DeviceCredentials.fromAuthorization(header))
                .isInstanceOfSatisfying(RequestRefusedException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void toString_leavesTheSecretOut() {
        assertThat(new DeviceCredentials("dev-1", "very-secret-value").toString())
                .contains("dev-1").doesNotContain("very-secret-value");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
