package io.pactum.core.registry;

/**
 * Told when a device's state changes, so that adapters can act at once: a quarantined or revoked
 * device is disconnected and its in-flight data dropped. Called after the change is stored, on
 * the thread that made it; implementations must return quickly.
 */
@FunctionalInterface
public interface DeviceStateListener {
    void stateChanged(Device device);
}
