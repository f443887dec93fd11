package io.pactum.core.registry;

/** How a product's devices encode their messages; a translator per format yields canonical records. */
public enum PayloadFormat {
    /** JSON object whose members map to data-model fields. */
    JSON,
    /** Sensor Measurement Lists in JSON (RFC 8428). */
    SENML_JSON,
    /** Sensor Measurement Lists in CBOR (RFC 8428). */
    SENML_CBOR,
    /** A declared fixed binary layout. */
    BINARY
}
