package io.pactum.core.integrity;

import java.util.Objects;

/**
 * A protected message was rejected. The message says what was wrong in terms of the message's
 * structure; it never contains key material or the payload.
 */
public final class IntegrityException extends RuntimeException {
    private final IntegrityFailure failure;

    public IntegrityException(IntegrityFailure failure, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public IntegrityFailure failure() {
        return failure;
    }

    static IntegrityException malformed(String message) {
        return new IntegrityException(IntegrityFailure.MALFORMED, message);
    }
}
