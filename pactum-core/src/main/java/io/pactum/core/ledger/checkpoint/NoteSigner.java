package io.pactum.core.ledger.checkpoint;

import io.pactum.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Signs note texts with a named Ed25519 key, such as the hub's ledger key named after the ledger's
 * origin ({@code pactum.example/ledger}). Takes the key pair rather than a {@code HubSigner}
 * because that class keeps its private key to itself and signs COSE, not notes.
 */
public final class NoteSigner {
    private final PrivateKey privateKey;
    private final NoteVerifierKey verifierKey;

    public NoteSigner(String keyName, PrivateKey privateKey, PublicKey publicKey) {
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        Ed25519Keys.requireEd25519(privateKey, "privateKey");
        this.verifierKey = NoteVerifierKey.of(keyName, publicKey);
        if (!Ed25519Keys.isPair(privateKey, publicKey)) {
            throw new InvalidInputException("privateKey", "the private key does not belong to the public key");
        }
        this.privateKey = privateKey;
    }

    public String keyName() {
        return verifierKey.name();
    }

    /** What verifiers configure to trust this signer, e.g. {@code pactum.example/ledger+1a2b3c4d+AU...}. */
    public NoteVerifierKey verifierKey() {
        return verifierKey;
    }

    /** This key's signature over {@code text}, which must be a well-formed note text ending in a newline. */
    public NoteSignature signature(String text) {
        Objects.requireNonNull(text, "text");
        NoteText.requireWellFormed(text, "note");
        if (!text.endsWith("\n")) {
            throw new InvalidInputException("note", "note text must end with a newline");
        }
        byte[] signature = Ed25519Keys.sign(privateKey, text.getBytes(StandardCharsets.UTF_8));
        return new NoteSignature(verifierKey.name(), verifierKey.keyId(), signature);
    }

    /** {@code text} signed by this key alone, as sent. */
    public String sign(String text) {
        return new SignedNote(text, List.of(signature(text))).encoded();
    }

    /** {@code text} signed by each of {@code signers}, in order, as sent. */
    public static String sign(String text, List<NoteSigner> signers) {
        List<NoteSignature> signatures = new ArrayList<>(signers.size());
        for (NoteSigner signer : signers) {
            signatures.add(signer.signature(text));
        }
        return new SignedNote(text, signatures).encoded();
    }
}
