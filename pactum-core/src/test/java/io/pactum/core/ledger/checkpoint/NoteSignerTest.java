package io.pactum.core.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.error.InvalidInputException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;

class NoteSignerTest {
    @Test
    void aPrivateKeyFromAnotherPair_isRefused() {
        KeyPair one = NoteTestKeys.ed25519();
        KeyPair two = NoteTestKeys.ed25519();

        assertThatThrownBy(() -> new NoteSigner(NoteTestKeys.HUB, one.getPrivate(), two.getPublic()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void nonEd25519Keys_areRefused() throws Exception {
        KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();

        assertThatThrownBy(() -> new NoteSigner(NoteTestKeys.HUB, ec.getPrivate(), ec.getPublic()))
                .hasMessageContaining("Ed25519");
        assertThatThrownBy(() -> new NoteSigner(NoteTestKeys.HUB, ed448.getPrivate(), ed448.getPublic()))
                .hasMessageContaining("Ed25519");
    }

    @Test
    void textsThatCannotBeNotes_areNotSigned() {
        NoteSigner signer = NoteTestKeys.signer(NoteTestKeys.HUB);

        assertThatThrownBy(() -> signer.sign("no final newline")).hasMessageContaining("end with a newline");
        assertThatThrownBy(() -> signer.sign("")).hasMessageContaining("end with a newline");
        assertThatThrownBy(() -> signer.sign("bell\u0007\n")).hasMessageContaining("control character");
        assertThatThrownBy(() -> NoteTestKeys.signer("has space")).hasMessageContaining("spaces");
    }
}
