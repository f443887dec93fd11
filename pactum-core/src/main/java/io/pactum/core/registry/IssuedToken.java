package io.pactum.core.registry;

import java.util.Objects;

/** A newly created client together with its bearer token, which is never available again. */
public record IssuedToken(ApiClient client, String token) {
    public IssuedToken {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "IssuedToken[client=" + client.id() + ", token=<redacted>]";
    }
}
