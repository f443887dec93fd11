package io.pactum.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.integrity.DeviceKeys;
import io.pactum.core.integrity.IntegrityException;
import io.pactum.core.integrity.IntegrityFailure;
import io.pactum.core.integrity.IntegrityMethod;
import io.pactum.core.integrity.MessageVerifier;
import io.pactum.core.integrity.VerifiedMessage;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** What the SDK makes, checked byte for byte against the documented format and by the hub's verifier. */
class DeviceMessagesTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String DEVICE = "dev-0001";
    private static final byte[] MAC_KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] PAYLOAD = "{\"t\":21.5}".getBytes(StandardCharsets.UTF_8);
    /** RFC 8032 test 1 key pair. */
    private static final String ED25519_PRIVATE = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    /** The worked examples of docs/device-messages.md (the hub's tests verify the same bytes). */
    private static final String DOC_MAC0 = "d18454a3010504486465762d303030313a00010000182aa04a7b2274223a32312e357d5820"
            + "3cd1429e80e0b4055f26cab4135efc36fc060b93f51f9ed375c9f85d320bcdb2";
    private static final String DOC_ED25519 = "d28454a3012704486465762d303030313a00010000182aa04a7b2274223a32312e357d5840"
            + "62b199f4be27c6ba135d258f40d4607b323dfccb8a65c745e7b5d3c4362e3c8a72dae9b0b4d6821f1f2d402299347ee0"
            + "512bd168ba35133d5da11c2d54c3cd04";

    @Test
    void mac0_isExactlyTheDocumentedBytes() {
        assertThat(HEX.formatHex(DeviceMessages.mac0(DEVICE, MAC_KEY, 42, PAYLOAD))).isEqualTo(DOC_MAC0);
    }

    @Test
    void ed25519Sign1_isExactlyTheDocumentedBytes() throws GeneralSecurityException {
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(
                new PKCS8EncodedKeySpec(HEX.parseHex("302e020100300506032b657004220420" + ED25519_PRIVATE)));

        assertThat(HEX.formatHex(DeviceMessages.sign1(DEVICE, key, 42, PAYLOAD))).isEqualTo(DOC_ED25519);
    }

    @Test
    void mac0_roundTripsThroughTheHubsVerifier() {
        VerifiedMessage verified = MessageVerifier.verify(DeviceMessages.mac0(DEVICE, MAC_KEY, 7, PAYLOAD), DEVICE,
                DeviceKeys.mac(MAC_KEY), new byte[0]);

        assertThat(verified).isEqualTo(new VerifiedMessage(IntegrityMethod.COSE_MAC0, 7, PAYLOAD, DEVICE));
    }

    @Test
    void ed25519AndEs256_roundTripThroughTheHubsVerifier() {
        for (KeyPair pair : new KeyPair[] {generate("Ed25519", null), generate("EC", "secp256r1")}) {
            byte[] message = DeviceMessages.sign1(DEVICE, pair.getPrivate(), 11, PAYLOAD);

            VerifiedMessage verified = MessageVerifier.verify(message, DEVICE, DeviceKeys.publicKey(pair.getPublic()), new byte[0]);

            assertThat(verified).isEqualTo(new VerifiedMessage(IntegrityMethod.COSE_SIGN1, 11, PAYLOAD, DEVICE));
            assertThat(MessageVerifier.isCose(message)).isTrue();
        }
    }

    @Test
    void externalAad_isBound() {
        byte[] aad = "devices/dev-0001/telemetry".getBytes(StandardCharsets.UTF_8);
        KeyPair pair = generate("EC", "secp256r1");
        byte[] mac = DeviceMessages.mac0(DEVICE, MAC_KEY, 1, PAYLOAD, aad);
        byte[] es = DeviceMessages.sign1(DEVICE, pair.getPrivate(), 1, PAYLOAD, aad);

        assertThat(MessageVerifier.verify(mac, DeviceKeys.mac(MAC_KEY), aad).counter()).isEqualTo(1);
        assertThat(MessageVerifier.verify(es, DeviceKeys.publicKey(pair.getPublic()), aad).counter()).isEqualTo(1);
        assertRejected(mac, DeviceKeys.mac(MAC_KEY), IntegrityFailure.BAD_TAG);
        assertRejected(es, DeviceKeys.publicKey(pair.getPublic()), IntegrityFailure.BAD_SIGNATURE);
    }

    @Test
    void tamperedMessages_areRejectedByTheHub() {
        KeyPair ed = generate("Ed25519", null);
        KeyPair p256 = generate("EC", "secp256r1");
        byte[] mac = DeviceMessages.mac0(DEVICE, MAC_KEY, 5, PAYLOAD);
        byte[] edMessage = DeviceMessages.sign1(DEVICE, ed.getPrivate(), 5, PAYLOAD);
        byte[] esMessage = DeviceMessages.sign1(DEVICE, p256.getPrivate(), 5, PAYLOAD);

        assertRejected(flipPayloadBit(mac), DeviceKeys.mac(MAC_KEY), IntegrityFailure.BAD_TAG);
        assertRejected(flipPayloadBit(edMessage), DeviceKeys.publicKey(ed.getPublic()), IntegrityFailure.BAD_SIGNATURE);
        assertRejected(flipPayloadBit(esMessage), DeviceKeys.publicKey(p256.getPublic()), IntegrityFailure.BAD_SIGNATURE);
        // the counter is protected too: 42 (0x182a) made 43 (0x182b) breaks the tag
        byte[] counterChanged = DeviceMessages.mac0(DEVICE, MAC_KEY, 42, PAYLOAD);
        counterChanged[HEX.formatHex(counterChanged).indexOf("182a") / 2 + 1] = 0x2b;
        assertRejected(counterChanged, DeviceKeys.mac(MAC_KEY), IntegrityFailure.BAD_TAG);
    }

    @Test
    void invalidInputs_areRefused() {
        KeyPair p384 = generate("EC", "secp384r1");

        assertThatThrownBy(() -> DeviceMessages.mac0(DEVICE, new byte[16], 1, PAYLOAD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceMessages.mac0(DEVICE, MAC_KEY, 0, PAYLOAD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceMessages.mac0("", MAC_KEY, 1, PAYLOAD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceMessages.sign1(DEVICE, p384.getPrivate(), 1, PAYLOAD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Ed25519 or EC P-256");
    }

    private static void assertRejected(byte[] message, DeviceKeys keys, IntegrityFailure expected) {
        assertThatThrownBy(() -> MessageVerifier.verify(message, keys))
                .isInstanceOfSatisfying(IntegrityException.class, e -> assertThat(e.failure()).isEqualTo(expected));
    }

    private static byte[] flipPayloadBit(byte[] message) {
        byte[] copy = message.clone();
        int at = HEX.formatHex(copy).indexOf(HEX.formatHex(PAYLOAD)) / 2;
        assertThat(at).isPositive();
        copy[at + 3] ^= 0x01;
        return copy;
    }

    private static KeyPair generate(String algorithm, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
