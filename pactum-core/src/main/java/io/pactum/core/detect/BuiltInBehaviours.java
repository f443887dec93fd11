package io.pactum.core.detect;

import java.time.Duration;
import java.util.List;

/**
 * The default behaviours, one per attack Pactum expects. Thresholds are deliberately high: a
 * benign fleet (reconnects every few minutes, a message every second or so, noisy values) stays
 * far below them, while a scripted attack crosses them within its first second. Operators tune
 * them per product with {@link Behaviour#withScope} and {@link Behaviour#withThreshold}.
 */
public final class BuiltInBehaviours {
    private BuiltInBehaviours() {}

    /** More than 20 failed logins from one host in 10 s: no device retries that fast; a password sprayer does. */
    public static final Behaviour CREDENTIAL_STUFFING = new Behaviour("credential-stuffing",
            Metric.AUTH_FAILURES, Operator.GREATER_THAN, Threshold.fixed(20), Duration.ofSeconds(10), 1, 60);

    /** More than 10 connection attempts by one device id in 10 s: clients back off for seconds between attempts. */
    public static final Behaviour CONNECTION_FLOOD = new Behaviour("connection-flood",
            Metric.CONNECTS, Operator.GREATER_THAN, Threshold.fixed(10), Duration.ofSeconds(10), 1, 30);

    /**
     * More than 200 messages from one device in 10 s (20 a second sustained): twenty times a device
     * reporting every second, and low enough that a flood crosses it within its first second even
     * though one device's messages are stored one after the other (a few hundred a second); a
     * product-scoped copy with a fleet percentile catches subtler floods.
     */
    public static final Behaviour MESSAGE_FLOOD = new Behaviour("message-flood",
            Metric.MESSAGES, Operator.GREATER_THAN, Threshold.fixed(200), Duration.ofSeconds(10), 1, 30);

    /** More than 5 messages that fail verification from one device in 60 s: a forger or a stolen-key probe. */
    public static final Behaviour INTEGRITY_FAILURE_BURST = new Behaviour("integrity-failure-burst",
            Metric.INTEGRITY_FAILURES, Operator.GREATER_THAN, Threshold.fixed(5), Duration.ofSeconds(60), 1, 60);

    /** More than 10 replays for one device in 60 s: above what QoS 1 redelivery after a reconnect produces. */
    public static final Behaviour REPLAY = new Behaviour("replay",
            Metric.REPLAYS, Operator.GREATER_THAN, Threshold.fixed(10), Duration.ofSeconds(60), 1, 60);

    /** More than 10 refused publications or subscriptions by one client in 60 s: probing the topic tree. */
    public static final Behaviour TOPIC_SCANNING = new Behaviour("topic-scanning",
            Metric.FORBIDDEN_TOPICS, Operator.GREATER_THAN, Threshold.fixed(10), Duration.ofSeconds(60), 1, 60);

    /**
     * Two hosts for one device id within 10 s, on two data points. A clone and the original take the
     * session from each other: when the original comes back, its CLIENT_ID_CONFLICT and its
     * connection each see both hosts in the window, and the alarm is raised. A device that roams
     * (one takeover from a new address) shows one host per data point, and does not alarm.
     */
    public static final Behaviour SHARED_CREDENTIALS = new Behaviour("shared-credentials",
            Metric.DISTINCT_SOURCES, Operator.GREATER_THAN, Threshold.fixed(1), Duration.ofSeconds(10), 2, 60);

    /**
     * More than 20 requests or commands beyond its agreements by one organisation in 60 s:
     * scraping. An honest integration is refused now and then (a device just left an agreement),
     * a few times a minute at most.
     */
    public static final Behaviour PARTNER_EXFILTRATION = new Behaviour("partner-exfiltration",
            Metric.PARTNER_DENIALS, Operator.GREATER_THAN, Threshold.fixed(20), Duration.ofSeconds(60), 1, 60);

    /**
     * A value more than 8 learned deviations from the device's own mean for that field, after 30
     * values of warm-up (EWMA, alpha 0.05). 8 rather than the textbook 6: an EWMA deviation is
     * itself noisy, and a fleet of thousands of devices scores millions of values.
     */
    public static final Behaviour OUT_OF_PROFILE_VALUE = new Behaviour("out-of-profile-value",
            Metric.VALUE_DEVIATION, Operator.GREATER_THAN, Threshold.fixed(8), Duration.ofSeconds(60), 1, 10);

    /** All of the above. */
    public static List<Behaviour> all() {
        return List.of(CREDENTIAL_STUFFING, CONNECTION_FLOOD, MESSAGE_FLOOD, INTEGRITY_FAILURE_BURST, REPLAY,
                TOPIC_SCANNING, SHARED_CREDENTIALS, PARTNER_EXFILTRATION, OUT_OF_PROFILE_VALUE);
    }
}
