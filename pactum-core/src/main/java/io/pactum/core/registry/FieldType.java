package io.pactum.core.registry;

/** Value types a product's data model can declare for a field. */
public enum FieldType {
    NUMBER,
    INTEGER,
    BOOLEAN,
    STRING;

    public boolean isNumeric() {
        return this == NUMBER || this == INTEGER;
    }
}
