package io.pactum.http.support;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * A device's id and secret from {@code Authorization: Basic base64(deviceId:secret)} (RFC 7617,
 * UTF-8). {@link #toString()} leaves the secret out, so the record cannot leak it into a log.
 */
public record DeviceCredentials(String deviceId, String secret) {
    private static final String SCHEME = "Basic";

    /**
     * Reads the credentials from an {@code Authorization} header.
     *
     * @throws RequestRefusedException (401) if the header is absent, uses another scheme, or is not
     *     Base64 of {@code deviceId:secret} with both parts non-empty
     */
    public static DeviceCredentials fromAuthorization(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw IngestRefusals.credentialsRequired();
        }
        String value = header.strip();
        // The scheme is case-insensitive (RFC 9110 §11.1) and separated by at least one space.
        if (value.length() <= SCHEME.length() || !value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || value.charAt(SCHEME.length()) != ' ') {
            throw IngestRefusals.malformedCredentials();
        }
        String decoded;
        try {
            byte[] raw = Base64.getDecoder().decode(value.substring(SCHEME.length()).strip());
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw IngestRefusals.malformedCredentials();
        }
        // The user id cannot contain a colon (RFC 7617 §2); the secret may.
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            throw IngestRefusals.malformedCredentials();
        }
        return new DeviceCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    @Override
    public String toString() {
        return "DeviceCredentials[deviceId=" + deviceId + ", secret=(hidden)]";
    }
}
