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
            return "device already " + device.state().name().toLowerCase(java.util.Locale.ROOT);
        }
        devices.changeState(hub, deviceId, new DeviceStateChange(DeviceState.QUARANTINED,
                "incident " + incident.id() + " (" + incident.detector() + ")"));
        return "device quarantined: sessions dropped, connections refused, waiting deliveries withheld";
    }

    @Override
    public String reverse(String deviceId, String takenDetail) {
        Device device = devices.get(hub, deviceId);
        if (device.state() != DeviceState.QUARANTINED) {
            return "device is " + device.state().name().toLowerCase(java.util.Locale.ROOT) + "; left as it is";
        }
        devices.changeState(hub, deviceId, new DeviceStateChange(DeviceState.ACTIVE, "released from quarantine"));
        return "device released from quarantine";
    }
}
