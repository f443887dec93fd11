package io.pactum.core.translate;

import io.pactum.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A fixed binary message: exactly {@code length} bytes, each field at its declared offset. Fields
 * must fit and must not overlap; bytes no field covers (padding, flags) are ignored.
 */
public record BinaryLayout(Integer length, List<BinaryField> fields) {
    public static final int MAX_LENGTH = 4096;

    public BinaryLayout {
        if (length == null) {
            throw new InvalidInputException("length", "length is required");
        }
        if (length < 1 || length > MAX_LENGTH) {
            throw new InvalidInputException("length", "length must be 1 to " + MAX_LENGTH + " bytes");
        }
        fields = checkFields(length, fields);
    }

    private static List<BinaryField> checkFields(int length, @Nullable List<BinaryField> fields) {
        if (fields == null || fields.isEmpty()) {
            throw new InvalidInputException("fields", "a layout declares at least one field");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            BinaryField f = fields.get(i);
            if (f == null) {
                throw new InvalidInputException("fields[" + i + "]", "fields[" + i + "] must not be null");
            }
            if (f.end() > length) {
                throw new InvalidInputException("fields[" + i + "].byteOffset", "fields[" + i + "] ('" + f.field()
                        + "', " + f.type().size() + " bytes at " + f.byteOffset() + ") does not fit in " + length + " bytes");
            }
            if (!names.add(f.field())) {
                throw new InvalidInputException("fields[" + i + "].field", "field '" + f.field() + "' is laid out twice");
            }
        }
        List<Integer> byStart = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            byStart.add(i);
        }
        byStart.sort(Comparator.comparingInt(i -> fields.get(i).byteOffset()));
        for (int k = 1; k < byStart.size(); k++) {
            BinaryField before = fields.get(byStart.get(k - 1));
            int at = byStart.get(k);
            if (fields.get(at).byteOffset() < before.end()) {
                throw new InvalidInputException("fields[" + at + "].byteOffset", "fields[" + at + "] ('"
                        + fields.get(at).field() + "') overlaps '" + before.field() + "'");
            }
        }
        return List.copyOf(fields);
    }
}
