package io.pactum.core.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.UnauthenticatedException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointNotesTest {
    private static final NoteSigner HUB = NoteTestKeys.signer(NoteTestKeys.HUB);
    private static final Checkpoint HEAD = new Checkpoint(NoteTestKeys.HUB, 42, new byte[32])
            .withTime(Instant.parse("2026-11-23T18:55:43Z"));

    @Test
    void signedCheckpoint_isItsBodyAsASignedNote_andOpensToTheSameCheckpoint() {
        String note = CheckpointNotes.sign(HEAD, HUB);

        assertThat(note).startsWith(HEAD.body() + "\n\u2014 " + NoteTestKeys.HUB + " ");
        Checkpoint opened = CheckpointNotes.open(note, NoteTestKeys.HUB, List.of(HUB.verifierKey()));
        assertThat(opened).isEqualTo(HEAD);
        assertThat(opened.time()).contains(Instant.parse("2026-11-23T18:55:43Z"));
    }

    @Test
    void aCheckpointForAnotherOrigin_isRejected_evenWhenATrustedKeySignedIt() {
        NoteSigner other = NoteTestKeys.signer("other.example/log");
        String note = CheckpointNotes.sign(new Checkpoint("other.example/log", 1, new byte[32]), other);

        assertThatThrownBy(() -> CheckpointNotes.open(note, NoteTestKeys.HUB, List.of(other.verifierKey())))
                .isInstanceOf(UnauthenticatedException.class)
                .hasMessageContaining("not " + NoteTestKeys.HUB);
    }

    @Test
    void anUntrustedSignature_isRejected() {
        String note = CheckpointNotes.sign(HEAD, NoteTestKeys.signer(NoteTestKeys.HUB));

        assertThatThrownBy(() -> CheckpointNotes.open(note, NoteTestKeys.HUB, List.of(HUB.verifierKey())))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void theLogKeyMustBeNamedAfterTheOrigin() {
        assertThatThrownBy(() -> CheckpointNotes.sign(HEAD, NoteTestKeys.signer("pactum.example/other")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("origin");
    }
}
