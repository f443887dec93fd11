package io.pactum.mqtt;

import io.pactum.core.security.BearerTokens;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The partner topic namespace, one per recipient organisation:
 * <ul>
 *   <li>{@code partners/{organisationId}/records}: the hub publishes the organisation's deliveries;</li>
 *   <li>{@code partners/{organisationId}/commands/{devicePseudonym}}: the partner publishes a command
 *       for the device it knows by that pseudonym;</li>
 *   <li>{@code partners/{organisationId}/command-results/{devicePseudonym}}: the hub publishes what
 *       became of each such command.</li>
 * </ul>
 * A partner subscribes only to filters inside its own {@code partners/{organisationId}/} that match
 * something the hub publishes there; wildcards are allowed below that prefix and nowhere else.
 */
final class PartnerTopics {
    static final String PREFIX = "partners/";
    static final String RECORDS = "records";
    static final String COMMANDS = "commands";
    static final String COMMAND_RESULTS = "command-results";
    /** A device pseudonym as a topic level: the hub's are 22 base64url characters. */
    private static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private PartnerTopics() {}

    /**
     * Whether a CONNECT is a partner's: the password is a bearer token ({@code pct_<clientId>_<secret>})
     * whose client id is the user name. Device secrets are never read this way unless they have exactly
     * that form for the device's own id, which the hub never generates (see {@code docs/mqtt.md}).
     */
    static boolean isPartnerLogin(@Nullable String userName, @Nullable String password) {
        if (userName == null || password == null) {
            return false;
        }
        return BearerTokens.parse(password).map(p -> p.clientId().equals(userName)).orElse(false);
    }

    static String namespace(String organisationId) {
        return PREFIX + organisationId + "/";
    }

    static String records(String organisationId) {
        return namespace(organisationId) + RECORDS;
    }

    static String commands(String organisationId, String devicePseudonym) {
        return namespace(organisationId) + COMMANDS + "/" + devicePseudonym;
    }

    static String commandResults(String organisationId, String devicePseudonym) {
        return namespace(organisationId) + COMMAND_RESULTS + "/" + devicePseudonym;
    }

    /** The device pseudonym a publish to {@code topic} addresses, if it is the organisation's command topic. */
    static Optional<String> commandPseudonym(String organisationId, String topic) {
        String prefix = namespace(organisationId) + COMMANDS + "/";
        if (!topic.startsWith(prefix)) {
            return Optional.empty();
        }
        String pseudonym = topic.substring(prefix.length());
        return PSEUDONYM.matcher(pseudonym).matches() ? Optional.of(pseudonym) : Optional.empty();
    }

    /**
     * Why the partner may not subscribe to {@code filter} at all, or empty if it lies in its namespace
     * and matches its records or command results (the scopes are checked by the session).
     */
    static Optional<TopicRefusal> subscriptionRefusal(String organisationId, String filter) {
        if (filter.isEmpty() || filter.indexOf('\u0000') >= 0) {
            return Optional.of(TopicRefusal.INVALID_FILTER);
        }
        if (filter.startsWith("$share/")) {
            return Optional.of(TopicRefusal.SHARED_SUBSCRIPTION);
        }
        if (filter.startsWith("$")) {
            return Optional.of(TopicRefusal.SYSTEM_TOPIC);
        }
        if (!isValidFilter(filter)) {
            return Optional.of(TopicRefusal.INVALID_FILTER);
        }
        if (!filter.startsWith(namespace(organisationId))) {
            if (filter.contains("#") || filter.contains("+")) {
                return Optional.of(TopicRefusal.WILDCARD);
            }
            if (filter.startsWith(PREFIX) || filter.startsWith(DeviceTopics.PREFIX)) {
                return Optional.of(TopicRefusal.FOREIGN_NAMESPACE);
            }
            return Optional.of(TopicRefusal.NOT_A_PARTNER_TOPIC);
        }
        if (!coversRecords(organisationId, filter) && !coversCommandResults(organisationId, filter)) {
            return Optional.of(TopicRefusal.NOT_A_PARTNER_TOPIC);
        }
        return Optional.empty();
    }

    /** Whether {@code filter} matches the organisation's records topic. */
    static boolean coversRecords(String organisationId, String filter) {
        return matches(filter, records(organisationId));
    }

    /** Whether {@code filter} matches the command-results topic of some device pseudonym. */
    static boolean coversCommandResults(String organisationId, String filter) {
        String prefix = namespace(organisationId);
        if (!filter.startsWith(prefix)) {
            return false;
        }
        String[] levels = filter.substring(prefix.length()).split("/", -1);
        if (levels[0].equals("#")) {
            return true;
        }
        if (levels.length != 2 || !(levels[0].equals(COMMAND_RESULTS) || levels[0].equals("+"))) {
            return false;
        }
        return levels[1].equals("+") || levels[1].equals("#") || PSEUDONYM.matcher(levels[1]).matches();
    }

    /** Whether {@code topic} (a topic name, no wildcards) lies in another organisation's or a device's namespace. */
    static boolean isForeign(String organisationId, String topic) {
        return (topic.startsWith(PREFIX) || topic.startsWith(DeviceTopics.PREFIX))
                && !topic.startsWith(namespace(organisationId));
    }

    /** MQTT topic matching: {@code +} one level, {@code #} this level and all below (also the parent). */
    static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }

    /** {@code #} only as the whole last level, {@code +} only as a whole level (MQTT 4.7.1). */
    static boolean isValidFilter(String filter) {
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return false;
            }
            if (level.contains("+") && !level.equals("+")) {
                return false;
            }
        }
        return true;
    }
}
