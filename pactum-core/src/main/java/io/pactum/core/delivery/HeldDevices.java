package io.pactum.core.delivery;

/**
 * Devices whose data must not go out now (quarantined or revoked): what they sent before is
 * withheld at delivery, as the consent and agreement re-checks withhold. Must answer from memory:
 * it is asked once per delivery.
 */
@FunctionalInterface
public interface HeldDevices {
    HeldDevices NONE = deviceId -> false;

    boolean holds(String deviceId);
}
