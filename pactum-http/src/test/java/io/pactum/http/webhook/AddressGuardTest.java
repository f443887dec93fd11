package io.pactum.http.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.delivery.WebhookPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class AddressGuardTest {
    private static final AddressGuard STRICT = new AddressGuard(WebhookPolicy.STRICT);

    private static InetAddress ip(int a, int b, int c, int d) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }

    @Test
    void publicAddresses_areAllowed_andTheFirstIsTheOneToConnectTo() throws Exception {
        assertThat(STRICT.check("partner.example", new InetAddress[] {ip(93, 184, 216, 34), ip(8, 8, 8, 8)}))
                .isEqualTo(ip(93, 184, 216, 34));
    }

    @Test
    void aNameWithAnyPrivateAddress_isRefusedWhole() throws Exception {
        InetAddress[] mixed = {ip(93, 184, 216, 34), ip(10, 0, 0, 7)};

        assertThatThrownBy(() -> STRICT.check("rebind.example", mixed))
                .isInstanceOf(AddressGuard.AddressRefusedException.class)
                .hasMessageContaining("rebind.example");
        assertThatThrownBy(() -> STRICT.check("loop.example", new InetAddress[] {ip(127, 0, 0, 1)}))
                .isInstanceOf(AddressGuard.AddressRefusedException.class);
        assertThatThrownBy(() -> STRICT.check("meta.example", new InetAddress[] {ip(169, 254, 169, 254)}))
                .isInstanceOf(AddressGuard.AddressRefusedException.class);
        assertThatThrownBy(() -> STRICT.check("empty.example", new InetAddress[0]))
                .isInstanceOf(AddressGuard.AddressRefusedException.class);
    }

    @Test
    void aPolicyAllowingPrivateAddresses_allowsThem() throws Exception {
        AddressGuard open = new AddressGuard(new WebhookPolicy(true, true));

        assertThat(open.check("lab.internal", new InetAddress[] {ip(192, 168, 1, 5)})).isEqualTo(ip(192, 168, 1, 5));
    }
}
