package io.pactum.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TinkSecretBoxTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTEXT = "device:dev-1".getBytes(StandardCharsets.UTF_8);

    private static String keysetJson;
    private static SecretBox box;

    @BeforeAll
    static void loadKeyset() {
        keysetJson = TinkSecretBox.generateKeysetJson();
        box = TinkSecretBox.fromKeysetJson(keysetJson);
    }

    @Test
    void seal_thenOpen_returnsThePlaintext() {
        assertThat(box.open(box.seal(KEY, CONTEXT), CONTEXT)).isEqualTo(KEY);
    }

    @Test
    void seal_emptyPlaintext_roundTrips() {
        assertThat(box.open(box.seal(new byte[0], CONTEXT), CONTEXT)).isEmpty();
    }

    @Test
    void sealed_differsFromAndDoesNotContainThePlaintext() {
        byte[] sealed = box.seal(KEY, CONTEXT);
        assertThat(sealed).isNotEqualTo(KEY);
        assertThat(sealed.length).isGreaterThan(KEY.length);
        assertThat(indexOf(sealed, KEY)).isEqualTo(-1);
        assertThat(indexOf(sealed, Arrays.copyOf(KEY, 8))).as("no 8-byte run of the plaintext").isEqualTo(-1);
    }

    @Test
    void seal_twice_givesDifferentCiphertexts() {
        assertThat(box.seal(KEY, CONTEXT)).isNotEqualTo(box.seal(KEY, CONTEXT));
    }

    @Test
    void open_withAnotherContext_fails() {
        byte[] sealed = box.seal(KEY, CONTEXT);
        byte[] other = "device:dev-2".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> box.open(sealed, other)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open(sealed, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void open_withAnyFlippedByte_fails() {
        byte[] sealed = box.seal(KEY, CONTEXT);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> box.open(tampered, CONTEXT))
                    .as("flipped byte %d", i).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void open_truncatedOrEmpty_fails() {
        byte[] sealed = box.seal(KEY, CONTEXT);
        assertThatThrownBy(() -> box.open(Arrays.copyOf(sealed, sealed.length - 1), CONTEXT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open(Arrays.copyOf(sealed, 5), CONTEXT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open(new byte[0], CONTEXT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void open_underAnotherGeneratedKeyset_fails() {
        SecretBox other = TinkSecretBox.fromKeysetJson(TinkSecretBox.generateKeysetJson());
        byte[] sealed = box.seal(KEY, CONTEXT);
        assertThatThrownBy(() -> other.open(sealed, CONTEXT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void open_afterReloadingTheSameKeyset_succeeds() {
        byte[] sealed = box.seal(KEY, CONTEXT);
        assertThat(TinkSecretBox.fromKeysetJson(keysetJson).open(sealed, CONTEXT)).isEqualTo(KEY);
    }

    @Test
    void generatedKeysets_differ() {
        assertThat(TinkSecretBox.generateKeysetJson()).isNotEqualTo(keysetJson);
    }

    @Test
    void fromKeysetJson_notJson_isRejected() {
        assertThatThrownBy(() -> TinkSecretBox.fromKeysetJson("not json"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromKeysetJson_emptyOrNonKeysetJson_isRejected() {
        assertThatThrownBy(() -> TinkSecretBox.fromKeysetJson("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TinkSecretBox.fromKeysetJson("{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TinkSecretBox.fromKeysetJson("{\"primaryKeyId\": 1, \"key\": []}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
