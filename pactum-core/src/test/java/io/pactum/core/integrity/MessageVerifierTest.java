package io.pactum.core.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class MessageVerifierTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String DEVICE = "dev-0001";
    private static final byte[] MAC_KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] PAYLOAD = "{\"t\":21.5}".getBytes(StandardCharsets.UTF_8);
    private static final KeyPair ED = TestKeys.ed25519();
    private static final KeyPair P256 = TestKeys.p256();

    /** The worked examples in docs/device-messages.md; the SDK's tests pin the same bytes. */
    static final String DOC_MAC0 = "d18454a3010504486465762d303030313a00010000182aa04a7b2274223a32312e357d5820"
            + "3cd1429e80e0b4055f26cab4135efc36fc060b93f51f9ed375c9f85d320bcdb2";
    static final String DOC_ED25519 = "d28454a3012704486465762d303030313a00010000182aa04a7b2274223a32312e357d5840"
            + "62b199f4be27c6ba135d258f40d4607b323dfccb8a65c745e7b5d3c4362e3c8a72dae9b0b4d6821f1f2d402299347ee0"
            + "512bd168ba35133d5da11c2d54c3cd04";
    /** RFC 8032 test 1 public key (also the working group's Ed25519 example key). */
    static final String DOC_ED25519_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    @Test
    void documentedMac0Example_isWhatWeProduceAndVerifies() {
        assertThat(HEX.formatHex(TestMessages.mac0(DEVICE, MAC_KEY, 42, PAYLOAD))).isEqualTo(DOC_MAC0);

        VerifiedMessage verified = MessageVerifier.verify(HEX.parseHex(DOC_MAC0), DEVICE, DeviceKeys.mac(MAC_KEY), new byte[0]);

        assertThat(verified).isEqualTo(new VerifiedMessage(IntegrityMethod.COSE_MAC0, 42, PAYLOAD, DEVICE));
    }

    @Test
    void documentedEd25519Example_verifies() {
        DeviceKeys keys = DeviceKeys.publicKey(TestKeys.okpPublicKey("Ed25519", HEX.parseHex(DOC_ED25519_PUBLIC)));

        VerifiedMessage verified = MessageVerifier.verify(HEX.parseHex(DOC_ED25519), DEVICE, keys, new byte[0]);

        assertThat(verified).isEqualTo(new VerifiedMessage(IntegrityMethod.COSE_SIGN1, 42, PAYLOAD, DEVICE));
    }

    @Test
    void mac0_ed25519_es256_taggedAndUntagged_verify() {
        DeviceKeys all = new DeviceKeys(MAC_KEY, ED.getPublic());
        Map<Object, Object> macHeader = TestMessages.header(5, DEVICE, 7);
        for (boolean tagged : List.of(true, false)) {
            byte[] mac = TestMessages.build(IntegrityMethod.COSE_MAC0, macHeader, Map.of(), PAYLOAD, new byte[0], tagged,
                    TestMessages.hmac(MAC_KEY));
            byte[] ed = TestMessages.build(IntegrityMethod.COSE_SIGN1, TestMessages.header(-8, DEVICE, 8), Map.of(), PAYLOAD,
                    new byte[0], tagged, TestMessages.ed25519(ED.getPrivate()));
            byte[] es = TestMessages.build(IntegrityMethod.COSE_SIGN1, TestMessages.header(-7, DEVICE, 9), Map.of(), PAYLOAD,
                    new byte[0], tagged, TestMessages.es256(P256.getPrivate()));

            assertThat(MessageVerifier.verify(mac, all).method()).isEqualTo(IntegrityMethod.COSE_MAC0);
            assertThat(MessageVerifier.verify(ed, all).counter()).isEqualTo(8);
            VerifiedMessage verifiedEs = MessageVerifier.verify(es, DeviceKeys.publicKey(P256.getPublic()));
            assertThat(verifiedEs.method()).isEqualTo(IntegrityMethod.COSE_SIGN1);
            assertThat(verifiedEs.payload()).isEqualTo(PAYLOAD);
            assertThat(verifiedEs.keyId()).isEqualTo(DEVICE);
        }
    }

    @Test
    void tamperedPayload_isRejected() {
        byte[] mac = tamperPayload(TestMessages.mac0(DEVICE, MAC_KEY, 1, PAYLOAD));
        byte[] ed = tamperPayload(TestMessages.ed25519(DEVICE, ED.getPrivate(), 1, PAYLOAD));
        byte[] es = tamperPayload(TestMessages.es256(DEVICE, P256.getPrivate(), 1, PAYLOAD));

        assertFailure(() -> MessageVerifier.verify(mac, DeviceKeys.mac(MAC_KEY)), IntegrityFailure.BAD_TAG);
        assertFailure(() -> MessageVerifier.verify(ed, DeviceKeys.publicKey(ED.getPublic())), IntegrityFailure.BAD_SIGNATURE);
        assertFailure(() -> MessageVerifier.verify(es, DeviceKeys.publicKey(P256.getPublic())), IntegrityFailure.BAD_SIGNATURE);
    }

    @Test
    void wrongKey_isRejected() {
        byte[] otherMacKey = MAC_KEY.clone();
        otherMacKey[0] ^= 1;

        assertFailure(() -> MessageVerifier.verify(TestMessages.mac0(DEVICE, MAC_KEY, 1, PAYLOAD), DeviceKeys.mac(otherMacKey)),
                IntegrityFailure.BAD_TAG);
        assertFailure(() -> MessageVerifier.verify(TestMessages.ed25519(DEVICE, ED.getPrivate(), 1, PAYLOAD),
                DeviceKeys.publicKey(TestKeys.ed25519().getPublic())), IntegrityFailure.BAD_SIGNATURE);
        assertFailure(() -> MessageVerifier.verify(TestMessages.es256(DEVICE, P256.getPrivate(), 1, PAYLOAD),
                DeviceKeys.publicKey(TestKeys.p256().getPublic())), IntegrityFailure.BAD_SIGNATURE);
    }

    @Test
    void badTagMessage_containsNoKeyMaterial() {
        byte[] otherMacKey = new byte[32];
        Throwable thrown = catchIntegrity(() -> MessageVerifier.verify(TestMessages.mac0(DEVICE, MAC_KEY, 1, PAYLOAD),
                DeviceKeys.mac(otherMacKey)));

        assertThat(thrown.getMessage()).doesNotContainIgnoringCase(HEX.formatHex(MAC_KEY).substring(0, 16))
                .doesNotContain("{\"t\"");
    }

    @Test
    void algInUnprotectedHeaderOnly_isRejectedEvenWithAValidTag() {
        Map<Object, Object> protectedHeader = TestMessages.header(5, DEVICE, 1);
        protectedHeader.remove(1L);
        byte[] message = TestMessages.build(IntegrityMethod.COSE_MAC0, protectedHeader, Map.of(1L, 5L), PAYLOAD,
                new byte[0], true, TestMessages.hmac(MAC_KEY));

        assertFailure(() -> MessageVerifier.verify(message, DeviceKeys.mac(MAC_KEY)), IntegrityFailure.UNPROTECTED_ALGORITHM);
    }

    @Test
    void algorithmThatDoesNotFitTheDevicesKey_isRejected() {
        byte[] es256 = TestMessages.es256(DEVICE, P256.getPrivate(), 1, PAYLOAD);
        byte[] ed = TestMessages.ed25519(DEVICE, ED.getPrivate(), 1, PAYLOAD);
        byte[] mac = TestMessages.mac0(DEVICE, MAC_KEY, 1, PAYLOAD);

        // a device registered with Ed25519 cannot be addressed with ES256 or HMAC, and so on
        assertFailure(() -> MessageVerifier.verify(es256, DeviceKeys.publicKey(ED.getPublic())), IntegrityFailure.NO_KEY_FOR_ALGORITHM);
        assertFailure(() -> MessageVerifier.verify(mac, DeviceKeys.publicKey(ED.getPublic())), IntegrityFailure.NO_KEY_FOR_ALGORITHM);
        assertFailure(() -> MessageVerifier.verify(ed, DeviceKeys.mac(MAC_KEY)), IntegrityFailure.NO_KEY_FOR_ALGORITHM);
        assertFailure(() -> MessageVerifier.verify(ed, DeviceKeys.publicKey(P256.getPublic())), IntegrityFailure.NO_KEY_FOR_ALGORITHM);
        assertFailure(() -> MessageVerifier.verify(mac, new DeviceKeys(null, null)), IntegrityFailure.NO_KEY_FOR_ALGORITHM);
    }

    @Test
    void signatureAlgorithmUnderTheMac0Tag_isRejected() {
        byte[] message = Cbor.encode(new Cbor.Tag(17, List.of(Cbor.encode(TestMessages.header(-8, DEVICE, 1)), Map.of(),
                PAYLOAD, new byte[64])));

        assertFailure(() -> MessageVerifier.verify(message, DeviceKeys.publicKey(ED.getPublic())), IntegrityFailure.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void weakOrUnknownAlgorithms_areRejected() {
        for (long alg : new long[] {4 /* HMAC 256/64 */, 6, -35, 0, -999}) {
            byte[] message = TestMessages.build(IntegrityMethod.COSE_MAC0, TestMessages.header(alg, DEVICE, 1), Map.of(),
                    PAYLOAD, new byte[0], true, TestMessages.hmac(MAC_KEY));
            assertFailure(() -> MessageVerifier.verify(message, DeviceKeys.mac(MAC_KEY)), IntegrityFailure.UNSUPPORTED_ALGORITHM);
        }
    }

    @Test
    void es256SignatureInDerForm_isABadSignature() {
        byte[] message = TestMessages.build(IntegrityMethod.COSE_SIGN1, TestMessages.header(-7, DEVICE, 1), Map.of(),
                PAYLOAD, new byte[0], true, TestMessages.es256Der(P256.getPrivate()));

        assertFailure(() -> MessageVerifier.verify(message, DeviceKeys.publicKey(P256.getPublic())), IntegrityFailure.BAD_SIGNATURE);
    }

    @Test
    void missingZeroNegativeOrNonIntegerCounter_isRejected() {
        Map<Object, Object> noCounter = TestMessages.header(5, DEVICE, 1);
        noCounter.remove(MessageVerifier.COUNTER_LABEL);
        assertFailure(() -> MessageVerifier.verify(macWith(noCounter, Map.of()), DeviceKeys.mac(MAC_KEY)), IntegrityFailure.MISSING_COUNTER);
        assertFailure(() -> MessageVerifier.verify(macWith(noCounter, Map.of(MessageVerifier.COUNTER_LABEL, 5L)),
                DeviceKeys.mac(MAC_KEY)), IntegrityFailure.MISSING_COUNTER);

        for (Object bad : List.of(0L, -1L, "7", new BigInteger("18446744073709551615"), new byte[] {1})) {
            Map<Object, Object> header = TestMessages.header(5, DEVICE, 1);
            header.put(MessageVerifier.COUNTER_LABEL, bad);
            assertFailure(() -> MessageVerifier.verify(macWith(header, Map.of()), DeviceKeys.mac(MAC_KEY)), IntegrityFailure.INVALID_COUNTER);
        }
    }

    @Test
    void largestCounter_isAccepted() {
        byte[] message = TestMessages.mac0(DEVICE, MAC_KEY, Long.MAX_VALUE, PAYLOAD);

        assertThat(MessageVerifier.verify(message, DeviceKeys.mac(MAC_KEY)).counter()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void keyIdOfAnotherDeviceOrNone_isRejectedWhenTheDeviceIsKnown() {
        byte[] message = TestMessages.mac0("dev-0002", MAC_KEY, 1, PAYLOAD);
        Map<Object, Object> noKid = TestMessages.header(5, DEVICE, 1);
        noKid.remove(4L);

        assertFailure(() -> MessageVerifier.verify(message, DEVICE, DeviceKeys.mac(MAC_KEY), new byte[0]), IntegrityFailure.KEY_ID_MISMATCH);
        assertFailure(() -> MessageVerifier.verify(macWith(noKid, Map.of(4L, DEVICE.getBytes(StandardCharsets.UTF_8))), DEVICE,
                DeviceKeys.mac(MAC_KEY), new byte[0]), IntegrityFailure.KEY_ID_MISMATCH);
        assertThat(MessageVerifier.verify(macWith(noKid, Map.of()), DeviceKeys.mac(MAC_KEY)).keyId()).isNull();
    }

    @Test
    void externalAad_mustMatch() {
        byte[] aad = "topic/dev-0001/telemetry".getBytes(StandardCharsets.UTF_8);
        byte[] message = TestMessages.build(IntegrityMethod.COSE_MAC0, TestMessages.header(5, DEVICE, 1), Map.of(), PAYLOAD,
                aad, true, TestMessages.hmac(MAC_KEY));

        assertThat(MessageVerifier.verify(message, DeviceKeys.mac(MAC_KEY), aad).counter()).isEqualTo(1);
        assertFailure(() -> MessageVerifier.verify(message, DeviceKeys.mac(MAC_KEY)), IntegrityFailure.BAD_TAG);
    }

    @Test
    void everyTruncation_isMalformed() {
        byte[] message = TestMessages.es256(DEVICE, P256.getPrivate(), 1, PAYLOAD);
        for (int length = 0; length < message.length; length++) {
            byte[] truncated = Arrays.copyOf(message, length);
            assertFailure(() -> MessageVerifier.verify(truncated, DeviceKeys.publicKey(P256.getPublic())), IntegrityFailure.MALFORMED);
        }
    }

    @Test
    void trailingBytes_areMalformed() {
        byte[] message = TestMessages.mac0(DEVICE, MAC_KEY, 1, PAYLOAD);
        byte[] longer = Arrays.copyOf(message, message.length + 1);

        assertFailure(() -> MessageVerifier.verify(longer, DeviceKeys.mac(MAC_KEY)), IntegrityFailure.MALFORMED);
    }

    @Test
    void hugeDeclaredLengths_areRejectedWithoutAllocating() {
        List<String> messages = List.of(
                "d184" + "5bffffffffffffffff",                        // protected bstr of 2^64-1 bytes
                "d184" + "40a0" + "5affffffff" + "00",                // payload of 4 GiB
                "d184" + "40a0" + "5a7fffffff" + "00",                // payload of 2 GiB - 1
                "d19bffffffffffffffff" + "00",                         // array of 2^64-1 items
                "d184" + "40" + "ba7fffffff" + "0000",                // map of 2^31-1 entries
                "d184" + "40a0" + "7b0000000100000000" + "00");       // text of 4 GiB
        for (String hex : messages) {
            assertFailure(() -> MessageVerifier.verify(HEX.parseHex(hex), DeviceKeys.mac(MAC_KEY)), IntegrityFailure.MALFORMED);
        }
    }

    @Test
    void deepNesting_indefiniteLengths_duplicateAndSharedLabels_areMalformed() {
        byte[] deep = new byte[200];
        Arrays.fill(deep, (byte) 0x81);
        byte[] indefinite = HEX.parseHex("d19f40a0405820" + "00".repeat(32) + "ff");
        byte[] duplicate = macWithProtectedBytes(HEX.parseHex("a4010504486465762d303030313a00010000182a0105"));
        Map<Object, Object> header = TestMessages.header(5, DEVICE, 1);

        for (byte[] message : List.of(deep, indefinite, duplicate, macWith(header, Map.of(4L, new byte[] {1})))) {
            assertFailure(() -> MessageVerifier.verify(message, DeviceKeys.mac(MAC_KEY)), IntegrityFailure.MALFORMED);
        }
    }

    @Test
    void wrongShapes_areMalformed() {
        List<Object> shapes = List.of(
                Map.of(1L, 2L),                                                              // not an array
                List.of(new byte[0], Map.of(), PAYLOAD),                                     // three items
                new Cbor.Tag(18, List.of("text", Map.of(), PAYLOAD, new byte[64])),          // protected not bstr
                new Cbor.Tag(17, List.of(Cbor.encode(List.of(1L)), Map.of(), PAYLOAD, new byte[32])), // protected not a map
                new Cbor.Tag(17, List.of(new byte[0], List.of(), PAYLOAD, new byte[32])),    // unprotected not a map
                new Cbor.Tag(17, List.of(new byte[0], Map.of(), "text", new byte[32])),      // payload not bstr
                new Cbor.Tag(17, List.of(new byte[0], Map.of(), PAYLOAD, 5L)),               // tag not bstr
                new Cbor.Tag(16, List.of(new byte[0], Map.of(), PAYLOAD, new byte[32])));    // COSE_Encrypt0 tag
        for (Object shape : shapes) {
            assertFailure(() -> MessageVerifier.verify(Cbor.encode(shape), DeviceKeys.mac(MAC_KEY)), IntegrityFailure.MALFORMED);
        }
    }

    @Test
    void detachedPayload_isRejectedWithItsOwnReason() {
        byte[] message = Cbor.encode(new Cbor.Tag(17, List.of(Cbor.encode(TestMessages.header(5, DEVICE, 1)), Map.of(),
                Cbor.NIL, new byte[32])));

        assertFailure(() -> MessageVerifier.verify(message, DeviceKeys.mac(MAC_KEY)), IntegrityFailure.DETACHED_PAYLOAD);
    }

    @Test
    void criticalHeaders_mustBeUnderstood() {
        Map<Object, Object> counterCritical = TestMessages.header(5, DEVICE, 3);
        counterCritical.put(2L, List.of(MessageVerifier.COUNTER_LABEL));
        Map<Object, Object> unknownCritical = TestMessages.header(5, DEVICE, 3);
        unknownCritical.put(-70000L, 1L);
        unknownCritical.put(2L, List.of(-70000L));

        assertThat(MessageVerifier.verify(macWith(counterCritical, Map.of()), DeviceKeys.mac(MAC_KEY)).counter()).isEqualTo(3);
        assertFailure(() -> MessageVerifier.verify(macWith(unknownCritical, Map.of()), DeviceKeys.mac(MAC_KEY)), IntegrityFailure.MALFORMED);
    }

    @Test
    void isCose_tellsProtectedMessagesFromPlainPayloads() {
        byte[] tagged = TestMessages.mac0(DEVICE, MAC_KEY, 1, PAYLOAD);
        byte[] untagged = Arrays.copyOfRange(tagged, 1, tagged.length);
        // SenML CBOR (RFC 8428): an array of records (maps), here exactly four of them
        Map<Object, Object> base = new LinkedHashMap<>();
        base.put(-2L, "urn:dev:ow:10e2073a01080063:");
        base.put(0L, "temp");
        base.put(1L, "Cel");
        base.put(2L, 23L);
        byte[] senml = Cbor.encode(List.of(base, Map.of(0L, "hum", 2L, 40L), Map.of(0L, "co2", 2L, 410L), Map.of(0L, "bat", 2L, 97L)));

        assertThat(MessageVerifier.isCose(tagged)).isTrue();
        assertThat(MessageVerifier.isCose(untagged)).isTrue();
        assertThat(MessageVerifier.isCose(TestMessages.ed25519(DEVICE, ED.getPrivate(), 1, PAYLOAD))).isTrue();
        assertThat(senml[0] & 0xff).isEqualTo(0x84);
        assertThat(MessageVerifier.isCose(senml)).isFalse();
        assertThat(MessageVerifier.isCose(PAYLOAD)).isFalse();
        assertThat(MessageVerifier.isCose(Cbor.encode(Map.of(1L, 2L)))).isFalse();
        assertThat(MessageVerifier.isCose(new byte[0])).isFalse();
        assertThat(MessageVerifier.isCose(new byte[] {(byte) 0xd1})).isFalse();
    }

    private static byte[] macWith(Map<Object, Object> protectedHeader, Map<Object, Object> unprotected) {
        return TestMessages.build(IntegrityMethod.COSE_MAC0, protectedHeader, unprotected, PAYLOAD, new byte[0], true,
                TestMessages.hmac(MAC_KEY));
    }

    private static byte[] macWithProtectedBytes(byte[] protectedBytes) {
        byte[] tag = TestMessages.hmac(MAC_KEY).apply(
                CoseStructures.toBeAuthenticated(IntegrityMethod.COSE_MAC0, protectedBytes, new byte[0], PAYLOAD));
        return Cbor.encode(new Cbor.Tag(17, List.of(protectedBytes, Map.of(), PAYLOAD, tag)));
    }

    /** Flips a bit in the payload, found by its bytes inside the encoded message. */
    private static byte[] tamperPayload(byte[] message) {
        byte[] copy = message.clone();
        for (int i = 0; i + PAYLOAD.length <= copy.length; i++) {
            if (Arrays.equals(copy, i, i + PAYLOAD.length, PAYLOAD, 0, PAYLOAD.length)) {
                copy[i + PAYLOAD.length - 2] ^= 0x01;
                return copy;
            }
        }
        throw new AssertionError("payload not found");
    }

    private static IntegrityException catchIntegrity(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(IntegrityException.class);
        return (IntegrityException) thrown;
    }

    private static void assertFailure(ThrowingCallable call, IntegrityFailure expected) {
        assertThat(catchIntegrity(call).failure()).isEqualTo(expected);
    }
}
