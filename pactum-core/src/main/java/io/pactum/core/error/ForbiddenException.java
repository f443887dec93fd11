package io.pactum.core.error;

public final class ForbiddenException extends PactumException {
    public ForbiddenException(String message) {
        super(ErrorCode.FORBIDDEN, null, message);
    }
}
