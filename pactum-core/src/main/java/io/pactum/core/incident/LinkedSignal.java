package io.pactum.core.incident;

import io.pactum.core.signal.SecuritySignal;
import java.time.Instant;
import java.util.Objects;

/**
 * A summary of one signal that led to an incident: its type (a {@link io.pactum.core.signal.SignalType}
 * name, or another detector input's name), what it was about (a device or client id) and when. The
 * signal's free-text detail is not kept.
 */
public record LinkedSignal(String type, String subject, Instant at) {
    static final int MAX_TYPE = 64;
    static final int MAX_SUBJECT = 256;

    public LinkedSignal {
        Incident.requireText(type, "type", MAX_TYPE);
        Incident.requireText(subject, "subject", MAX_SUBJECT);
        Objects.requireNonNull(at, "at");
    }

    public static LinkedSignal of(SecuritySignal signal) {
        return new LinkedSignal(signal.type().name(), signal.subject(), signal.at());
    }
}
