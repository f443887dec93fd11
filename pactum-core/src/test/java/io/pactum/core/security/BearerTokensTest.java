package io.pactum.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BearerTokensTest {
    private static final String CLIENT_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final String SECRET_43 = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";

    @Test
    void testSecret_hasTheLengthOfAnIssuedSecret() {
        assertThat(SECRET_43).hasSize(43);
    }

    @Test
    void issue_thenParse_returnsClientIdAndSecret() {
        String token = BearerTokens.issue(CLIENT_ID);

        assertThat(token).startsWith("pct_" + CLIENT_ID + "_");
        BearerTokens.Parsed parsed = BearerTokens.parse(token).orElseThrow();
        assertThat(parsed.clientId()).isEqualTo(CLIENT_ID);
        assertThat(parsed.secret()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(token).isEqualTo("pct_" + parsed.clientId() + "_" + parsed.secret());
    }

    @Test
    void parse_secretContainingUnderscoresAndDashes_keepsThemInTheSecret() {
        BearerTokens.Parsed parsed = BearerTokens.parse("pct_c-1_" + SECRET_43).orElseThrow();
        assertThat(parsed.clientId()).isEqualTo("c-1");
        assertThat(parsed.secret()).isEqualTo(SECRET_43);
    }

    @Test
    void issuedTokens_forTheSameClient_differ() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            tokens.add(BearerTokens.issue(CLIENT_ID));
        }
        assertThat(tokens).hasSize(50);
    }

    @Test
    void hash_isLowerHexSha256_andDeterministic() {
        String token = BearerTokens.issue(CLIENT_ID);
        assertThat(BearerTokens.hash(token)).matches("[0-9a-f]{64}").isEqualTo(BearerTokens.hash(token));
        assertThat(BearerTokens.hash(token)).doesNotContain(token);
    }

    @Test
    void hash_ofKnownInput_isItsSha256() {
        // SHA-256("abc"), FIPS 180-2 test vector.
        assertThat(BearerTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void matches_theIssuedTokenAgainstItsHash() {
        String token = BearerTokens.issue(CLIENT_ID);
        assertThat(BearerTokens.matches(token, BearerTokens.hash(token))).isTrue();
    }

    @Test
    void matches_tamperedSecret_doesNotMatch() {
        String token = BearerTokens.issue(CLIENT_ID);
        String stored = BearerTokens.hash(token);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(BearerTokens.parse(tampered)).isPresent();
        assertThat(BearerTokens.matches(tampered, stored)).isFalse();
    }

    @Test
    void matches_anotherTokenOfTheSameClient_doesNotMatch() {
        String stored = BearerTokens.hash(BearerTokens.issue(CLIENT_ID));
        assertThat(BearerTokens.matches(BearerTokens.issue(CLIENT_ID), stored)).isFalse();
    }

    @Test
    void matches_malformedStoredHash_isFalse() {
        String token = BearerTokens.issue(CLIENT_ID);
        assertThat(BearerTokens.matches(token, "")).isFalse();
        assertThat(BearerTokens.matches(token, "not-a-hash")).isFalse();
        assertThat(BearerTokens.matches(token, BearerTokens.hash(token).toUpperCase(java.util.Locale.ROOT))).isFalse();
    }

    static Stream<String> malformedTokens() {
        String base64Standard = SECRET_43.substring(0, 41) + "+/";
        return Stream.of(
                "",
                "pct_",
                "pct__" + SECRET_43,                               // no client id
                "pcx_client-1_" + SECRET_43,                       // wrong prefix
                "PCT_client-1_" + SECRET_43,                       // prefix is case-sensitive
                "client-1_" + SECRET_43,                           // no prefix
                "Bearer pct_client-1_" + SECRET_43,                // scheme not stripped
                "pct_client-1_" + SECRET_43 + " ",                 // trailing space
                "pct_client-1_" + SECRET_43 + "\n",                // trailing newline
                "pct_client-1_" + SECRET_43.substring(1),          // 42-character secret
                "pct_client-1_" + SECRET_43 + "x",                 // 44-character secret
                "pct_client-1_" + SECRET_43 + "_extra",            // extra part
                "pct_client-1_" + SECRET_43 + "_" + SECRET_43,     // two secrets
                "pct_client/1_" + SECRET_43,                       // slash in client id
                "pct_client.1_" + SECRET_43,                       // dot in client id
                "pct_client-1_" + base64Standard,                  // standard base64, not base64url
                "pct_client-1_" + SECRET_43.substring(1, 42) + "=");  // padding
    }

    @ParameterizedTest
    @MethodSource("malformedTokens")
    void parse_malformedToken_isEmpty(String token) {
        assertThat(BearerTokens.parse(token)).isEmpty();
    }

    @Test
    void parse_clientIdOf65Characters_isEmpty() {
        assertThat(BearerTokens.parse("pct_" + "a".repeat(65) + "_" + SECRET_43)).isEmpty();
        assertThat(BearerTokens.parse("pct_" + "a".repeat(64) + "_" + SECRET_43)).isPresent();
    }
}
