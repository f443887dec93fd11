package io.pactum.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretHasherTest {
    /** The lowest allowed work factor keeps these tests fast; the layout and logic do not depend on it. */
    private static final int ITERATIONS = SecretHasher.MIN_ITERATIONS;
    private static final String SECRET = "correct-horse-battery-staple";

    private final SecretHasher hasher = new SecretHasher(ITERATIONS);

    @Test
    void verify_withTheHashedSecret_isTrue() {
        assertThat(hasher.verify(SECRET, hasher.hash(SECRET))).isTrue();
    }

    @Test
    void verify_withAnotherSecret_isFalse() {
        String stored = hasher.hash(SECRET);
        assertThat(hasher.verify("correct-horse-battery-stapler", stored)).isFalse();
        assertThat(hasher.verify("", stored)).isFalse();
    }

    @Test
    void verify_withNonAsciiSecret_roundTrips() {
        String secret = "pässwört-秘密-🔑-0123456789";
        String stored = hasher.hash(secret);
        assertThat(hasher.verify(secret, stored)).isTrue();
        assertThat(hasher.verify("passwort-秘密-🔑-0123456789", stored)).isFalse();
    }

    @Test
    void hash_hasSchemeIterationsSaltAndHashLayout() {
        String stored = hasher.hash(SECRET);
        String[] parts = stored.split("\\$", -1);

        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        assertThat(parts[1]).isEqualTo(Integer.toString(ITERATIONS));
        assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
        assertThat(stored).doesNotContain(SECRET).doesNotContain("=");
    }

    @Test
    void hash_isPbkdf2HmacSha256OfTheSecretWithTheStoredSalt() throws Exception {
        String[] parts = hasher.hash(SECRET).split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(SECRET.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
        assertThat(Base64.getDecoder().decode(parts[3])).isEqualTo(expected);
    }

    @Test
    void hash_twiceOfTheSameSecret_differsBySalt_andBothVerify() {
        String first = hasher.hash(SECRET);
        String second = hasher.hash(SECRET);

        assertThat(first).isNotEqualTo(second);
        assertThat(first.split("\\$")[2]).isNotEqualTo(second.split("\\$")[2]);
        assertThat(hasher.verify(SECRET, first)).isTrue();
        assertThat(hasher.verify(SECRET, second)).isTrue();
    }

    @Test
    void verify_usesTheStoredWorkFactor_soRaisingItKeepsOldHashesValid() {
        String old = hasher.hash(SECRET);
        SecretHasher stronger = new SecretHasher(ITERATIONS * 2);
        assertThat(stronger.verify(SECRET, old)).isTrue();
        assertThat(stronger.hash(SECRET).split("\\$")[1]).isEqualTo(Integer.toString(ITERATIONS * 2));
    }

    @Test
    void constructor_belowMinimumIterations_isRejected() {
        assertThatThrownBy(() -> new SecretHasher(SecretHasher.MIN_ITERATIONS - 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretHasher(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verify_storedHashBelowMinimumIterations_neverMatches_evenForTheRightSecret() throws Exception {
        int weak = SecretHasher.MIN_ITERATIONS - 1;
        byte[] salt = RandomSecrets.bytes(16);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(SECRET.toCharArray(), salt, weak, 256)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        String weakStored = "pbkdf2-sha256$" + weak + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);

        assertThat(hasher.verify(SECRET, weakStored)).isFalse();
    }

    @Test
    void verify_storedHashWithOtherScheme_neverMatches() {
        String stored = hasher.hash(SECRET);
        assertThat(hasher.verify(SECRET, stored.replaceFirst("^pbkdf2-sha256", "pbkdf2-sha1"))).isFalse();
        assertThat(hasher.verify(SECRET, stored.replaceFirst("^pbkdf2-sha256", "PBKDF2-SHA256"))).isFalse();
    }

    @Test
    void verify_storedHashWithExtraOrMissingPart_neverMatches() {
        String stored = hasher.hash(SECRET);
        assertThat(hasher.verify(SECRET, stored + "$extra")).isFalse();
        assertThat(hasher.verify(SECRET, stored.substring(0, stored.lastIndexOf('$')))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "$$$",
            "garbage",
            "bcrypt$10$abc$def",
            "pbkdf2-sha256$many$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
            "pbkdf2-sha256$$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
            "pbkdf2-sha256$-600000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
            "pbkdf2-sha256$99999999999999999999$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
            "pbkdf2-sha256$10000$!!not base64!!$aGFzaA",
            "pbkdf2-sha256$10000$c2FsdHNhbHRzYWx0c2FsdA$!!not base64!!",
            "pbkdf2-sha256$10000$$aGFzaA",
            "pbkdf2-sha256$10000$c2FsdHNhbHRzYWx0c2FsdA$",
    })
    void verify_malformedStoredHash_isFalse_andDoesNotThrow(String stored) {
        assertThat(hasher.verify(SECRET, stored)).isFalse();
    }
}
