package io.pactum.core.ledger.checkpoint;

import io.pactum.core.error.InvalidInputException;

/** The character rules of c2sp.org/signed-note, shared by note texts, checkpoint lines and key names. */
final class NoteText {
    private NoteText() {}

    /**
     * Signed notes must be valid UTF-8 without ASCII control characters other than newline. A Java
     * string is UTF-16, so "valid UTF-8" means no unpaired surrogate: the encoder would silently
     * replace one, and the bytes signed would differ from the text shown.
     */
    static void requireWellFormed(String text, String field) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new InvalidInputException(field, "contains the control character U+%04X at index %d".formatted((int) c, i));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(field, "contains an unpaired surrogate at index " + i + " (not valid UTF-8)");
            }
        }
    }

    /** Key names are non-empty and contain neither Unicode spaces nor '+' (the verifier key separator). */
    static void requireKeyName(String name, String field) {
        if (name.isEmpty()) {
            throw new InvalidInputException(field, "key name is empty");
        }
        requireWellFormed(name, field);
        name.codePoints().forEach(cp -> {
            if (cp == '+' || cp == '\n' || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                throw new InvalidInputException(field, "key name must not contain spaces, newlines or '+'");
            }
        });
    }
}
