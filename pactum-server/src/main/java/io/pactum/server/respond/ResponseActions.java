package io.pactum.server.respond;

import io.pactum.core.incident.IncidentActions;
import io.pactum.core.incident.ResponseAction;
import io.pactum.core.ingest.BlockedSources;
import io.pactum.core.registry.OrganisationStore;
import io.pactum.core.security.Principal;
import io.pactum.core.service.DeviceService;
import io.pactum.core.sharing.SharingService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The actions this hub can take in response to an incident, built over its services. */
public final class ResponseActions {
    /** Their names, for checking configured playbooks before the hub starts. */
    public static final Set<String> NAMES = Set.of(IncidentActions.QUARANTINE_DEVICE,
            IncidentActions.REVOKE_CREDENTIAL, IncidentActions.BLOCK_SOURCE, IncidentActions.SUSPEND_AGREEMENT,
            IncidentActions.SUSPEND_ORGANISATION, IncidentActions.NOTIFY);

    private ResponseActions() {}

    /** The actions; {@code notify} only when there is somewhere to notify. */
    public static List<ResponseAction> of(DeviceService devices, SharingService sharing,
            OrganisationStore organisations, BlockedSources blocked, PartnerSessions partnerSessions, Principal hub,
            Clock clock, Duration blockFor, Optional<NotifyWebhook> notify) {
        List<ResponseAction> actions = new ArrayList<>(List.of(HoldDevice.quarantine(devices, hub),
                HoldDevice.revoke(devices, hub), new BlockSource(blocked, clock, blockFor),
                new SuspendAgreement(sharing, hub), new SuspendOrganisation(sharing, organisations, partnerSessions,
                        hub)));
        notify.ifPresent(actions::add);
        return actions;
    }
}
