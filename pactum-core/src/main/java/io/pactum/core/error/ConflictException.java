package io.pactum.core.error;

import org.jspecify.annotations.Nullable;

public final class ConflictException extends PactumException {
    public ConflictException(@Nullable String field, String message) {
        super(ErrorCode.CONFLICT, field, message);
    }
}
