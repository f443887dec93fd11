package io.pactum.core.signal;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One observation. {@code subject} is what it is about (a device id, or a client id when no device
 * is known); {@code source} where it came from (adapter and remote address); {@code detail} a short
 * human-readable reason that never contains payloads, secrets or personal data.
 */
public record SecuritySignal(SignalType type, Instant at, String subject, @Nullable String source, String detail) {
    private static final int MAX_LENGTH = 128;

    public SecuritySignal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        subject = printable(Objects.requireNonNull(subject, "subject"));
        source = source == null ? null : printable(source);
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * Subjects and sources may come straight from an attacker (a client id in CONNECT): keep them
     * short and free of control characters, so that they cannot forge log lines.
     */
    private static String printable(String text) {
        String shortened = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text;
        return shortened.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
