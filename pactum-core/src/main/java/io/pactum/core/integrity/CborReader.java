package io.pactum.core.integrity;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, bounded decoder for the CBOR (RFC 8949) that COSE messages are made of.
 *
 * <p>Why not Jackson's CBOR parser: it turns the integer map key {@code 1} and the text key
 * {@code "1"} into the same field name and does not report duplicate keys, yet a COSE verifier
 * must tell labels apart and reject duplicates (RFC 9052 §3). This reader keeps integers as
 * {@link Long}, text as {@link String}, byte strings as {@link Bstr}, rejects duplicate map keys,
 * indefinite lengths, reserved encodings and invalid UTF-8, never allocates more than the input
 * can hold (a declared length beyond the message is rejected before anything is allocated), and
 * limits nesting.
 *
 * <p>Decoded values: {@link Long} (or {@link BigInteger} beyond the long range), {@link Bstr},
 * {@link String}, {@code List<Object>}, {@code Map<Object, Object>}, {@link Tagged},
 * {@link Simple}, {@link Double}.
 */
final class CborReader {
    static final int MAX_DEPTH = 16;

    /** A byte string, compared by content so it can be a map key or sit in a list. */
    record Bstr(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bstr other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Bstr[" + bytes.length + " bytes]";
        }
    }

    record Tagged(long tag, Object value) {}

    enum Simple { FALSE, TRUE, NULL, UNDEFINED }

    private final byte[] in;
    private int pos;
    private final int end;

    private CborReader(byte[] in, int from, int to) {
        this.in = in;
        this.pos = from;
        this.end = to;
    }

    /** Decodes exactly one data item that fills the whole input. */
    static Object decode(byte[] input) {
        CborReader reader = new CborReader(input, 0, input.length);
        Object value = reader.item(0);
        if (reader.pos != reader.end) {
            throw IntegrityException.malformed((reader.end - reader.pos) + " trailing bytes after the CBOR item");
        }
        return value;
    }

    /** Reads the initial byte of the input without decoding further; -1 if the input is empty. */
    static int majorType(byte[] input) {
        return input.length == 0 ? -1 : (input[0] & 0xff) >>> 5;
    }

    private Object item(int depth) {
        if (depth > MAX_DEPTH) {
            throw IntegrityException.malformed("CBOR nesting deeper than " + MAX_DEPTH);
        }
        int initial = readByte();
        int major = initial >>> 5;
        int info = initial & 0x1f;
        if (major == 7) {
            return simpleOrFloat(info);
        }
        long argument = argument(info);
        switch (major) {
            case 0:
                return argument >= 0 ? (Object) argument : unsignedBig(argument);
            case 1:
                // -1 - n; beyond the long range when n >= 2^63
                return argument >= 0 ? (Object) (-1 - argument) : unsignedBig(argument).negate().subtract(BigInteger.ONE);
            case 2:
                return new Bstr(bytes(argument));
            case 3:
                return utf8(bytes(argument));
            case 4:
                return array(argument, depth);
            case 5:
                return map(argument, depth);
            default: // 6
                return new Tagged(argument, item(depth + 1));
        }
    }

    private long argument(int info) {
        if (info < 24) {
            return info;
        }
        return switch (info) {
            case 24 -> readByte();
            case 25 -> (readByte() << 8) | readByte();
            case 26 -> ((long) readByte() << 24) | ((long) readByte() << 16) | ((long) readByte() << 8) | readByte();
            case 27 -> {
                long value = 0;
                for (int i = 0; i < 8; i++) {
                    value = (value << 8) | readByte();
                }
                yield value; // negative here means >= 2^63
            }
            case 31 -> throw IntegrityException.malformed("indefinite-length CBOR items are not accepted");
            default -> throw IntegrityException.malformed("reserved CBOR additional information " + info);
        };
    }

    private Object simpleOrFloat(int info) {
        return switch (info) {
            case 20 -> Simple.FALSE;
            case 21 -> Simple.TRUE;
            case 22 -> Simple.NULL;
            case 23 -> Simple.UNDEFINED;
            case 25 -> halfToDouble((int) argument(25));
            case 26 -> (double) Float.intBitsToFloat((int) argument(26));
            case 27 -> Double.longBitsToDouble(argument(27));
            case 31 -> throw IntegrityException.malformed("unexpected CBOR break");
            default -> throw IntegrityException.malformed("unsupported CBOR simple value " + info);
        };
    }

    private List<Object> array(long count, int depth) {
        requireAtLeast(count, "array");
        List<Object> items = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            items.add(item(depth + 1));
        }
        return items;
    }

    private Map<Object, Object> map(long count, int depth) {
        // every entry takes at least two bytes
        requireAtLeast(count, "map");
        requireAtLeast(count * 2, "map");
        Map<Object, Object> entries = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            Object key = item(depth + 1);
            Object value = item(depth + 1);
            if (entries.putIfAbsent(key, value) != null) {
                throw IntegrityException.malformed("duplicate CBOR map key " + describeKey(key));
            }
        }
        return entries;
    }

    private static String describeKey(Object key) {
        return key instanceof Long || key instanceof String ? key.toString() : key.getClass().getSimpleName();
    }

    /** Every declared element takes at least one byte, so a count beyond the remaining bytes is a lie. */
    private void requireAtLeast(long count, String what) {
        if (count < 0 || count > end - pos) {
            throw IntegrityException.malformed("CBOR " + what + " declares more elements than the message holds");
        }
    }

    private byte[] bytes(long length) {
        if (length < 0 || length > end - pos) {
            throw IntegrityException.malformed("CBOR string declares " + Long.toUnsignedString(length)
                    + " bytes but only " + (end - pos) + " remain");
        }
        byte[] out = Arrays.copyOfRange(in, pos, pos + (int) length);
        pos += (int) length;
        return out;
    }

    private int readByte() {
        if (pos >= end) {
            throw IntegrityException.malformed("CBOR ends in the middle of an item");
        }
        return in[pos++] & 0xff;
    }

    /** IEEE 754 half precision, as in RFC 8949 Appendix D. */
    private static double halfToDouble(int half) {
        int exponent = (half >>> 10) & 0x1f;
        int mantissa = half & 0x3ff;
        double value;
        if (exponent == 0) {
            value = Math.scalb((double) mantissa, -24);
        } else if (exponent != 31) {
            value = Math.scalb((double) (mantissa + 1024), exponent - 25);
        } else {
            value = mantissa == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        return (half & 0x8000) != 0 ? -value : value;
    }

    private static BigInteger unsignedBig(long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw IntegrityException.malformed("CBOR text string is not valid UTF-8");
        }
    }
}
