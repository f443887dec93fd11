package io.pactum.core.registry;

import java.util.List;
import java.util.Optional;

/** Persistence of data subjects. An id already registered is reported as a {@code ConflictException} on {@code id}. */
public interface DataSubjectStore {
    void insert(DataSubject subject);

    Optional<DataSubject> find(String id);

    /** All data subjects, oldest first. */
    List<DataSubject> list();
}
