package io.pactum.core.command;

/** What an adapter could do with a signed command. */
public enum DeliveryResult {
    DELIVERED("delivered"),
    DEVICE_OFFLINE("the device is not connected"),
    NOT_SUBSCRIBED("the device is connected but not subscribed to its command topic"),
    NOT_ACKNOWLEDGED("the device did not acknowledge the command in time");

    private final String description;

    DeliveryResult(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
