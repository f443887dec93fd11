package io.pactum.core.registry;

import org.jspecify.annotations.Nullable;

/** Request to register a data subject; without an id a random pseudonym is generated. */
public record NewDataSubject(@Nullable String id) {
    public NewDataSubject {
        Checks.optionalIdentifier("id", id);
    }
}
