package io.pactum.core.error;

import org.jspecify.annotations.Nullable;

public final class InvalidInputException extends PactumException {
    public InvalidInputException(@Nullable String field, String message) {
        super(ErrorCode.INVALID_INPUT, field, message);
    }
}
