package io.pactum.core.ledger;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.TreeMap;

/**
 * Reads the canonical encoding of {@link LedgerEntry} back, strictly: anything but exactly one
 * well-formed version-1 entry (a known type, details in order and unique, no trailing bytes) is
 * refused, so that an entry read back re-encodes to the very bytes that were hashed.
 */
public final class LedgerEntryDecoder {
    private LedgerEntryDecoder() {}

    public static LedgerEntry decode(byte[] encoded) {
        ByteBuffer in = ByteBuffer.wrap(encoded);
        try {
            byte version = in.get();
            if (version != LedgerEntry.VERSION) {
                throw new IllegalArgumentException("unknown ledger entry version " + version);
            }
            long index = in.getLong();
            long micros = in.getLong();
            Instant time = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L);
            LedgerEntryType type = type(readString(in));
            String actor = readString(in);
            int count = in.getInt();
            if (count < 0 || count > LedgerEntry.MAX_DETAILS) {
                throw new IllegalArgumentException("a ledger entry has 0 to " + LedgerEntry.MAX_DETAILS + " details");
            }
            TreeMap<String, String> details = new TreeMap<>();
            String previous = null;
            for (int i = 0; i < count; i++) {
                String name = readString(in);
                if (previous != null && previous.compareTo(name) >= 0) {
                    throw new IllegalArgumentException("ledger entry details are not in ascending order");
                }
                details.put(name, readString(in));
                previous = name;
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes after the ledger entry");
            }
            return new LedgerEntry(index, time, type, actor, details);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("the ledger entry is truncated", e);
        }
    }

    private static LedgerEntryType type(String name) {
        try {
            return LedgerEntryType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown ledger entry type '" + name + "'", e);
        }
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > LedgerEntry.MAX_FIELD_BYTES || length > in.remaining()) {
            throw new IllegalArgumentException("a ledger field has an invalid length " + length);
        }
        ByteBuffer slice = in.slice(in.position(), length);
        in.position(in.position() + length);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a ledger field is not valid UTF-8", e);
        }
    }
}
