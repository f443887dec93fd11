package io.pactum.core.ledger.subject;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link SubjectKeyStore} in a map, for tests: one key per subject, key ids unique. */
final class InMemorySubjectKeyStore implements SubjectKeyStore {
    private final Map<String, SubjectKey> bySubject = new HashMap<>();

    @Override
    public synchronized Optional<SubjectKey> findBySubject(String subjectId) {
        return Optional.ofNullable(bySubject.get(subjectId));
    }

    @Override
    public synchronized Optional<SubjectKey> findByKeyId(String keyId) {
        return bySubject.values().stream().filter(key -> key.keyId().equals(keyId)).findFirst();
    }

    @Override
    public synchronized SubjectKey createIfAbsent(SubjectKey candidate) {
        if (findByKeyId(candidate.keyId()).isPresent()) {
            throw new IllegalStateException("key id " + candidate.keyId() + " is taken");
        }
        return bySubject.computeIfAbsent(candidate.subjectId(), subject -> candidate);
    }

    @Override
    public synchronized boolean erase(String subjectId) {
        return bySubject.remove(subjectId) != null;
    }

    synchronized int size() {
        return bySubject.size();
    }
}
