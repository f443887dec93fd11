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
 * Revokes a device whose credential is known to be stolen: like a quarantine, but marked for good,
 * so that the supplier re-provisions it with a new credential. The operator may still reinstate it.
 */
public final class RevokeCredential implements ResponseAction {
    private final DeviceService devices;
    private final Principal hub;

    public RevokeCredential(DeviceService devices, Principal hub) {
        this.devices = devices;
        this.hub = hub;
    }

    @Override
    public String name() {
        return IncidentActions.REVOKE_CREDENTIAL;
    }

    @Override
    public String take(Incident incident, String deviceId) {
        Device device = devices.get(hub, deviceId);
        if (device.state() == DeviceState.REVOKED) {
            return "device already revoked";
        }
        devices.changeState(hub, deviceId, new DeviceStateChange(DeviceState.REVOKED,
                "credential revoked in incident " + incident.id()));
        return "device credential revoked (was " + device.state().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    @Override
    public boolean inEffect(String deviceId) {
        return devices.get(hub, deviceId).state() == DeviceState.REVOKED;
    }

    /** Reinstates only a revocation this incident made. */
    @Override
    public String reverse(String deviceId, String takenDetail) {
        if (takenDetail.startsWith("device already revoked")) {
            return "left as it is: this incident found the device revoked already";
        }
        if (devices.get(hub, deviceId).state() != DeviceState.REVOKED) {
            return "device is no longer revoked; left as it is";
        }
        devices.changeState(hub, deviceId, new DeviceStateChange(DeviceState.ACTIVE, "credential reinstated"));
        return "device credential reinstated";
    }
}
