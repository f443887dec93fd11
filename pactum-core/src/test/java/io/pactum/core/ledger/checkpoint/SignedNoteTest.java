package io.pactum.core.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.PactumException;
import io.pactum.core.error.UnauthenticatedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignedNoteTest {
    private static final String TEXT = "pactum.example/ledger\n7\nq83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8=\n";
    private static final NoteSigner HUB = NoteTestKeys.signer(NoteTestKeys.HUB);

    @Test
    void sign_writesTextBlankLineAndOneEmDashSignatureLine_thatOpensWithTheVerifierKey() {
        String note = HUB.sign(TEXT);

        assertThat(note).startsWith(TEXT + "\n\u2014 " + NoteTestKeys.HUB + " ").endsWith("=\n");
        assertThat(SignedNote.open(note, List.of(HUB.verifierKey()))).isEqualTo(TEXT);
        assertThat(SignedNote.parse(note).encoded()).isEqualTo(note);
    }

    @Test
    void signatureLine_carriesKeyIdThenA64ByteSignature() {
        NoteSignature signature = SignedNote.parse(HUB.sign(TEXT)).signatures().get(0);

        assertThat(signature.keyName()).isEqualTo(NoteTestKeys.HUB);
        assertThat(signature.keyId()).isEqualTo(HUB.verifierKey().keyId());
        assertThat(signature.signature()).hasSize(64);
        assertThat(NoteSignature.parseLine(signature.line())).isEqualTo(signature);
    }

    @Test
    void textWithEmptyLines_isSeparatedAtTheLastBlankLine() {
        String text = "first\n\nthird\n\n";

        assertThat(SignedNote.open(HUB.sign(text), List.of(HUB.verifierKey()))).isEqualTo(text);
    }

    @Test
    void tamperingAnyByteOfTheNote_isRejected() {
        byte[] note = HUB.sign(TEXT).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < note.length; i++) {
            for (int mask : new int[] {0x01, 0x20, 0x80}) {
                byte[] tampered = note.clone();
                tampered[i] ^= (byte) mask;
                String text = new String(tampered, StandardCharsets.UTF_8);
                int index = i;
                assertThatThrownBy(() -> SignedNote.open(text, List.of(HUB.verifierKey())))
                        .as("byte %d xor 0x%02x", index, mask)
                        .isInstanceOf(PactumException.class);
            }
        }
    }

    @Test
    void notesReceivedAsBytes_mustBeValidUtf8() {
        byte[] note = HUB.sign("caf\u00e9\n").getBytes(StandardCharsets.UTF_8);
        byte[] broken = note.clone();
        broken[4] = 'A'; // "é" is c3 a9; c3 followed by 'A' is a lead byte without its continuation

        assertThat(SignedNote.parse(note).verifiedBy(List.of(HUB.verifierKey()))).containsExactly(HUB.verifierKey());
        assertThatThrownBy(() -> SignedNote.parse(broken))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void signaturesByUnknownKeys_areIgnored_evenWithTheSameName() {
        NoteSigner witness = NoteTestKeys.signer("witness.example/w1");
        NoteSigner impostor = NoteTestKeys.signer(NoteTestKeys.HUB);

        String note = NoteSigner.sign(TEXT, List.of(witness, impostor, HUB));

        assertThat(SignedNote.parse(note).verifiedBy(List.of(HUB.verifierKey()))).containsExactly(HUB.verifierKey());
    }

    @Test
    void noteSignedOnlyByUnknownKeys_isRejected() {
        String note = NoteSigner.sign(TEXT, List.of(NoteTestKeys.signer("witness.example/w1"), NoteTestKeys.signer(NoteTestKeys.HUB)));

        assertThatThrownBy(() -> SignedNote.open(note, List.of(HUB.verifierKey())))
                .isInstanceOf(UnauthenticatedException.class)
                .hasMessageContaining("no signature by a trusted key");
    }

    @Test
    void multipleSignatures_allTrustedOnesAreReported_inLineOrder() {
        NoteSigner witness = NoteTestKeys.signer("witness.example/w1");

        String note = NoteSigner.sign(TEXT, List.of(HUB, witness));

        assertThat(SignedNote.parse(note).signatures()).hasSize(2);
        assertThat(SignedNote.parse(note).verifiedBy(List.of(witness.verifierKey(), HUB.verifierKey())))
                .containsExactly(HUB.verifierKey(), witness.verifierKey());
    }

    @Test
    void aFailingSignatureByATrustedKey_rejectsTheNote_evenIfAnotherVerifies() {
        NoteSigner witness = NoteTestKeys.signer("witness.example/w1");
        NoteSignature good = HUB.signature(TEXT);
        NoteSignature forged = witness.signature("something else\n");

        String note = new SignedNote(TEXT, List.of(good, forged)).encoded();

        assertThatThrownBy(() -> SignedNote.parse(note).verifiedBy(List.of(HUB.verifierKey(), witness.verifierKey())))
                .isInstanceOf(UnauthenticatedException.class)
                .hasMessageContaining("witness.example/w1 does not verify");
    }

    @Test
    void signatureLines_areLimitedTo100() {
        NoteSignature unknown = NoteTestKeys.signer("other.example").signature(TEXT);
        List<NoteSignature> hundred = new ArrayList<>(java.util.Collections.nCopies(99, unknown));
        hundred.add(HUB.signature(TEXT));
        String accepted = new SignedNote(TEXT, hundred).encoded();
        String rejected = accepted + unknown.line() + "\n";

        assertThat(SignedNote.open(accepted, List.of(HUB.verifierKey()))).isEqualTo(TEXT);
        assertThatThrownBy(() -> SignedNote.parse(rejected))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("more than 100 signature lines");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "-- name AAAAAAAA                 | em dash",
        "\u2014name AAAAAAAA              | em dash",
        "\u2014 nameAAAAAAAA              | <key name> <base64 signature>",
        "\u2014  AAAAAAAA                 | key name is empty",
        "\u2014 na+me AAAAAAAA            | '+'",
        "\u2014 name AAAAAA==             | 4-byte key id and at least one signature byte",
        "\u2014 name AAAAAAB=             | canonical base64",
        "\u2014 name AAAAAAAA AAAA        | base64",
        "\u2014 name AAAA$AAA             | base64",
    })
    void malformedSignatureLines_areRejected_withMessage(String line, String message) {
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + line + "\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }

    @Test
    void malformedNotes_areRejected_withMessage() {
        String line = HUB.signature(TEXT).line();

        assertThatThrownBy(() -> SignedNote.parse(TEXT + line + "\n")).hasMessageContaining("no blank line");
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + line)).hasMessageContaining("ends with a newline");
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n")).hasMessageContaining("no signature lines");
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + line + "\n\n")).hasMessageContaining("no signature lines");
        assertThatThrownBy(() -> SignedNote.parse("a\tb\n\n" + line + "\n")).hasMessageContaining("control character U+0009");
        assertThatThrownBy(() -> SignedNote.parse("a\rb\n\n" + line + "\n")).hasMessageContaining("control character U+000D");
        assertThatThrownBy(() -> SignedNote.parse("a\ud800\n\n" + line + "\n")).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> SignedNote.parse("x".repeat(SignedNote.MAX_NOTE_LENGTH) + "\n\n" + line + "\n"))
                .hasMessageContaining("longer than");
    }

    @Test
    void theSameTrustedKeyTwice_isReportedOnce() {
        NoteVerifierKey key = HUB.verifierKey();

        assertThat(SignedNote.parse(HUB.sign(TEXT)).verifiedBy(List.of(key, key))).containsExactly(key);
    }
}
