package io.pactum.http.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pactum.core.error.ConflictException;
import io.pactum.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

/** A stale version becomes 412; other conflicts stay what they are. */
class VersionsTest {
    @Test
    void staleVersion_becomes412_keepingTheServicesMessage() {
        RequestRefusedException e = catchThrowableOfType(RequestRefusedException.class, () -> Versions.guarded(() -> {
            throw new ConflictException("version", "incident 'i' was changed meanwhile; read it again and retry");
        }));

        assertThat(e.status()).isEqualTo(412);
        assertThat(e.slug()).isEqualTo("precondition-failed");
        assertThat(e.getMessage()).contains("changed meanwhile");
    }

    @Test
    void otherConflictsAndErrors_passUnchanged() {
        ConflictException conflict = new ConflictException("status", "an incident that is open cannot become open");
        assertThat(catchThrowableOfType(ConflictException.class, () -> Versions.guarded(() -> {
            throw conflict;
        }))).isSameAs(conflict);
        InvalidInputException invalid = new InvalidInputException("assignee", "assignee must not be empty");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> Versions.guarded(() -> {
            throw invalid;
        }))).isSameAs(invalid);
    }

    @Test
    void success_returnsTheResult() throws Exception {
        assertThat(Versions.guarded(() -> 42)).isEqualTo(42);
    }
}
