package io.pactum.core.ledger.subject;

import java.time.Instant;
import java.util.Objects;

/**
 * A data subject's data key as kept at rest: a random id (what sealed values name), the subject it
 * belongs to, the key wrapped under the hub's master key, and when it was made.
 */
public record SubjectKey(String keyId, String subjectId, byte[] wrappedKey, Instant createdAt) {
    public SubjectKey {
        requireText(keyId, "keyId");
        requireText(subjectId, "subjectId");
        Objects.requireNonNull(wrappedKey, "wrappedKey");
        if (wrappedKey.length == 0) {
            throw new IllegalArgumentException("wrappedKey must not be empty");
        }
        wrappedKey = wrappedKey.clone();
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }
}
