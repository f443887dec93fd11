package io.pactum.core.error;

public final class PayloadTooLargeException extends PactumException {
    public PayloadTooLargeException(String message) {
        super(ErrorCode.PAYLOAD_TOO_LARGE, null, message);
    }
}
