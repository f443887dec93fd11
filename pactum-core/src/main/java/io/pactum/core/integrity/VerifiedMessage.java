package io.pactum.core.integrity;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A device message whose integrity was checked: how it was protected, its counter (for the replay
 * window; 0 for an unprotected message, which has none) and the payload it carried.
 */
public record VerifiedMessage(IntegrityMethod method, long counter, byte[] payload, @Nullable String keyId) {
    public VerifiedMessage {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(payload, "payload");
        if (method == IntegrityMethod.NONE ? counter != 0 : counter < 1) {
            throw new IllegalArgumentException("counter must be >= 1 for a protected message and 0 for an unprotected one");
        }
        payload = payload.clone();
    }

    /** An unprotected payload, for products that do not require protection. */
    public static VerifiedMessage unprotected(byte[] payload) {
        return new VerifiedMessage(IntegrityMethod.NONE, 0, payload, null);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifiedMessage other
                && method == other.method
                && counter == other.counter
                && Arrays.equals(payload, other.payload)
                && Objects.equals(keyId, other.keyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, counter, Arrays.hashCode(payload), keyId);
    }

    /** Never shows the payload: it may be personal data. */
    @Override
    public String toString() {
        return "VerifiedMessage[method=" + method + ", counter=" + counter + ", keyId=" + keyId
                + ", payload=" + payload.length + " bytes]";
    }
}
