package io.pactum.core.error;

public final class NotFoundException extends PactumException {
    public static NotFoundException of(String kind, String id) {
        return new NotFoundException(kind + " '" + id + "' does not exist");
    }

    public NotFoundException(String message) {
        super(ErrorCode.NOT_FOUND, null, message);
    }
}
