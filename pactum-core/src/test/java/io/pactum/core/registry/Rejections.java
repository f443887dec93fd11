package io.pactum.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pactum.core.error.ErrorCode;
import io.pactum.core.error.InvalidInputException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared assertion for the registry tests: input was rejected, and the error names the offending field. */
final class Rejections {
    private Rejections() {}

    static InvalidInputException assertRejectedOn(String field, ThrowingCallable call) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, call);
        assertThat(e).as("expected an InvalidInputException on '%s'", field).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.field()).as("field of: %s", e.getMessage()).contains(field);
        return e;
    }
}
