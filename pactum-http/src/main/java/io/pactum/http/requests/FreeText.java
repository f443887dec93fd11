package io.pactum.http.requests;

import io.pactum.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Free text an operator writes onto an incident's timeline (notes, reasons, targets): refused here,
 * naming the member, before anything acts on it. Line breaks and tabs are text; other control
 * characters could forge lines wherever the text is shown, so they are refused.
 */
final class FreeText {
    private FreeText() {}

    static String required(@Nullable String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required and must not be blank");
        }
        return checked(value, field, maxLength);
    }

    /** The text, or empty when absent. */
    static String optional(@Nullable String value, String field, int maxLength) {
        return value == null ? "" : checked(value, field, maxLength);
    }

    private static String checked(String value, String field, int maxLength) {
        if (value.length() > maxLength) {
            throw new InvalidInputException(field, field + " is at most " + maxLength + " characters; this one has "
                    + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new InvalidInputException(field, field + " must not contain control characters other than"
                        + " line breaks and tabs (found one at position " + i + ")");
            }
        }
        return value;
    }
}
