package io.pactum.http.views;

import io.pactum.core.registry.DataSubject;
import java.time.Instant;

public record DataSubjectView(String id, Instant createdAt) {
    public static DataSubjectView of(DataSubject s) {
        return new DataSubjectView(s.id(), s.createdAt());
    }
}
