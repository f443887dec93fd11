package io.pactum.core.translate;

import java.nio.ByteOrder;

/** Byte order of a multi-byte value in a binary layout. */
public enum Endianness {
    BIG(ByteOrder.BIG_ENDIAN),
    LITTLE(ByteOrder.LITTLE_ENDIAN);

    private final ByteOrder order;

    Endianness(ByteOrder order) {
        this.order = order;
    }

    ByteOrder byteOrder() {
        return order;
    }
}
