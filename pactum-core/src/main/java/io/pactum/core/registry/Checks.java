package io.pactum.core.registry;

import io.pactum.core.error.InvalidInputException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Input checks shared by the registry's records; each failure names the offending field. */
public final class Checks {
    /** Identifiers that appear in topics, URLs and MQTT client ids: no spaces, slashes or wildcards. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_TEXT = 200;

    private Checks() {}

    public static <T> T present(String field, @Nullable T value) {
        if (value == null) {
            throw new InvalidInputException(field, field + " is required");
        }
        return value;
    }

    /** A human-readable name: 1 to 200 characters, no control characters, not blank. */
    public static String text(String field, @Nullable String value) {
        present(field, value);
        if (value.isBlank()) {
            throw new InvalidInputException(field, field + " must not be blank");
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidInputException(field, field + " must be at most " + MAX_TEXT + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, field + " must not contain control characters");
        }
        return value.strip();
    }

    public static @Nullable String optionalText(String field, @Nullable String value) {
        return value == null ? null : text(field, value);
    }

    /** An identifier: letters, digits, '.', '_' or '-', starting with a letter or digit, at most 64 characters. */
    public static String identifier(String field, @Nullable String value) {
        present(field, value);
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new InvalidInputException(field, field
                    + " must be 1-64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return value;
    }

    public static @Nullable String optionalIdentifier(String field, @Nullable String value) {
        return value == null ? null : identifier(field, value);
    }
}
