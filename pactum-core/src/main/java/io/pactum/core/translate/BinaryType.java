package io.pactum.core.translate;

/** Numeric types a fixed binary layout can hold; integers are read as {@code Long}, floats as {@code Double}. */
public enum BinaryType {
    U8(1, false),
    I8(1, false),
    U16(2, false),
    I16(2, false),
    U32(4, false),
    I32(4, false),
    F32(4, true),
    F64(8, true);

    private final int size;
    private final boolean floating;

    BinaryType(int size, boolean floating) {
        this.size = size;
        this.floating = floating;
    }

    public int size() {
        return size;
    }

    public boolean floating() {
        return floating;
    }
}
