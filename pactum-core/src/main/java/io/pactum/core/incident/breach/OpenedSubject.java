package io.pactum.core.incident.breach;

import io.pactum.core.ledger.subject.SealedValue;
import io.pactum.core.ledger.subject.SubjectSealer;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The data subject of a release, as far as the hub can still tell: named, erased (its key was
 * crypto-shredded; the key id in clear still tells erased subjects apart), unreadable, or none.
 */
record OpenedSubject(State state, @Nullable String subjectId, @Nullable String keyId) {
    enum State { NONE, NAMED, ERASED, UNREADABLE }

    private static final OpenedSubject NONE = new OpenedSubject(State.NONE, null, null);
    private static final OpenedSubject UNREADABLE = new OpenedSubject(State.UNREADABLE, null, null);

    /** Opens the subject id as the ledger keeps it; {@code stored} is null when the record has no subject. */
    static OpenedSubject open(@Nullable String stored, SubjectSealer sealer) {
        if (stored == null) {
            return NONE;
        }
        if (!SealedValue.isSealed(stored)) {
            // a ledger written without a sealer keeps the id in clear
            return new OpenedSubject(State.NAMED, stored, null);
        }
        try {
            String keyId = SealedValue.parse(stored).keyId();
            Optional<String> opened = sealer.open(SubjectSealer.SUBJECT_ID, stored);
            return opened.map(id -> new OpenedSubject(State.NAMED, id, keyId))
                    .orElseGet(() -> new OpenedSubject(State.ERASED, null, keyId));
        } catch (IllegalArgumentException e) {
            // altered or malformed: the ledger verifier reports that; the assessment counts it and goes on
            return UNREADABLE;
        }
    }
}
