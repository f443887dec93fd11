package io.pactum.core.access;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.audit.AuditTrail;
import io.pactum.core.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns bearer-token checks into ADMIN_LOGIN audit events. The API checks a token on every request,
 * so a "login" is the first successful authentication of a client in a {@link #WINDOW}; failures are
 * recorded the same way per claimed client id, and at most {@link #MAX_FAILURE_EVENTS} of them per
 * window in all, so that a credential-stuffing flood cannot flood the ledger. Events never carry the
 * token. Thread-safe; {@link AuditTrail#append} runs outside the lock.
 */
public final class AdminLogins {
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** Clients tracked per outcome; beyond it the one whose window began first is forgotten. */
    public static final int MAX_TRACKED = 10_000;
    /** Failure events per window across all claimed ids (random ids would each open a window). */
    public static final int MAX_FAILURE_EVENTS = 1_000;
    /** The key for failures that name no client (a malformed token). */
    private static final String NO_CLIENT = "";
    private static final Logger SECURITY = LoggerFactory.getLogger("pactum.security");

    private final AuditTrail audit;
    private final Clock clock;
    private final Windows successes;
    private final Windows failures;
    private final int maxFailureEvents;
    private @Nullable Instant failureBudgetFrom;
    private int failureEventsLeft;

    public AdminLogins(AuditTrail audit, Clock clock) {
        this(audit, clock, MAX_TRACKED, MAX_FAILURE_EVENTS);
    }

    /** With smaller bounds, for tests. */
    AdminLogins(AuditTrail audit, Clock clock, int maxTracked, int maxFailureEvents) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.successes = new Windows(maxTracked);
        this.failures = new Windows(maxTracked);
        this.maxFailureEvents = maxFailureEvents;
    }

    /** Records a login if this is the client's first successful authentication in the window. */
    public void succeeded(Principal principal) {
        Instant now = clock.instant();
        if (successes.open(principal.clientId(), now) == null) {
            return;
        }
        audit.append(new AuditEvent(AuditEventType.ADMIN_LOGIN, now, principal.clientId(), Map.of(
                "outcome", "success",
                "clientId", principal.clientId(),
                "organisationId", principal.organisationId(),
                "role", AccessPolicy.name(principal.role()),
                "scopes", scopes(principal))));
    }

    /**
     * Records a failed login if this is the first failure for the claimed client id in the window.
     * The claimed id is what the token says, unproven (null for a malformed token); the reason is the
     * hub's own short wording, never anything from the token.
     */
    public void failed(@Nullable String claimedClientId, String reason) {
        Objects.requireNonNull(reason, "reason");
        Instant now = clock.instant();
        Long earlier;
        synchronized (this) {
            earlier = failures.open(claimedClientId == null ? NO_CLIENT : claimedClientId, now);
            if (earlier == null || !spendFailureBudget(now)) {
                return;
            }
        }
        Map<String, String> details = new HashMap<>();
        details.put("outcome", "failure");
        details.put("reason", reason);
        if (claimedClientId != null) {
            details.put("claimedClientId", claimedClientId);
        }
        if (earlier > 0) {
            details.put("earlierFailures", Long.toString(earlier)); // unrecorded since the last event
        }
        // The caller is not authenticated: the hub is the one that refused it.
        audit.append(new AuditEvent(AuditEventType.ADMIN_LOGIN, now, AuditEvent.HUB, details));
    }

    /** Caller holds the lock. */
    private boolean spendFailureBudget(Instant now) {
        if (failureBudgetFrom == null || !now.isBefore(failureBudgetFrom.plus(WINDOW))) {
            failureBudgetFrom = now;
            failureEventsLeft = maxFailureEvents;
        }
        if (failureEventsLeft == 0) {
            return false;
        }
        failureEventsLeft--;
        if (failureEventsLeft == 0) {
            SECURITY.warn("{} failed logins recorded since {}; further ones are not recorded in the audit ledger"
                    + " until {}", maxFailureEvents, failureBudgetFrom, failureBudgetFrom.plus(WINDOW));
        }
        return true;
    }

    /** When each key's current window began and how often it was seen since, oldest window first. */
    private static final class Windows {
        private final Map<String, Window> byKey;

        Windows(int maxTracked) {
            this.byKey = new LinkedHashMap<>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                    return size() > maxTracked;
                }
            };
        }

        /**
         * Null if {@code key} is inside its window (counting it); otherwise opens a new window and
         * returns how often the key was seen in the old one after its first time.
         */
        synchronized @Nullable Long open(String key, Instant now) {
            Window current = byKey.get(key);
            if (current != null && now.isBefore(current.from.plus(WINDOW))) {
                current.repeats++;
                return null;
            }
            byKey.remove(key); // re-inserted last, so eviction order stays the order windows began
            byKey.put(key, new Window(now));
            return current == null ? 0L : current.repeats;
        }
    }

    private static final class Window {
        final Instant from;
        long repeats;

        Window(Instant from) {
            this.from = from;
        }
    }

    private static String scopes(Principal principal) {
        return principal.scopes().stream().map(AccessPolicy::name).sorted().collect(Collectors.joining(","));
    }
}
