package io.pactum.server.respond;

import io.pactum.core.incident.Incident;
import io.pactum.core.incident.IncidentActions;
import io.pactum.core.incident.ResponseAction;
import io.pactum.core.security.Principal;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.AgreementState;
import io.pactum.core.sharing.SharingService;

/** Suspends one agreement: nothing more is released under it, and what waits is withheld. */
public final class SuspendAgreement implements ResponseAction {
    private final SharingService sharing;
    private final Principal hub;

    public SuspendAgreement(SharingService sharing, Principal hub) {
        this.sharing = sharing;
        this.hub = hub;
    }

    @Override
    public String name() {
        return IncidentActions.SUSPEND_AGREEMENT;
    }

    @Override
    public String take(Incident incident, String agreementId) {
        Agreement agreement = sharing.get(hub, agreementId);
        if (agreement.state() != AgreementState.ACTIVE) {
            return "agreement already " + agreement.state().name().toLowerCase(java.util.Locale.ROOT);
        }
        sharing.changeState(hub, agreementId, AgreementState.SUSPENDED);
        return "agreement suspended";
    }

    @Override
    public boolean inEffect(String agreementId) {
        return sharing.get(hub, agreementId).state() != AgreementState.ACTIVE;
    }

    /** Resumes only a suspension this incident made. */
    @Override
    public String reverse(String agreementId, String takenDetail) {
        if (takenDetail.startsWith("agreement already")) {
            return "left as it is: this incident found the agreement not active";
        }
        if (sharing.get(hub, agreementId).state() != AgreementState.SUSPENDED) {
            return "agreement is no longer suspended; left as it is";
        }
        sharing.changeState(hub, agreementId, AgreementState.ACTIVE);
        return "agreement active again";
    }
}
