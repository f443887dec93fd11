package io.pactum.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The canonical encoding of ledger entries: exactly as documented, unique, and read back strictly. */
class LedgerEntryEncodingTest {
    private static final Instant TIME = Instant.parse("2026-11-23T19:00:00.123456789Z");

    private static LedgerEntry release() {
        return new LedgerEntry(42, TIME, LedgerEntryType.DATA_RELEASE, "hub", new TreeMap<>(Map.of(
                "recipientId", "org-clinic", "subjectPseudonym", "N0aQ", "fields", "glucose,battery")));
    }

    /** The documented layout, written independently with DataOutputStream (big-endian by definition). */
    @Test
    void encodingIsExactlyTheDocumentedLayout() throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        out.writeByte(1);
        out.writeLong(42);
        out.writeLong(TIME.getEpochSecond() * 1_000_000L + 123_456L);
        for (String s : new String[] {"DATA_RELEASE", "hub"}) {
            out.writeInt(s.getBytes(StandardCharsets.UTF_8).length);
            out.write(s.getBytes(StandardCharsets.UTF_8));
        }
        out.writeInt(3);
        for (String s : new String[] {"fields", "glucose,battery", "recipientId", "org-clinic", "subjectPseudonym", "N0aQ"}) {
            out.writeInt(s.getBytes(StandardCharsets.UTF_8).length);
            out.write(s.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(release().canonicalBytes()).isEqualTo(expected.toByteArray());
    }

    @Test
    void anEntryReadBackIsTheSameEntry() {
        LedgerEntry entry = release();
        assertThat(LedgerEntryDecoder.decode(entry.canonicalBytes())).isEqualTo(entry);
        assertThat(entry.time()).isEqualTo(Instant.parse("2026-11-23T19:00:00.123456Z"));
    }

    @Test
    void everyTruncationAndAnyTrailingByteIsRefused() {
        byte[] bytes = release().canonicalBytes();
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] truncated = Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> LedgerEntryDecoder.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> LedgerEntryDecoder.decode(longer)).hasMessageContaining("trailing");
    }

    @Test
    void anotherVersionAnUnknownTypeAndDetailsOutOfOrderAreRefused() throws IOException {
        byte[] bytes = release().canonicalBytes();
        bytes[0] = 2;
        assertThatThrownBy(() -> LedgerEntryDecoder.decode(bytes)).hasMessageContaining("version");

        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(raw);
        out.writeByte(1);
        out.writeLong(1);
        out.writeLong(0);
        writeString(out, "DATA_RELEASE");
        writeString(out, "hub");
        out.writeInt(2);
        writeString(out, "b");
        writeString(out, "1");
        writeString(out, "a");
        writeString(out, "2");
        assertThatThrownBy(() -> LedgerEntryDecoder.decode(raw.toByteArray())).hasMessageContaining("ascending");

        byte[] unknownType = release().canonicalBytes();
        unknownType[1 + 8 + 8 + 4] = 'X';
        assertThatThrownBy(() -> LedgerEntryDecoder.decode(unknownType)).hasMessageContaining("unknown ledger entry type");
    }

    @Test
    void malformedUnicodeHasNoEncoding() {
        LedgerEntry entry = new LedgerEntry(1, TIME, LedgerEntryType.ADMIN_LOGIN, "client-\uD800", new TreeMap<>());
        assertThatThrownBy(entry::canonicalBytes).hasMessageContaining("well-formed Unicode");

        byte[] bytes = new LedgerEntry(1, TIME, LedgerEntryType.ADMIN_LOGIN, "ab", new TreeMap<>()).canonicalBytes();
        bytes[bytes.length - 4 - 2] = (byte) 0xC0; // the actor's first byte: an overlong lead byte
        assertThatThrownBy(() -> LedgerEntryDecoder.decode(bytes)).hasMessageContaining("UTF-8");
    }

    @Test
    void anAuditEventBecomesAnEntryOfItsType() {
        AuditEvent event = new AuditEvent(AuditEventType.RELEASE_DENIED, TIME, AuditEvent.HUB,
                Map.of("reason", "CONSENT_WITHDRAWN"));
        LedgerEntry entry = LedgerEntry.of(7, event);
        assertThat(entry.type()).isEqualTo(LedgerEntryType.POLICY_DENIAL);
        assertThat(entry.details()).containsEntry("event", "RELEASE_DENIED").containsEntry("reason", "CONSENT_WITHDRAWN");
    }

    /** Different entries never share an encoding, and every encoding reads back to its entry. */
    @Property(tries = 300)
    void encodingIsUniqueAndReversible(@ForAll @IntRange(max = 1_000_000) int index,
            @ForAll @StringLength(max = 12) String actor, @ForAll @StringLength(max = 8) String name,
            @ForAll @StringLength(max = 8) String value, @ForAll @StringLength(max = 8) String otherValue) {
        LedgerEntry a = entry(index, actor, name, value);
        LedgerEntry b = entry(index, actor, name, otherValue);
        if (!isWellFormed(actor + name + value + otherValue)) {
            return;
        }
        assertThat(LedgerEntryDecoder.decode(a.canonicalBytes())).isEqualTo(a);
        assertThat(Arrays.equals(a.canonicalBytes(), b.canonicalBytes())).isEqualTo(value.equals(otherValue));
        LedgerEntry moved = entry(index, actor + name, "", value);
        assertThat(Arrays.equals(a.canonicalBytes(), moved.canonicalBytes())).isEqualTo(name.isEmpty());
    }

    private static LedgerEntry entry(int index, String actor, String name, String value) {
        TreeMap<String, String> details = new TreeMap<>();
        details.put(name, value);
        return new LedgerEntry(index, TIME, LedgerEntryType.SECURITY_SIGNAL, actor, details);
    }

    private static boolean isWellFormed(String s) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(s);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}
