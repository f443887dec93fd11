package io.pactum.core.error;

public final class UnauthenticatedException extends PactumException {
    public UnauthenticatedException(String message) {
        super(ErrorCode.UNAUTHENTICATED, null, message);
    }
}
