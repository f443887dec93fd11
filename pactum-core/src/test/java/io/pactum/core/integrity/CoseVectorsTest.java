package io.pactum.core.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The IETF COSE working group's examples (cose-wg/Examples, see {@code cose/SOURCES.md}):
 * every pass case verifies with the example's key and external AAD, every fail case is rejected
 * for the reason its {@code failures} member describes.
 */
class CoseVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest
    @ValueSource(strings = {
            "mac0-tests/HMac-01.json", "mac0-tests/mac-pass-01.json", "mac0-tests/mac-pass-02.json",
            "mac0-tests/mac-pass-03.json", "sign1-tests/sign-pass-01.json", "sign1-tests/sign-pass-02.json",
            "sign1-tests/sign-pass-03.json", "eddsa-examples/eddsa-sig-01.json"})
    void passCase_verifiesWithTheExamplesKeyAndExternalAad(String file) {
        Vector v = Vector.load(file);
        assertThat(v.fail()).isFalse();

        CoseMessage message = CoseMessage.parse(v.cbor());
        CoseAlgorithm alg = CoseVerifier.verify(message, v.keys(), v.externalAad(),
                CoseVerifier.AlgorithmSource.EITHER_BUCKET, Set.of());

        assertThat(alg.method()).isEqualTo(v.method());
        assertThat(message.payload()).isEqualTo(v.plaintext());
        // our deterministic MAC_structure / Sig_structure is byte for byte the example's
        assertThat(HEX.formatHex(CoseStructures.toBeAuthenticated(
                        alg.method(), message.bodyProtected(), v.externalAad(), message.payload())))
                .isEqualToIgnoringCase(v.toBeAuthenticatedHex());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mac0-tests/mac-pass-02.json", "sign1-tests/sign-pass-02.json"})
    void passCaseWithExternalAad_failsWithoutIt(String file) {
        Vector v = Vector.load(file);
        assertThat(v.externalAad()).isNotEmpty();

        assertThatThrownBy(() -> CoseVerifier.verify(CoseMessage.parse(v.cbor()), v.keys(), new byte[0],
                        CoseVerifier.AlgorithmSource.EITHER_BUCKET, Set.of()))
                .isInstanceOfSatisfying(IntegrityException.class,
                        e -> assertThat(e.failure()).isIn(IntegrityFailure.BAD_TAG, IntegrityFailure.BAD_SIGNATURE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "mac0-tests/mac-fail-01.json", "mac0-tests/mac-fail-02.json", "mac0-tests/mac-fail-03.json",
            "mac0-tests/mac-fail-04.json", "mac0-tests/mac-fail-06.json", "mac0-tests/mac-fail-07.json",
            "sign1-tests/sign-fail-01.json", "sign1-tests/sign-fail-02.json", "sign1-tests/sign-fail-03.json",
            "sign1-tests/sign-fail-04.json", "sign1-tests/sign-fail-06.json", "sign1-tests/sign-fail-07.json"})
    void failCase_isRejectedForWhatItAlters(String file) {
        Vector v = Vector.load(file);
        assertThat(v.fail()).isTrue();
        IntegrityFailure expected = expectedFailure(v);

        assertThatThrownBy(() -> CoseVerifier.verify(CoseMessage.parse(v.cbor()), v.keys(), v.externalAad(),
                        CoseVerifier.AlgorithmSource.EITHER_BUCKET, Set.of()))
                .isInstanceOfSatisfying(IntegrityException.class, e -> assertThat(e.failure()).isEqualTo(expected));
        // and the device-message path rejects it just the same
        assertThatThrownBy(() -> MessageVerifier.verify(v.cbor(), v.keys(), v.externalAad()))
                .isInstanceOfSatisfying(IntegrityException.class, e -> assertThat(e.failure()).isEqualTo(expected));
    }

    /** What the example's {@code failures} member says was altered, as the reason we must give. */
    private static IntegrityFailure expectedFailure(Vector v) {
        JsonNode failures = v.failures();
        if (failures.has("ChangeCBORTag")) {
            return IntegrityFailure.MALFORMED; // 992 / 998 are not COSE_Mac0 / COSE_Sign1 tags
        }
        if (failures.has("ChangeAttr") && failures.get("ChangeAttr").has("alg")) {
            return IntegrityFailure.UNSUPPORTED_ALGORITHM; // -999 or a text alg
        }
        if (failures.has("ChangeTag") || failures.has("AddProtected") || failures.has("RemoveProtected")) {
            // bytes under the MAC/signature changed after it was made
            return v.method() == IntegrityMethod.COSE_MAC0 ? IntegrityFailure.BAD_TAG : IntegrityFailure.BAD_SIGNATURE;
        }
        throw new AssertionError("a fail case this test does not know: " + failures);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mac0-tests/HMac-01.json", "sign1-tests/sign-pass-02.json", "sign1-tests/sign-pass-03.json",
            "eddsa-examples/eddsa-sig-01.json"})
    void passCaseWithProtectedAlg_isAuthenticButNotADeviceMessage(String file) {
        Vector v = Vector.load(file);

        // the tag/signature verifies first; then the missing counter is what is wrong
        assertThatThrownBy(() -> MessageVerifier.verify(v.cbor(), v.keys(), v.externalAad()))
                .isInstanceOfSatisfying(IntegrityException.class,
                        e -> assertThat(e.failure()).isEqualTo(IntegrityFailure.MISSING_COUNTER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mac0-tests/mac-pass-01.json", "mac0-tests/mac-pass-02.json", "mac0-tests/mac-pass-03.json",
            "sign1-tests/sign-pass-01.json"})
    void passCaseWithAlgOnlyUnprotected_isRejectedAsDeviceMessage(String file) {
        Vector v = Vector.load(file);
        assertThat(v.protectedAlg()).isFalse();

        assertThatThrownBy(() -> MessageVerifier.verify(v.cbor(), v.keys(), v.externalAad()))
                .isInstanceOfSatisfying(IntegrityException.class,
                        e -> assertThat(e.failure()).isEqualTo(IntegrityFailure.UNPROTECTED_ALGORITHM));
    }

    @Test
    void multiSignerCoseSign_isNotAccepted() {
        Vector v = Vector.load("eddsa-examples/eddsa-01.json");

        assertThatThrownBy(() -> MessageVerifier.verify(v.cbor(), TestKeys.fromJwk(v.signerKey()), new byte[0]))
                .isInstanceOfSatisfying(IntegrityException.class,
                        e -> assertThat(e.failure()).isEqualTo(IntegrityFailure.MALFORMED));
    }

    @Test
    void ed448Key_isNotADeviceKey() {
        Vector v = Vector.load("eddsa-examples/eddsa-sig-02.json");

        assertThatThrownBy(() -> TestKeys.fromJwk(v.input().get("sign0").get("key")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Ed25519 or EC P-256");
    }

    @Test
    void ed448Sign1_verifiedWithTheEd25519ExampleKey_isABadSignature() {
        Vector ed448 = Vector.load("eddsa-examples/eddsa-sig-02.json");
        DeviceKeys ed25519 = Vector.load("eddsa-examples/eddsa-sig-01.json").keys();

        assertThatThrownBy(() -> CoseVerifier.verify(CoseMessage.parse(ed448.cbor()), ed25519, new byte[0],
                        CoseVerifier.AlgorithmSource.EITHER_BUCKET, Set.of()))
                .isInstanceOfSatisfying(IntegrityException.class,
                        e -> assertThat(e.failure()).isEqualTo(IntegrityFailure.BAD_SIGNATURE));
    }

    /** One example file. */
    record Vector(JsonNode root) {
        static Vector load(String file) {
            try (InputStream in = CoseVectorsTest.class.getResourceAsStream("/cose/" + file)) {
                return new Vector(JSON.readTree(Objects.requireNonNull(in, file)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        JsonNode input() {
            return root.get("input");
        }

        boolean fail() {
            return root.path("fail").asBoolean(false);
        }

        private JsonNode body() {
            return input().has("mac0") ? input().get("mac0") : input().has("sign0") ? input().get("sign0") : input().get("sign");
        }

        IntegrityMethod method() {
            return input().has("mac0") ? IntegrityMethod.COSE_MAC0 : IntegrityMethod.COSE_SIGN1;
        }

        DeviceKeys keys() {
            JsonNode body = body();
            return TestKeys.fromJwk(body.has("key") ? body.get("key") : body.get("recipients").get(0).get("key"));
        }

        JsonNode signerKey() {
            return body().get("signers").get(0).get("key");
        }

        boolean protectedAlg() {
            return body().path("protected").has("alg");
        }

        byte[] externalAad() {
            return HEX.parseHex(body().path("external").asText(""));
        }

        JsonNode failures() {
            return input().path("failures");
        }

        byte[] plaintext() {
            return input().get("plaintext").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        byte[] cbor() {
            return HEX.parseHex(root.get("output").get("cbor").asText().toLowerCase(java.util.Locale.ROOT));
        }

        String toBeAuthenticatedHex() {
            JsonNode intermediates = root.get("intermediates");
            return (intermediates.has("ToMac_hex") ? intermediates.get("ToMac_hex") : intermediates.get("ToBeSign_hex")).asText();
        }
    }
}
