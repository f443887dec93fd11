package io.pactum.storage.jdbc;

/**
 * The database failed in a way the caller cannot fix by changing its input: unreachable, out of
 * resources, or a schema that does not match. Messages name the SQLState and what to check, and
 * never carry SQL parameter values or credentials, so the driver's exception is not chained.
 */
public final class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }
}
