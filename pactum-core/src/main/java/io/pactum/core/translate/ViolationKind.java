package io.pactum.core.translate;

/** Why a reading does not fit the data model. Names are stable: policies and signals refer to them. */
public enum ViolationKind {
    /** The value's type is not the field's (a string for a number, 5.5 for an integer, NaN). */
    TYPE_MISMATCH,
    /** The reading states a unit other than the field's declared one. */
    UNIT_MISMATCH,
    /** Well-formed but outside the field's plausible range: implausible, not malformed. */
    OUT_OF_RANGE,
    /** Several values of one field that cannot be told apart by their times. */
    DUPLICATE_FIELD,
    /** A reading names a field the data model does not declare. */
    UNKNOWN_FIELD,
    /** The message carries no value of any declared field. */
    NO_KNOWN_FIELDS;

    /** Implausible values are for the product policy to reject or flag; every other kind is malformed. */
    public boolean implausible() {
        return this == OUT_OF_RANGE;
    }
}
