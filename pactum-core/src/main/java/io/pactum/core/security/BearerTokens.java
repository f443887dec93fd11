package io.pactum.core.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bearer tokens of the form {@code pct_<clientId>_<secret>}: the client id lets the hub find the
 * stored hash with one lookup, the 256-bit secret makes the token unguessable. Because the secret is
 * random and long, a fast SHA-256 is a safe stored hash (no dictionary to attack); slow hashes are
 * reserved for secrets people may choose, such as device secrets.
 */
public final class BearerTokens {
    /** How every token begins; device secrets may not, so MQTT can tell partners from devices. */
    public static final String PREFIX = "pct_";
    private static final Pattern FORMAT = Pattern.compile("pct_([A-Za-z0-9-]{1,64})_([A-Za-z0-9_-]{43})");

    private BearerTokens() {}

    /** The token's parts: which client it claims to be, and the secret that proves it. */
    public record Parsed(String clientId, String secret) {}

    public static String issue(String clientId) {
        return PREFIX + clientId + "_" + RandomSecrets.token();
    }

    public static Optional<Parsed> parse(String token) {
        Matcher m = FORMAT.matcher(token);
        return m.matches() ? Optional.of(new Parsed(m.group(1), m.group(2))) : Optional.empty();
    }

    /** The stored form: hex SHA-256 of the whole token. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Compares in constant time, so response times do not leak how much of a hash matched. */
    public static boolean matches(String token, String storedHash) {
        return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
