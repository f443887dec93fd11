package io.pactum.core.security;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable secrets from the platform's strong random source. */
public final class RandomSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private RandomSecrets() {}

    public static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** 256 random bits as 43 base64url characters. */
    public static String token() {
        return BASE64URL.encodeToString(bytes(32));
    }

    public static String base64url(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }
}
