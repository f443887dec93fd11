package io.pactum.core.ledger.checkpoint;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.UnauthenticatedException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A c2sp.org/signed-note: a text ending in a newline, a blank line, then one or more signature
 * lines, each ending in a newline. The signatures cover the text exactly, final newline included,
 * blank line excluded; the text ends at the last blank line of the note.
 *
 * <p>{@link #verifiedBy} follows the spec's rules: a signature whose key name and key ID together
 * match no trusted key is ignored (that is how witnesses cosign and keys rotate); a matching one
 * must verify or the whole note is rejected; and at least one must match.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {
    /**
     * Go's {@code sumdb/note} limit; the spec asks for at least 16. Enough for the hub's key and its
     * witnesses, small enough that a hostile note cannot make us verify without end.
     */
    public static final int MAX_SIGNATURES = 100;
    /** A bound on the whole note before any work is done on it; a checkpoint is a few hundred bytes. */
    public static final int MAX_NOTE_LENGTH = 1 << 20;

    public SignedNote {
        Objects.requireNonNull(text, "text");
        signatures = List.copyOf(signatures);
        NoteText.requireWellFormed(text, "note");
        if (!text.endsWith("\n")) {
            throw new InvalidInputException("note", "note text must end with a newline");
        }
        if (signatures.isEmpty()) {
            throw new InvalidInputException("note", "a signed note has at least one signature line");
        }
        if (signatures.size() > MAX_SIGNATURES) {
            throw new InvalidInputException("note", "more than " + MAX_SIGNATURES + " signature lines");
        }
    }

    /**
     * Reads a signed note as received. Decodes strictly: {@code new String(bytes, UTF_8)} would turn
     * invalid bytes into U+FFFD without a word, and the text read would not be the bytes signed.
     */
    public static SignedNote parse(byte[] note) {
        Objects.requireNonNull(note, "note");
        if (note.length > MAX_NOTE_LENGTH) {
            throw new InvalidInputException("note", "note is longer than " + MAX_NOTE_LENGTH + " bytes");
        }
        try {
            return parse(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(note))
                    .toString());
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("note", "note is not valid UTF-8");
        }
    }

    /** Reads a signed note's syntax; nothing is trusted until {@link #verifiedBy} says so. */
    public static SignedNote parse(String note) {
        Objects.requireNonNull(note, "note");
        if (note.length() > MAX_NOTE_LENGTH) {
            throw new InvalidInputException("note", "note is longer than " + MAX_NOTE_LENGTH + " characters");
        }
        NoteText.requireWellFormed(note, "note");
        if (!note.endsWith("\n")) {
            throw new InvalidInputException("note", "a signed note ends with a newline");
        }
        int blank = note.lastIndexOf("\n\n");
        if (blank < 0) {
            throw new InvalidInputException("note", "no blank line between the text and the signatures");
        }
        String block = note.substring(blank + 2);
        if (block.isEmpty()) {
            throw new InvalidInputException("note", "no signature lines after the blank line");
        }
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new InvalidInputException("note", "more than " + MAX_SIGNATURES + " signature lines");
        }
        List<NoteSignature> signatures = new ArrayList<>(lines.length);
        for (String line : lines) {
            signatures.add(NoteSignature.parseLine(line));
        }
        return new SignedNote(note.substring(0, blank + 1), signatures);
    }

    /** Parses {@code note} and returns its text if a trusted key vouches for it (see {@link #verifiedBy}). */
    public static String open(String note, Collection<NoteVerifierKey> trusted) {
        SignedNote parsed = parse(note);
        parsed.verifiedBy(trusted);
        return parsed.text();
    }

    /**
     * The trusted keys whose signatures verify, in the order their lines appear; never empty.
     *
     * @throws UnauthenticatedException if a trusted key's signature fails, or none is present
     */
    public List<NoteVerifierKey> verifiedBy(Collection<NoteVerifierKey> trusted) {
        Map<String, NoteVerifierKey> byNameAndId = index(trusted);
        byte[] signed = text.getBytes(StandardCharsets.UTF_8);
        List<NoteVerifierKey> verified = new ArrayList<>();
        for (NoteSignature signature : signatures) {
            NoteVerifierKey key = byNameAndId.get(lookup(signature.keyName(), signature.keyId()));
            if (key == null) {
                continue;
            }
            if (!key.verifies(signed, signature.signature())) {
                throw new UnauthenticatedException("the signature by trusted key " + key.name() + " does not verify");
            }
            if (!verified.contains(key)) {
                verified.add(key);
            }
        }
        if (verified.isEmpty()) {
            throw new UnauthenticatedException("the note carries no signature by a trusted key");
        }
        return List.copyOf(verified);
    }

    /** The note as sent: text, blank line, signature lines. */
    public String encoded() {
        StringBuilder note = new StringBuilder(text).append('\n');
        for (NoteSignature signature : signatures) {
            note.append(signature.line()).append('\n');
        }
        return note.toString();
    }

    private static Map<String, NoteVerifierKey> index(Collection<NoteVerifierKey> trusted) {
        Map<String, NoteVerifierKey> byNameAndId = new HashMap<>();
        for (NoteVerifierKey key : trusted) {
            NoteVerifierKey previous = byNameAndId.putIfAbsent(lookup(key.name(), key.keyId()), key);
            if (previous != null && !previous.equals(key)) {
                // Two keys with one name and ID cannot be told apart by a signature line.
                throw new IllegalArgumentException("two trusted keys share the name " + key.name() + " and key id "
                        + NoteVerifierKey.hexKeyId(key.keyId()));
            }
        }
        return byNameAndId;
    }

    // A space cannot occur in key names, so it separates name and ID unambiguously.
    private static String lookup(String name, int keyId) {
        return name + " " + keyId;
    }
}
