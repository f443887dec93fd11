package io.pactum.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.error.InvalidInputException;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://partner.example/hooks/pactum", "https://203.0.113.9:8443/in",
            "https://[2001:db8::1]/in"})
    void theStrictPolicyAcceptsHttpsToPublicHosts(String url) {
        assertThat(WebhookPolicy.STRICT.check(url).toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://partner.example/in", "ftp://partner.example/in", "partner.example/in", "",
            "https://user:pw@partner.example/in", "https://partner.example/in#x", "https://localhost/in",
            "https://127.0.0.1/in", "https://10.1.2.3/in", "https://192.168.0.4/in", "https://169.254.169.254/latest",
            "https://[::1]/in", "https://[fd00::1]/in", "https://100.64.0.1/in", "https://0.0.0.0/in", "https:// bad/"})
    void theStrictPolicyRefusesPlainHttpPrivateTargetsAndMalformedUrls(String url) {
        assertThatThrownBy(() -> WebhookPolicy.STRICT.check(url)).isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", "url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/in", "http://localhost/in"})
    void aClosedTestSetUpMayAllowLoopbackAndPlainHttp(String url) {
        assertThat(new WebhookPolicy(true, true).check(url)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "172.16.5.5", "192.168.1.1", "169.254.1.1", "::1", "fc00::1",
            "224.0.0.1"})
    void resolvedPrivateAddressesAreRefusedOnEachDelivery(String address) throws Exception {
        assertThat(WebhookPolicy.STRICT.mayConnect(InetAddress.getByName(address))).isFalse();
        assertThat(new WebhookPolicy(false, true).mayConnect(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.9", "8.8.8.8", "2001:db8::1"})
    void resolvedPublicAddressesAreAllowed(String address) throws Exception {
        assertThat(WebhookPolicy.STRICT.mayConnect(InetAddress.getByName(address))).isTrue();
    }
}
