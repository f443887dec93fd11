package io.pactum.core.ledger.checkpoint;

import io.pactum.core.error.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The time of a tree head (issue #5 asks for size, root hash and time), written as the checkpoint
 * extension line {@code time <RFC 3339 UTC time to the second>}, e.g.
 * {@code time 2026-11-23T18:55:43Z}.
 *
 * <p>Why an extension line: the tlog-checkpoint body has exactly three fixed lines and no time
 * field, and extension lines are where the spec lets a log add its own; the Ed25519 note
 * signature covers them, so the time is signed with the head. Tools that do not know the line
 * ignore it. Caveats, by the spec: monitors cannot audit extension lines, so the time is the hub's
 * claim only (order comes from the tree size, not the time); and ML-DSA cosignatures would not
 * cover it. One spelling per time (UTC, {@code Z}, whole seconds) keeps one head one text.
 */
public final class CheckpointTime {
    /** The extension line's key, followed by one space and the time. */
    public static final String KEY = "time";
    private static final String PREFIX = KEY + " ";
    private static final Pattern RFC3339_UTC_SECONDS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    private CheckpointTime() {}

    /** The extension line for {@code time}, truncated to whole seconds. */
    public static String line(Instant time) {
        Objects.requireNonNull(time, "time");
        String text = time.truncatedTo(ChronoUnit.SECONDS).toString();
        if (!RFC3339_UTC_SECONDS.matcher(text).matches()) {
            throw new InvalidInputException("checkpoint.time", "time is outside the years 0000 to 9999");
        }
        return PREFIX + text;
    }

    /** The time carried by {@code extensions}; at most one {@code time} line is allowed. */
    static Optional<Instant> read(List<String> extensions) {
        Optional<Instant> found = Optional.empty();
        for (String extension : extensions) {
            if (!extension.equals(KEY) && !extension.startsWith(PREFIX)) {
                continue;
            }
            if (found.isPresent()) {
                throw new InvalidInputException("checkpoint.time", "more than one time line");
            }
            found = Optional.of(parse(extension.substring(Math.min(extension.length(), PREFIX.length()))));
        }
        return found;
    }

    private static Instant parse(String text) {
        if (!RFC3339_UTC_SECONDS.matcher(text).matches()) {
            throw new InvalidInputException("checkpoint.time", "time must be RFC 3339 UTC to the second, like 2026-01-31T12:00:00Z");
        }
        try {
            Instant time = Instant.parse(text);
            if (time.toString().equals(text)) {
                return time;
            }
        } catch (DateTimeParseException e) {
            // falls through to the same message as a non-canonical time
        }
        throw new InvalidInputException("checkpoint.time", "time is not a valid calendar time: " + text);
    }
}
