package io.pactum.core.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Published examples, used as data only. The PeterNeumann key, its private seed and the signed note
 * come from the examples of Go's golang.org/x/mod/sumdb/note ({@code sumdb/note/example_test.go},
 * ExampleSign and ExampleOpen); the checkpoint from the introduction of c2sp.org/tlog-checkpoint.
 */
class PublishedNoteVectorsTest {
    static final String GO_VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    // Go's signer key "PRIVATE+KEY+PeterNeumann+c74f20a3+<base64(0x01 ‖ 32-byte seed)>"; the seed part:
    static final String GO_SIGNER_KEY_DATA = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String GO_NOTE = GO_TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String C2SP_CHECKPOINT = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n"
            + "\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n";

    @Test
    void goVerifierKey_parses_withPublishedKeyId_andEncodesBackIdentically() {
        NoteVerifierKey key = NoteVerifierKey.parse(GO_VERIFIER_KEY);

        assertThat(key.name()).isEqualTo("PeterNeumann");
        assertThat(key.keyId()).isEqualTo(0xc74f20a3);
        assertThat(NoteVerifierKey.keyId("PeterNeumann", key.rawPublicKey())).isEqualTo(0xc74f20a3);
        assertThat(key.encoded()).isEqualTo(GO_VERIFIER_KEY);
    }

    @Test
    void goNote_opensWithGoVerifierKey() {
        assertThat(SignedNote.open(GO_NOTE, List.of(NoteVerifierKey.parse(GO_VERIFIER_KEY)))).isEqualTo(GO_TEXT);
    }

    @Test
    void signingGoText_withGoSeed_reproducesGoNoteByteForByte() {
        byte[] typed = Base64.getDecoder().decode(GO_SIGNER_KEY_DATA);
        assertThat(typed[0]).isEqualTo((byte) 0x01);
        byte[] seed = Arrays.copyOfRange(typed, 1, typed.length);
        NoteVerifierKey verifierKey = NoteVerifierKey.parse(GO_VERIFIER_KEY);
        NoteSigner signer = new NoteSigner("PeterNeumann", NoteTestKeys.privateKeyFromSeed(seed),
                Ed25519Keys.fromRaw(verifierKey.rawPublicKey()));

        assertThat(signer.verifierKey().encoded()).isEqualTo(GO_VERIFIER_KEY);
        // Ed25519 is deterministic, so the same key and text give the published signature.
        assertThat(signer.sign(GO_TEXT)).isEqualTo(GO_NOTE);
    }

    @Test
    void c2spCheckpointExample_parses_asNoteAndCheckpointBody() {
        SignedNote note = SignedNote.parse(C2SP_CHECKPOINT);
        Checkpoint checkpoint = Checkpoint.parse(note.text());

        assertThat(note.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.keyName()).isEqualTo("example.com/behind-the-sofa");
            assertThat(signature.signature()).hasSize(64);
        });
        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20852163L);
        assertThat(checkpoint.extensions()).isEmpty();
        assertThat(checkpoint.body()).isEqualTo(note.text());
        assertThat(note.encoded()).isEqualTo(C2SP_CHECKPOINT);
    }
}
