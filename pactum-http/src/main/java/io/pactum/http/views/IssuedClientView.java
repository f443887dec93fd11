package io.pactum.http.views;

import io.pactum.core.registry.IssuedToken;

/** A new client with its bearer token: the only response that ever carries the token. */
public record IssuedClientView(ClientView client, String token) {
    public static IssuedClientView of(IssuedToken issued) {
        return new IssuedClientView(ClientView.of(issued.client()), issued.token());
    }

    @Override
    public String toString() {
        return "IssuedClientView[client=" + client.id() + ", token=<redacted>]";
    }
}
