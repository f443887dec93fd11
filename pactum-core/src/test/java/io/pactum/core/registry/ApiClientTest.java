package io.pactum.core.registry;

import static io.pactum.core.registry.Rejections.assertRejectedOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiClientTest {
    private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant EXPIRES = CREATED.plus(Duration.ofDays(30));

    private static ApiClient client(Set<Scope> scopes, Instant expiresAt, Instant revokedAt) {
        return new ApiClient("client-1", "org-1", "ci pipeline", ClientKind.SERVICE, scopes, "hash", CREATED,
                expiresAt, revokedAt);
    }

    // --- scopes ------------------------------------------------------------------------------

    @Test
    void scopes_null_areRejectedNamingScopes() {
        assertRejectedOn("scopes", () -> client(null, null, null));
    }

    @Test
    void scopes_empty_areRejectedNamingScopes() {
        assertRejectedOn("scopes", () -> client(Set.of(), null, null));
    }

    @Test
    void scopes_containingNull_areRejectedNamingScopes() {
        Set<Scope> withNull = new HashSet<>(Arrays.asList(Scope.READ, null));
        assertRejectedOn("scopes", () -> client(withNull, null, null));
    }

    @Test
    void scopes_givenAsImmutableSet_areAccepted() {
        // Set.of(..).contains(null) throws NullPointerException, so the null check must not rely on it.
        assertThat(client(Set.of(Scope.READ, Scope.WRITE), null, null).scopes())
                .containsExactlyInAnyOrder(Scope.READ, Scope.WRITE);
    }

    @Test
    void scopes_areCopied_andUnmodifiable() {
        Set<Scope> source = EnumSet.of(Scope.READ);
        ApiClient client = client(source, null, null);
        source.add(Scope.ADMIN);
        assertThat(client.scopes()).containsExactly(Scope.READ);
        assertThatThrownBy(() -> client.scopes().add(Scope.ADMIN)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void newApiClient_withoutScopes_isRejectedNamingScopes_andKindDefaultsToService() {
        assertRejectedOn("scopes", () -> new NewApiClient("ci", ClientKind.USER, Set.of(), null));
        assertRejectedOn("scopes", () -> new NewApiClient("ci", ClientKind.USER, null, null));
        assertThat(new NewApiClient("ci", null, Set.of(Scope.READ), null).kind()).isEqualTo(ClientKind.SERVICE);
    }

    @Test
    void newApiClient_scopes_canBuildAClient() {
        // What ApiClientService does: a validated request's scopes go straight into a new ApiClient.
        NewApiClient request = new NewApiClient("ci", null, EnumSet.of(Scope.READ, Scope.ADMIN), null);
        ApiClient client = new ApiClient("client-2", "org-1", request.name(), request.kind(), request.scopes(),
                "hash", CREATED, null, null);
        assertThat(client.scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.ADMIN);
    }

    @Test
    void name_andIds_areValidatedNamingTheirFields() {
        assertRejectedOn("name", () -> new ApiClient("c", "org-1", " ", ClientKind.USER, Set.of(Scope.READ), "h",
                CREATED, null, null));
        assertRejectedOn("id", () -> new ApiClient("c/1", "org-1", "n", ClientKind.USER, Set.of(Scope.READ), "h",
                CREATED, null, null));
        assertRejectedOn("organisationId", () -> new ApiClient("c", "", "n", ClientKind.USER, Set.of(Scope.READ),
                "h", CREATED, null, null));
    }

    // --- isActiveAt --------------------------------------------------------------------------

    @Test
    void isActiveAt_withoutExpiryOrRevocation_isActive() {
        assertThat(client(EnumSet.of(Scope.READ), null, null).isActiveAt(CREATED.plus(Duration.ofDays(3650))))
                .isTrue();
    }

    @Test
    void isActiveAt_beforeExpiry_isActive() {
        assertThat(client(EnumSet.of(Scope.READ), EXPIRES, null).isActiveAt(EXPIRES.minusMillis(1))).isTrue();
    }

    @Test
    void isActiveAt_atOrAfterExpiry_isInactive() {
        ApiClient client = client(EnumSet.of(Scope.READ), EXPIRES, null);
        assertThat(client.isActiveAt(EXPIRES)).isFalse();
        assertThat(client.isActiveAt(EXPIRES.plusSeconds(1))).isFalse();
    }

    @Test
    void isActiveAt_afterRevocation_isInactiveEvenBeforeExpiry() {
        Instant revokedAt = CREATED.plus(Duration.ofDays(1));
        ApiClient client = client(EnumSet.of(Scope.READ), EXPIRES, revokedAt);
        assertThat(client.isActiveAt(revokedAt.plusSeconds(1))).isFalse();
    }

    @Test
    void revoked_setsRevocationTime_andMakesClientInactive() {
        ApiClient active = client(EnumSet.of(Scope.READ, Scope.WRITE), null, null);
        Instant at = CREATED.plus(Duration.ofHours(5));
        ApiClient revoked = active.revoked(at);
        assertThat(revoked.revokedAt()).isEqualTo(at);
        assertThat(revoked.isActiveAt(at.plusSeconds(1))).isFalse();
        assertThat(revoked).usingRecursiveComparison().ignoringFields("revokedAt").isEqualTo(active);
    }

    @Test
    void revoked_twice_keepsTheFirstRevocationTime() {
        Instant first = CREATED.plusSeconds(10);
        ApiClient revoked = client(EnumSet.of(Scope.READ), null, null).revoked(first);
        assertThat(revoked.revoked(first.plusSeconds(100)).revokedAt()).isEqualTo(first);
    }
}
