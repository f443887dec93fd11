package io.pactum.mqtt;

/**
 * Why a subscription was refused, for devices and partners alike. The description goes into the
 * {@code FORBIDDEN_SUBSCRIPTION} signal, never the filter itself (it may carry anything).
 */
enum TopicRefusal {
    WILDCARD("wildcard filter"),
    SYSTEM_TOPIC("$SYS or other reserved topic"),
    SHARED_SUBSCRIPTION("shared subscription"),
    FOREIGN_DEVICE("another device's topic"),
    NOT_A_COMMAND_TOPIC("not the device's command topic"),
    INVALID_FILTER("invalid topic filter"),
    /** A partner's filter in a device's or another organisation's namespace. */
    FOREIGN_NAMESPACE("a device's or another organisation's topic"),
    /** A partner's filter in its own namespace that matches nothing the hub publishes. */
    NOT_A_PARTNER_TOPIC("not a topic the hub publishes to the partner"),
    /** A partner's filter whose topics its token may not receive (records need read, results write). */
    MISSING_SCOPE("the token lacks the scope for the topic");

    final String description;

    TopicRefusal(String description) {
        this.description = description;
    }
}
