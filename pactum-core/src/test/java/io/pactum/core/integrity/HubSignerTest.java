package io.pactum.core.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;

/** The hub's commands have exactly the layout of device messages, so the same verifier reads them. */
class HubSignerTest {
    @Test
    void signedCommand_verifiesWithTheHubKey_asKeyIdPactumHub_withItsCounter() throws Exception {
        KeyPair hub = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] payload = "{\"name\":\"reboot\"}".getBytes(StandardCharsets.UTF_8);

        byte[] message = new HubSigner(hub.getPrivate(), hub.getPublic()).sign(42, payload);
        VerifiedMessage verified = MessageVerifier.verify(message, HubSigner.KEY_ID, DeviceKeys.publicKey(hub.getPublic()),
                new byte[0]);

        assertThat(verified.method()).isEqualTo(IntegrityMethod.COSE_SIGN1);
        assertThat(verified.counter()).isEqualTo(42);
        assertThat(verified.payload()).isEqualTo(payload);
    }

    @Test
    void signedCommand_doesNotVerifyWithAnotherKey() throws Exception {
        KeyPair hub = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

        byte[] message = new HubSigner(hub.getPrivate(), hub.getPublic()).sign(1, new byte[] {1});

        assertThatThrownBy(() -> MessageVerifier.verify(message, HubSigner.KEY_ID, DeviceKeys.publicKey(other.getPublic()),
                new byte[0])).isInstanceOf(IntegrityException.class);
    }

    @Test
    void onlyEd25519Keys_andPositiveCounters_areAccepted() throws Exception {
        KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        KeyPair hub = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

        assertThatThrownBy(() -> new HubSigner(ec.getPrivate(), ec.getPublic())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HubSigner(hub.getPrivate(), hub.getPublic()).sign(0, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
