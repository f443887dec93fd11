package io.pactum.server.respond;

import io.pactum.core.incident.Incident;
import io.pactum.core.incident.IncidentActions;
import io.pactum.core.incident.ResponseAction;
import io.pactum.core.registry.Device;
import io.pactum.core.registry.DeviceState;
import io.pactum.core.registry.DeviceStateChange;
import io.pactum.core.security.Principal;
import io.pactum.core.service.DeviceService;

/**
 * Quarantines a device through the registry, so that every listener acts at once: its MQTT session
 * is dropped, it is refused at connect, and what it sent that still waits in outboxes is withheld.
 * Releasing it makes it active again.
 */
public final class QuarantineDevice implements ResponseAction {
    /** What {@link #take} says when the device was held already: then this incident did not hold it. */
    private static final String ALREADY = "device already ";

    private final DeviceService devices;
    private final Principal hub;

    public QuarantineDevice(DeviceService devices, Principal hub) {
        this.devices = devices;
        this.hub = hub;
    }

    @Override
    public String name() {
        return IncidentActions.QUARANTINE_DEVICE;
    }

    @Override
    public String take(Incident incident, String deviceId) {
        Device device = devices.get(hub, deviceId);
        if (device.state() != DeviceState.ACTIVE) {
            return ALREADY + device.state().name().toLowerCase(java.util.Locale.ROOT);
        }
        devices.changeState(hub, deviceId, new DeviceStateChange(DeviceState.QUARANTINED,
                "incident " + incident.id() + " (" + incident.detector() + ")"));
        return "device quarantined: sessions dropped, connections refused, waiting deliveries withheld";
    }

    @Override
    public boolean inEffect(String deviceId) {
        return devices.get(hub, deviceId).state() != DeviceState.ACTIVE;
    }

    /** Releases only a quarantine this incident made: another incident's, or the operator's, stays. */
    @Override
    public String reverse(String deviceId, String takenDetail) {
        if (takenDetail.startsWith(ALREADY)) {
            return "left as it is: this incident found the device held already";
        }
        Device device = devices.get(hub, deviceId);
        if (device.state() != DeviceState.QUARANTINED) {
            return "device is " + device.state().name().toLowerCase(java.util.Locale.ROOT) + "; left as it is";
        }
        devices.changeState(hub, deviceId, new DeviceStateChange(DeviceState.ACTIVE, "released from quarantine"));
        return "device released from quarantine";
    }
}
