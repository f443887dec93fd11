package io.pactum.core.ledger;

import io.pactum.core.audit.AuditEvent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One entry of the ledger: its position, when, what, who acted, and details as sorted name/value
 * pairs. Personal data never appears in clear: a data subject is named by a pseudonym, or a value is
 * stored encrypted under the subject's key (so erasing the key leaves the log verifiable).
 *
 * <p><b>Canonical encoding</b> ({@link #canonicalBytes()}, version 1; the Merkle leaf is
 * SHA-256(0x00 ‖ these bytes)), all integers big-endian:
 * <pre>
 *   u8   version = 0x01
 *   u64  index
 *   i64  time, microseconds since 1970-01-01T00:00:00Z
 *   str  type          (the {@link LedgerEntryType} name, e.g. "DATA_RELEASE")
 *   str  actor         (an API client id, a device id, or "hub")
 *   u32  number of details
 *   (str name, str value) per detail, names in ascending order of their UTF-16 code units (Java String order), unique
 *   where str = u32 byte length ‖ UTF-8 bytes
 * </pre>
 * Length prefixes make the encoding unambiguous (no separator can be forged inside a value), and a
 * fixed order makes it unique: one entry has exactly one encoding. Time is kept to the microsecond,
 * the precision both databases store.
 */
public record LedgerEntry(long index, Instant time, LedgerEntryType type, String actor, SortedMap<String, String> details) {
    public static final byte VERSION = 1;
    /** Longest string field accepted, in UTF-8 bytes: an entry is evidence, not a payload store. */
    public static final int MAX_FIELD_BYTES = 16 * 1024;
    public static final int MAX_DETAILS = 64;

    public LedgerEntry {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        Objects.requireNonNull(time, "time");
        time = time.truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        if (details.size() > MAX_DETAILS) {
            throw new IllegalArgumentException("an entry has at most " + MAX_DETAILS + " details");
        }
        details = Collections.unmodifiableSortedMap(new TreeMap<>(details));
    }

    /** The entry that records an audit event at the given position. */
    public static LedgerEntry of(long index, AuditEvent event) {
        TreeMap<String, String> details = new TreeMap<>(event.details());
        details.put("event", event.type().name());
        return new LedgerEntry(index, event.at(), LedgerEntryType.of(event.type()), event.actor(), details);
    }

    /** The canonical bytes of this entry (class comment); what the Merkle tree hashes. */
    public byte[] canonicalBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(VERSION);
        writeLong(out, index);
        writeLong(out, Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000));
        writeString(out, type.name());
        writeString(out, actor);
        writeInt(out, details.size());
        for (Map.Entry<String, String> detail : details.entrySet()) {
            writeString(out, detail.getKey());
            writeString(out, detail.getValue());
        }
        return out.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = utf8(value);
        if (bytes.length > MAX_FIELD_BYTES) {
            throw new IllegalArgumentException("a ledger field is at most " + MAX_FIELD_BYTES + " bytes");
        }
        writeInt(out, bytes.length);
        out.writeBytes(bytes);
    }

    /** Strict UTF-8: a string with an unpaired surrogate has no encoding (it would collide with '?'). */
    private static byte[] utf8(String value) {
        if (!hasSurrogate(value)) {
            return value.getBytes(StandardCharsets.UTF_8); // nothing a lenient encoder could replace
        }
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(value));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a ledger field must be well-formed Unicode", e);
        }
    }

    private static boolean hasSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isSurrogate(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write(value >>> shift);
        }
    }

    private static void writeLong(ByteArrayOutputStream out, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
    }
}
