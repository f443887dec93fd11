package io.pactum.server.respond;

import io.pactum.core.incident.Incident;
import io.pactum.core.incident.IncidentActions;
import io.pactum.core.incident.ResponseAction;
import io.pactum.core.registry.Device;
import io.pactum.core.registry.DeviceState;
import io.pactum.core.registry.DeviceStateChange;
import io.pactum.core.security.Principal;
import io.pactum.core.service.DeviceService;
import java.util.Locale;

/**
 * Holds a device through the registry, so that every listener acts at once: its MQTT session is
 * dropped, it is refused at connect, and what it sent that still waits in outboxes is withheld.
 * Two strengths: {@link #quarantine} (released by the operator) and {@link #revoke} (for a
 * credential known to be stolen; the supplier re-provisions, the operator may still reinstate).
 * Reversing makes the device active again, but only if this incident held it: a hold another
 * incident or the operator made stays.
 */
public final class HoldDevice implements ResponseAction {
    /** What {@link #take} says when the device was held already: then this incident did not hold it. */
    private static final String ALREADY = "device already ";

    private final String name;
    private final DeviceState hold;
    private final DeviceService devices;
    private final Principal hub;

    private HoldDevice(String name, DeviceState hold, DeviceService devices, Principal hub) {
        this.name = name;
        this.hold = hold;
        this.devices = devices;
        this.hub = hub;
    }

    public static HoldDevice quarantine(DeviceService devices, Principal hub) {
        return new HoldDevice(IncidentActions.QUARANTINE_DEVICE, DeviceState.QUARANTINED, devices, hub);
    }

    public static HoldDevice revoke(DeviceService devices, Principal hub) {
        return new HoldDevice(IncidentActions.REVOKE_CREDENTIAL, DeviceState.REVOKED, devices, hub);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String take(Incident incident, String deviceId) {
        Device device = devices.get(hub, deviceId);
        if (holds(device.state())) {
            return ALREADY + word(device.state());
        }
        devices.changeState(hub, deviceId, new DeviceStateChange(hold,
                "incident " + incident.id() + " (" + incident.detector() + ")"));
        return "device " + word(hold) + " (was " + word(device.state())
                + "): sessions dropped, connections refused, waiting deliveries withheld";
    }

    @Override
    public boolean inEffect(String deviceId) {
        return holds(devices.get(hub, deviceId).state());
    }

    @Override
    public String reverse(String deviceId, String takenDetail) {
        if (takenDetail.startsWith(ALREADY)) {
            return "left as it is: this incident found the device held already";
        }
        DeviceState state = devices.get(hub, deviceId).state();
        if (state != hold) {
            return "device is " + word(state) + "; left as it is";
        }
        devices.changeState(hub, deviceId,
                new DeviceStateChange(DeviceState.ACTIVE, "released: " + name + " reversed"));
        return "device active again";
    }

    /** Whether a device in {@code state} is held at least this strongly: revoked holds more than quarantined. */
    private boolean holds(DeviceState state) {
        return state == hold || state == DeviceState.REVOKED;
    }

    private static String word(DeviceState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
