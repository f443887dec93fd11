package io.pactum.core.ledger.checkpoint;

import io.pactum.core.error.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A ledger tree head in the body format of c2sp.org/tlog-checkpoint: the note text that
 * {@link CheckpointNotes} signs. {@link #body()} is, each line ending in {@code "\n"}:
 * <pre>
 * &lt;origin&gt;                   e.g. pactum.example/ledger
 * &lt;tree size&gt;                decimal, no sign, no leading zeros ("0" for the empty tree)
 * &lt;root hash&gt;                standard base64 of the 32-byte RFC 6962 / RFC 9162 root
 * &lt;extension line&gt;...        optional, each non-empty; see {@link CheckpointTime} for "time ..."
 * </pre>
 * {@link #parse} accepts exactly what {@link #body()} produces, so one tree head has one text.
 * Tree sizes above 2^63-1 are rejected (the spec allows uint64; no ledger will get there).
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {
    public static final int HASH_LENGTH = 32;
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]*");

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rootHash, "rootHash");
        extensions = List.copyOf(extensions);
        if (origin.isEmpty()) {
            throw new InvalidInputException("checkpoint.origin", "origin is empty");
        }
        requireLine(origin, "checkpoint.origin");
        if (size < 0) {
            throw new InvalidInputException("checkpoint.size", "tree size is negative");
        }
        if (rootHash.length != HASH_LENGTH) {
            throw new InvalidInputException("checkpoint.rootHash",
                    "root hash is " + rootHash.length + " bytes, not " + HASH_LENGTH);
        }
        rootHash = rootHash.clone();
        for (String extension : extensions) {
            if (extension.isEmpty()) {
                throw new InvalidInputException("checkpoint.extensions", "extension lines must not be empty");
            }
            requireLine(extension, "checkpoint.extensions");
        }
        CheckpointTime.read(extensions); // a malformed or repeated time line is rejected up front, not on first read
    }

    /** A checkpoint without extension lines. */
    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    /** Reads a checkpoint body, rejecting anything {@link #body()} would not have written. */
    public static Checkpoint parse(String body) {
        Objects.requireNonNull(body, "body");
        NoteText.requireWellFormed(body, "checkpoint");
        if (!body.endsWith("\n")) {
            throw new InvalidInputException("checkpoint", "checkpoint body must end with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new InvalidInputException("checkpoint", "a checkpoint has at least three lines: origin, tree size, root hash");
        }
        if (lines[0].isEmpty()) {
            throw new InvalidInputException("checkpoint.origin", "origin is empty");
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                throw new InvalidInputException("checkpoint", "line " + (i + 1) + " is empty");
            }
        }
        long size = parseSize(lines[1]);
        byte[] rootHash = CanonicalBase64.decode(lines[2], "checkpoint.rootHash", "root hash");
        return new Checkpoint(lines[0], size, rootHash, List.of(lines).subList(3, lines.length));
    }

    /** The note text: origin, size, root hash and extension lines, each ending in a newline. */
    public String body() {
        StringBuilder body = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(CanonicalBase64.encode(rootHash)).append('\n');
        for (String extension : extensions) {
            body.append(extension).append('\n');
        }
        return body.toString();
    }

    /** This checkpoint with a {@code time} extension line (kept to the second); see {@link CheckpointTime}. */
    public Checkpoint withTime(Instant time) {
        if (time().isPresent()) {
            throw new IllegalStateException("the checkpoint already carries a time");
        }
        List<String> withTime = new ArrayList<>(extensions);
        withTime.add(CheckpointTime.line(time));
        return new Checkpoint(origin, size, rootHash, withTime);
    }

    /** The time the hub claims for this tree head, if it carries one. */
    public Optional<Instant> time() {
        return CheckpointTime.read(extensions);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && size == that.size
                && Arrays.equals(rootHash, that.rootHash) && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + body().replace("\n", " | ") + "]";
    }

    private static void requireLine(String line, String field) {
        NoteText.requireWellFormed(line, field);
        if (line.indexOf('\n') >= 0) {
            throw new InvalidInputException(field, "must be a single line");
        }
    }

    private static long parseSize(String line) {
        if (!DECIMAL.matcher(line).matches()) {
            throw new InvalidInputException("checkpoint.size",
                    "tree size must be a decimal number without sign or leading zeros");
        }
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("checkpoint.size", "tree size is larger than " + Long.MAX_VALUE);
        }
    }
}
