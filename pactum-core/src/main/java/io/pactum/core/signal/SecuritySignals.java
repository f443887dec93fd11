package io.pactum.core.signal;

/**
 * Where signals go. Implementations must be cheap and must not block: they are called on the
 * message path, also during an attack.
 */
public interface SecuritySignals {
    void raise(SecuritySignal signal);
}
