package io.pactum.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import io.pactum.core.service.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A login is the first authentication of a client in 15 minutes; failures are recorded as sparingly. */
class AdminLoginsTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Principal ALICE = new Principal("alice", "org-op", OrganisationRole.OPERATOR,
            EnumSet.of(Scope.ADMIN, Scope.READ));
    private static final Principal BOB = new Principal("bob", "org-care", OrganisationRole.PARTNER,
            EnumSet.of(Scope.READ));

    private final SteppingClock clock = new SteppingClock(T0);
    private final List<AuditEvent> events = new ArrayList<>();
    private final AdminLogins logins = new AdminLogins(events::add, clock);

    @Test
    void succeeded_recordsTheClientItsOrganisationRoleAndScopes() {
        logins.succeeded(ALICE);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AuditEventType.ADMIN_LOGIN);
            assertThat(event.actor()).isEqualTo("alice");
            assertThat(event.at()).isEqualTo(T0);
            assertThat(event.details()).isEqualTo(Map.of("outcome", "success", "clientId", "alice",
                    "organisationId", "org-op", "role", "operator", "scopes", "admin,read"));
        });
    }

    @Test
    void succeeded_twiceWithinTheWindow_isOneLogin() {
        logins.succeeded(ALICE);
        clock.advance(AdminLogins.WINDOW.minusSeconds(1));
        logins.succeeded(ALICE);

        assertThat(events).hasSize(1);
    }

    @Test
    void succeeded_afterTheWindow_isAnotherLogin() {
        logins.succeeded(ALICE);
        clock.advance(Duration.ofMinutes(5));
        logins.succeeded(ALICE);
        clock.advance(Duration.ofMinutes(10)); // 15 minutes after the first: a new window
        logins.succeeded(ALICE);

        assertThat(events).extracting(AuditEvent::at).containsExactly(T0, T0.plus(AdminLogins.WINDOW));
    }

    @Test
    void succeeded_keepsAWindowPerClient() {
        logins.succeeded(ALICE);
        logins.succeeded(BOB);
        logins.succeeded(ALICE);

        assertThat(events).extracting(AuditEvent::actor).containsExactly("alice", "bob");
    }

    @Test
    void failed_recordsTheClaimedIdAndReason_asTheHub() {
        logins.failed("alice", "unknown client or wrong secret");

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AuditEventType.ADMIN_LOGIN);
            assertThat(event.actor()).isEqualTo(AuditEvent.HUB);
            assertThat(event.details()).isEqualTo(Map.of("outcome", "failure", "claimedClientId", "alice",
                    "reason", "unknown client or wrong secret"));
        });
    }

    @Test
    void failed_floodForOneClaimedId_isOneEventPerWindow_thenCountsWhatWentUnrecorded() {
        for (int i = 0; i < 500; i++) {
            logins.failed("alice", "unknown client or wrong secret");
        }
        clock.advance(AdminLogins.WINDOW);
        logins.failed("alice", "unknown client or wrong secret");

        assertThat(events).hasSize(2);
        assertThat(events.get(0).details()).doesNotContainKey("earlierFailures");
        assertThat(events.get(1).details()).containsEntry("earlierFailures", "499");
    }

    @Test
    void failed_withMalformedTokens_isOneEventPerWindowWithoutAClientId() {
        logins.failed(null, "malformed bearer token");
        logins.failed(null, "malformed bearer token");

        assertThat(events).singleElement().satisfies(event ->
                assertThat(event.details()).isEqualTo(Map.of("outcome", "failure", "reason", "malformed bearer token")));
    }

    @Test
    void failed_doesNotHideALaterSuccess_andASuccessDoesNotHideAFailure() {
        logins.failed("alice", "token expired");
        logins.succeeded(ALICE);
        logins.failed("alice", "token expired");

        assertThat(events).extracting(e -> e.details().get("outcome")).containsExactly("failure", "success");
    }

    @Test
    void failed_withManyDistinctClaimedIds_isCappedPerWindow() {
        AdminLogins capped = new AdminLogins(events::add, clock, 100, 3);

        for (int i = 0; i < 50; i++) {
            capped.failed("random-" + i, "unknown client or wrong secret");
        }
        assertThat(events).hasSize(3);

        clock.advance(AdminLogins.WINDOW);
        capped.failed("random-new", "unknown client or wrong secret");
        assertThat(events).hasSize(4);
    }

    @Test
    void tracking_isBounded_evictingTheOldestWindowFirst() {
        AdminLogins small = new AdminLogins(events::add, clock, 2, 10);

        small.succeeded(ALICE);
        small.succeeded(BOB);
        small.succeeded(new Principal("carol", "org-op", OrganisationRole.OPERATOR, EnumSet.of(Scope.READ)));
        small.succeeded(BOB);   // still tracked: no new login
        small.succeeded(ALICE); // evicted by carol: counted again

        assertThat(events).extracting(AuditEvent::actor).containsExactly("alice", "bob", "carol", "alice");
    }
}
