package io.pactum.core.error;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one error vocabulary of Pactum. Messages are written for the caller: they say what is wrong
 * and never contain secrets or personal data.
 */
public abstract sealed class PactumException extends RuntimeException
        permits InvalidInputException, UnauthenticatedException, ForbiddenException,
                NotFoundException, ConflictException, PayloadTooLargeException {

    private final ErrorCode code;
    private final @Nullable String field;

    protected PactumException(ErrorCode code, @Nullable String field, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    /** The input field the error is about, as a JSON-pointer-like path such as {@code dataModel.fields[2].min}. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
