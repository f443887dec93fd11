package io.pactum.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.integrity.HubSigner;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;

/** Commands the hub signs (core's HubSigner) are accepted by the device-side receiver, once each. */
class HubCommandReceiverTest {
    private static final String PAYLOAD =
            "{\"id\":\"c-1\",\"name\":\"set-point\",\"parameters\":{\"celsius\":21.5},\"issuedAt\":\"2026-11-23T10:00:00Z\"}";

    private final KeyPair hub = ed25519();
    private final HubSigner signer = new HubSigner(hub.getPrivate(), hub.getPublic());

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] signed(long counter) {
        return signer.sign(counter, PAYLOAD.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hubSignedCommand_isAccepted_withItsContentAndCounter() {
        HubCommandReceiver receiver = new HubCommandReceiver(hub.getPublic(), 0);

        HubCommand command = receiver.accept(signed(1));

        assertThat(command.id()).isEqualTo("c-1");
        assertThat(command.name()).isEqualTo("set-point");
        assertThat(command.parameters().path("celsius").asDouble()).isEqualTo(21.5);
        assertThat(command.counter()).isEqualTo(1);
        assertThat(command.responseTopic("thermo-1")).isEqualTo("devices/thermo-1/responses/c-1");
        assertThat(receiver.lastCounter()).isEqualTo(1);
    }

    @Test
    void replayedOrOlderCommand_isRefused() {
        HubCommandReceiver receiver = new HubCommandReceiver(hub.getPublic(), 0);
        byte[] first = signed(5);
        receiver.accept(first);

        assertThatThrownBy(() -> receiver.accept(first)).isInstanceOf(SecurityException.class).hasMessageContaining("replay");
        assertThatThrownBy(() -> receiver.accept(signed(4))).isInstanceOf(SecurityException.class);
        assertThat(receiver.accept(signed(6)).counter()).isEqualTo(6);
    }

    @Test
    void commandSignedByAnotherKey_orTampered_isRefused() {
        HubCommandReceiver receiver = new HubCommandReceiver(hub.getPublic(), 0);
        KeyPair other = ed25519();
        byte[] forged = new HubSigner(other.getPrivate(), other.getPublic()).sign(1, PAYLOAD.getBytes(StandardCharsets.UTF_8));
        byte[] tampered = signed(2);
        tampered[tampered.length - 70] ^= 0x20;

        assertThatThrownBy(() -> receiver.accept(forged)).isInstanceOf(SecurityException.class)
                .hasMessageContaining("does not verify");
        assertThatThrownBy(() -> receiver.accept(tampered)).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> receiver.accept(new byte[] {1, 2, 3})).isInstanceOf(SecurityException.class);
        assertThat(receiver.lastCounter()).isZero();
    }

    @Test
    void deviceMessage_isNotTakenForAHubCommand() {
        HubCommandReceiver receiver = new HubCommandReceiver(hub.getPublic(), 0);
        byte[] deviceMessage = DeviceMessages.sign1("thermo-1", hub.getPrivate(), 1, PAYLOAD.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> receiver.accept(deviceMessage)).isInstanceOf(SecurityException.class)
                .hasMessageContaining("not a command signed by the hub");
    }
}
