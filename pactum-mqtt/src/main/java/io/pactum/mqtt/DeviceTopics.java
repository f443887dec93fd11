package io.pactum.mqtt;

import io.pactum.core.ingest.Channel;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The device topic namespace. A device publishes only to {@code devices/{id}/telemetry},
 * {@code devices/{id}/events} and {@code devices/{id}/responses/{commandId}} (its answer to a
 * command), and subscribes only to {@code devices/{id}/commands}, all with its own id. Pactum is not a general broker: there is no other topic, no wildcard and no {@code $SYS}.
 */
final class DeviceTopics {
    static final String PREFIX = "devices/";
    static final String TELEMETRY = "telemetry";
    static final String EVENTS = "events";
    static final String COMMANDS = "commands";
    static final String RESPONSES = "responses";
    /** The syntax of command ids (as of every identifier in the hub). */
    private static final Pattern COMMAND_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private DeviceTopics() {}

    static String telemetry(String deviceId) {
        return PREFIX + deviceId + "/" + TELEMETRY;
    }

    static String events(String deviceId) {
        return PREFIX + deviceId + "/" + EVENTS;
    }

    static String commands(String deviceId) {
        return PREFIX + deviceId + "/" + COMMANDS;
    }

    static String response(String deviceId, String commandId) {
        return PREFIX + deviceId + "/" + RESPONSES + "/" + commandId;
    }

    /**
     * The command id a publish to {@code topic} answers, if it is the device's own responses topic
     * with a well-formed command id. Whether the command exists and is the device's is for the
     * command service to decide.
     */
    static Optional<String> responseCommandId(String deviceId, String topic) {
        String prefix = PREFIX + deviceId + "/" + RESPONSES + "/";
        if (!topic.startsWith(prefix)) {
            return Optional.empty();
        }
        String commandId = topic.substring(prefix.length());
        return COMMAND_ID.matcher(commandId).matches() ? Optional.of(commandId) : Optional.empty();
    }

    /** The channel a publish to {@code topic} feeds, if the device may publish there at all. */
    static Optional<Channel> publishChannel(String deviceId, String topic) {
        if (topic.equals(telemetry(deviceId))) {
            return Optional.of(Channel.TELEMETRY);
        }
        if (topic.equals(events(deviceId))) {
            return Optional.of(Channel.EVENT);
        }
        return Optional.empty();
    }

    /** Why the device may not subscribe to {@code filter}, or empty if it may (its command topic). */
    static Optional<TopicRefusal> subscriptionRefusal(String deviceId, String filter) {
        if (filter.equals(commands(deviceId))) {
            return Optional.empty();
        }
        if (filter.isEmpty() || filter.indexOf('\u0000') >= 0) {
            return Optional.of(TopicRefusal.INVALID_FILTER);
        }
        if (filter.startsWith("$share/")) {
            return Optional.of(TopicRefusal.SHARED_SUBSCRIPTION);
        }
        if (filter.startsWith("$")) {
            return Optional.of(TopicRefusal.SYSTEM_TOPIC);
        }
        if (filter.contains("#") || filter.contains("+")) {
            return Optional.of(TopicRefusal.WILDCARD);
        }
        if (filter.startsWith(PREFIX) && !filter.startsWith(PREFIX + deviceId + "/")) {
            return Optional.of(TopicRefusal.FOREIGN_DEVICE);
        }
        return Optional.of(TopicRefusal.NOT_A_COMMAND_TOPIC);
    }

    /** Whether {@code topic} lies in another device's namespace, for the signal's wording. */
    static boolean isForeignDevice(String deviceId, String topic) {
        return topic.startsWith(PREFIX) && !topic.startsWith(PREFIX + deviceId + "/");
    }
}
