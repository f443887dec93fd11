package io.pactum.core.access;

import io.pactum.core.error.UnauthenticatedException;
import io.pactum.core.registry.ApiClient;
import io.pactum.core.registry.ApiClientStore;
import io.pactum.core.registry.Organisation;
import io.pactum.core.registry.OrganisationStore;
import io.pactum.core.security.BearerTokens;
import io.pactum.core.security.Principal;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a bearer token into a {@link Principal}. Every failure looks the same to the caller; the
 * security log records why, naming the client id but never the token.
 */
public final class Authenticator {
    private static final Logger SECURITY = LoggerFactory.getLogger("pactum.security");
    private static final String REFUSED = "a valid bearer token is required";

    private final ApiClientStore clients;
    private final OrganisationStore organisations;
    private final Clock clock;
    private final AdminLogins logins;

    public Authenticator(ApiClientStore clients, OrganisationStore organisations, Clock clock, AdminLogins logins) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logins = Objects.requireNonNull(logins, "logins");
    }

    public Principal authenticate(String token) {
        Objects.requireNonNull(token, "token");
        Optional<BearerTokens.Parsed> parsed = BearerTokens.parse(token);
        if (parsed.isEmpty()) {
            SECURITY.warn("authentication failed: malformed bearer token");
            logins.failed(null, "malformed bearer token");
            throw new UnauthenticatedException(REFUSED);
        }
        String clientId = parsed.get().clientId();
        ApiClient client = clients.find(clientId)
                .filter(c -> BearerTokens.matches(token, c.tokenHash()))
                .orElseThrow(() -> refuse(clientId, "unknown client or wrong secret"));
        if (!client.isActiveAt(clock.instant())) {
            throw refuse(clientId, client.revokedAt() != null ? "token revoked" : "token expired");
        }
        Organisation organisation = organisations.find(client.organisationId())
                .orElseThrow(() -> refuse(clientId, "organisation no longer exists"));
        Principal principal = new Principal(client.id(), organisation.id(), organisation.role(), client.scopes());
        logins.succeeded(principal);
        return principal;
    }

    private UnauthenticatedException refuse(String clientId, String why) {
        SECURITY.warn("authentication failed for client {}: {}", clientId, why);
        logins.failed(clientId, why);
        return new UnauthenticatedException(REFUSED);
    }
}
