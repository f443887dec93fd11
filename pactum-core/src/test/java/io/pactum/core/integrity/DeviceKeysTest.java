package io.pactum.core.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class DeviceKeysTest {

    @Test
    void macKeyMustBe32Bytes_andIsCopied() {
        byte[] key = new byte[32];
        DeviceKeys keys = DeviceKeys.mac(key);
        key[0] = 1;

        assertThat(keys.macKey()).containsOnly(0);
        assertThatThrownBy(() -> DeviceKeys.mac(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyEd25519AndP256PublicKeysAreAccepted() {
        assertThat(DeviceKeys.publicKey(TestKeys.ed25519().getPublic()).fits(CoseAlgorithm.EDDSA)).isTrue();
        assertThat(DeviceKeys.publicKey(TestKeys.p256().getPublic()).fits(CoseAlgorithm.ES256)).isTrue();
        assertThatThrownBy(() -> DeviceKeys.publicKey(TestKeys.p384().getPublic()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_showsNoKeyMaterial() {
        KeyPair ed = TestKeys.ed25519();
        byte[] mac = new byte[32];
        java.util.Arrays.fill(mac, (byte) 0xab);

        String text = new DeviceKeys(mac, ed.getPublic()).toString();

        assertThat(text).isEqualTo("DeviceKeys[macKey=present, publicKey=Ed25519]");
    }

    @Test
    void verifiedMessage_copiesItsPayloadAndNeverPrintsIt() {
        byte[] payload = "secret glucose 5.4".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        VerifiedMessage message = new VerifiedMessage(IntegrityMethod.COSE_MAC0, 3, payload, "dev-1");
        payload[0] = 'X';
        message.payload()[1] = 'Y';

        assertThat(new String(message.payload(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("secret glucose 5.4");
        assertThat(message.toString()).doesNotContain("glucose").contains("18 bytes");
        assertThatThrownBy(() -> new VerifiedMessage(IntegrityMethod.COSE_SIGN1, 0, payload, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(VerifiedMessage.unprotected(payload).counter()).isZero();
    }
}
