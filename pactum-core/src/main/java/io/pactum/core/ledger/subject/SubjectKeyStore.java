package io.pactum.core.ledger.subject;

import java.util.Optional;

/**
 * Persistence of data subjects' keys: at most one per subject. Erasing a key deletes it for good;
 * that is the point (crypto-shredding), so nothing here keeps a copy.
 */
public interface SubjectKeyStore {
    Optional<SubjectKey> findBySubject(String subjectId);

    Optional<SubjectKey> findByKeyId(String keyId);

    /**
     * Stores {@code candidate} unless its subject has a key already; returns the subject's stored key:
     * the candidate, or the one another thread or node stored first. Race-safe across threads and
     * across stores on the same database.
     */
    SubjectKey createIfAbsent(SubjectKey candidate);

    /** Deletes the subject's key; true if there was one. */
    boolean erase(String subjectId);
}
