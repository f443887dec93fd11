package io.pactum.core.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.error.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NoteVerifierKeyTest {
    @Test
    void keyId_isFirstFourBytesOfSha256_ofNameNewlineTypeAndKey_bigEndian() throws Exception {
        byte[] raw = HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update("pactum.example/ledger".getBytes(StandardCharsets.UTF_8));
        sha256.update(new byte[] {0x0a, 0x01});
        int expected = ByteBuffer.wrap(sha256.digest(raw)).getInt();

        assertThat(NoteVerifierKey.keyId("pactum.example/ledger", raw)).isEqualTo(expected);
    }

    @Test
    void encoded_isNamePlusHexIdPlusBase64OfTypeAndKey_andParsesBack() {
        KeyPair pair = NoteTestKeys.ed25519();
        NoteVerifierKey key = NoteVerifierKey.of(NoteTestKeys.HUB, pair.getPublic());
        String[] parts = key.encoded().split("\\+", 3);

        assertThat(parts[0]).isEqualTo(NoteTestKeys.HUB);
        assertThat(parts[1]).isEqualTo("%08x".formatted(key.keyId()));
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        assertThat(typed).hasSize(33).startsWith(0x01);
        assertThat(NoteVerifierKey.parse(key.encoded())).isEqualTo(key);
        assertThat(NoteVerifierKey.parse(key.encoded()).encoded()).isEqualTo(key.encoded());
    }

    @Test
    void keysWhoseBase64HoldsPlusSigns_roundTrip() {
        int withPlus = 0;
        for (int i = 0; i < 64; i++) {
            NoteVerifierKey key = NoteVerifierKey.of(NoteTestKeys.HUB, NoteTestKeys.ed25519().getPublic());
            withPlus += key.encoded().chars().filter(c -> c == '+').count() > 2 ? 1 : 0;
            assertThat(NoteVerifierKey.parse(key.encoded())).isEqualTo(key);
        }
        assertThat(withPlus).as("keys with '+' in their base64 among 64 random ones").isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "PeterNeumann+c74f20a3                                           | three parts",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW+x | base64",
        "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW          | key name is empty",
        "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW | spaces",
        "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW | 8 lower-case hex",
        "PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW  | 8 lower-case hex",
        "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW | does not match",
        "PeterNewmann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW | does not match",
        "PeterNeumann+c74f20a3+Apc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW  | base64",
        "PeterNeumann+c74f20a3+Alpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW | signature type 0x01",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWAA== | 32 bytes",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T= | base64",
    })
    void parse_rejectsMalformedKeys_withMessage(String encoded, String message) {
        assertThatThrownBy(() -> NoteVerifierKey.parse(encoded))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }

    @Test
    void of_rejectsNonEd25519Keys_andBadNames() throws Exception {
        KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        KeyPair ed25519 = NoteTestKeys.ed25519();

        assertThatThrownBy(() -> NoteVerifierKey.of("a", ed448.getPublic())).hasMessageContaining("Ed25519");
        assertThatThrownBy(() -> NoteVerifierKey.of("a", ec.getPublic())).hasMessageContaining("Ed25519");
        assertThatThrownBy(() -> NoteVerifierKey.of("a+b", ed25519.getPublic())).hasMessageContaining("'+'");
        assertThatThrownBy(() -> NoteVerifierKey.of("a\u00a0b", ed25519.getPublic())).hasMessageContaining("spaces");
        assertThatThrownBy(() -> NoteVerifierKey.of("", ed25519.getPublic())).hasMessageContaining("empty");
    }
}
