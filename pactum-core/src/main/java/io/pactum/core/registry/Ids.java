package io.pactum.core.registry;

import java.util.UUID;

/** Generates identifiers for registry entries that the caller did not name. */
public final class Ids {
    private Ids() {}

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
