package io.pactum.server.respond;

import io.pactum.core.error.NotFoundException;
import io.pactum.core.incident.Incident;
import io.pactum.core.incident.IncidentActions;
import io.pactum.core.incident.ResponseAction;
import io.pactum.core.registry.OrganisationStore;
import io.pactum.core.security.Principal;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.AgreementState;
import io.pactum.core.sharing.SharingService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Suspends every active agreement an organisation receives data under and drops its live sessions:
 * nothing more is released to it, what waits in its outbox is withheld at delivery, and its
 * commands are refused. Reversing
 * resumes exactly the agreements this action suspended (named in its timeline detail), not ones
 * the operator had suspended for other reasons.
 */
public final class SuspendOrganisation implements ResponseAction {
    private static final String PREFIX = "agreements suspended:";

    private final SharingService sharing;
    private final OrganisationStore organisations;
    private final PartnerSessions sessions;
    private final Principal hub;

    public SuspendOrganisation(SharingService sharing, OrganisationStore organisations, PartnerSessions sessions,
            Principal hub) {
        this.sharing = sharing;
        this.organisations = organisations;
        this.sessions = sessions;
        this.hub = hub;
    }

    @Override
    public String name() {
        return IncidentActions.SUSPEND_ORGANISATION;
    }

    @Override
    public String take(Incident incident, String organisationId) {
        if (organisations.find(organisationId).isEmpty()) {
            throw NotFoundException.of("organisation", organisationId);
        }
        List<String> suspended = new ArrayList<>();
        for (Agreement agreement : sharing.list(hub)) {
            if (agreement.recipientId().equals(organisationId) && agreement.state() == AgreementState.ACTIVE) {
                sharing.changeState(hub, agreement.id(), AgreementState.SUSPENDED);
                suspended.add(agreement.id());
            }
        }
        int dropped = sessions.disconnect(organisationId);
        return (suspended.isEmpty() ? "no active agreements to suspend" : PREFIX + " " + String.join(" ", suspended))
                + "; " + dropped + " live session(s) dropped";
    }

    @Override
    public String reverse(String organisationId, String takenDetail) {
        List<String> resumed = new ArrayList<>();
        for (String agreementId : suspendedBy(takenDetail)) {
            Agreement agreement;
            try {
                agreement = sharing.get(hub, agreementId);
            } catch (NotFoundException gone) {
                continue;
            }
            if (agreement.state() == AgreementState.SUSPENDED) {
                sharing.changeState(hub, agreementId, AgreementState.ACTIVE);
                resumed.add(agreementId);
            }
        }
        return "agreements resumed:" + (resumed.isEmpty() ? " none" : " " + String.join(" ", resumed));
    }

    /** The agreement ids in a detail this action wrote; text after a ';' is the operator's reason. */
    private static List<String> suspendedBy(String takenDetail) {
        int start = takenDetail.indexOf(PREFIX);
        if (start < 0) {
            return List.of();
        }
        String ids = takenDetail.substring(start + PREFIX.length());
        int end = ids.indexOf(';');
        ids = end < 0 ? ids : ids.substring(0, end);
        return Arrays.stream(ids.strip().split("\\s+")).filter(id -> !id.isEmpty()).toList();
    }
}
