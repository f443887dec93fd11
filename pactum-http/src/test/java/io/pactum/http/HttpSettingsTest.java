package io.pactum.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class HttpSettingsTest {
    @Test
    void validSettings_areKept_andPortZeroMeansAnyFreePort() {
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, 1024);
        assertThat(settings.port()).isZero();
        assertThat(HttpSettings.defaults("0.0.0.0", 8080).maxBodyBytes()).isEqualTo(HttpSettings.DEFAULT_MAX_BODY_BYTES);
    }

    @Test
    void invalidSettings_areRefused_withAMessageSayingWhatIsAllowed() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpSettings(" ", 80, 1024)).withMessageContaining("host");
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpSettings("h", -1, 1024)).withMessageContaining("0-65535");
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpSettings("h", 65_536, 1024)).withMessageContaining("0-65535");
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpSettings("h", 80, 0)).withMessageContaining("maxBodyBytes");
    }
}
