package io.pactum.server.demo;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the demo's options take them ({@code 90s}, {@code 2m}, {@code 1h}, {@code 1m30s}) and shows them. */
public final class Durations {
    private static final Pattern FORM =
            Pattern.compile("(?:(\\d{1,4})h)?(?:(\\d{1,5})m)?(?:(\\d{1,6})s)?");

    private Durations() {}

    /** Parses {@code 1h}, {@code 2m}, {@code 90s}, {@code 1m30s} or plain seconds ({@code 90}). */
    public static Duration parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.matches("\\d{1,6}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        Matcher m = FORM.matcher(value);
        if (value.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 90s, 2m, 1m30s or 1h");
        }
        return Duration.ofHours(part(m.group(1))).plusMinutes(part(m.group(2))).plusSeconds(part(m.group(3)));
    }

    /** {@code 1:05} for 65 s, {@code 1:02:03} from an hour on. */
    public static String clock(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** {@code 90 s}, or {@code 2 min}, {@code 1 h} when whole. */
    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds > 0 && seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        return seconds > 0 && seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    private static long part(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
