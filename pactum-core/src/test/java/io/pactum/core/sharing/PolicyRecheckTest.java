package io.pactum.core.sharing;

import static io.pactum.core.sharing.Sharing.SUBJECT;
import static io.pactum.core.sharing.Sharing.T0;
import static io.pactum.core.sharing.Sharing.agreement;
import static io.pactum.core.sharing.Sharing.basis;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What was released but not yet delivered is re-checked: later changes stop it too. */
class PolicyRecheckTest {
    private final ConsentLedger consents = new ConsentLedger();
    private final PolicyDecisionPoint pdp = new PolicyDecisionPoint(consents);

    @Test
    void anActiveAgreementStillAllowsDelivery() {
        pdp.recompile(List.of(agreement("agr-1")), Map.of());
        assertThat(pdp.recheck("agr-1", SUBJECT, T0).reason()).isEqualTo(DecisionReason.ALLOWED);
    }

    @Test
    void revocationSuspensionAndExpiryStopWhatIsWaiting() {
        pdp.recompile(List.of(Sharing.with(agreement("agr-1"), AgreementState.REVOKED)), Map.of());
        assertThat(pdp.recheck("agr-1", SUBJECT, T0).reason()).isEqualTo(DecisionReason.REVOKED);

        pdp.recompile(List.of(Sharing.with(agreement("agr-1"), AgreementState.SUSPENDED)), Map.of());
        assertThat(pdp.recheck("agr-1", SUBJECT, T0).reason()).isEqualTo(DecisionReason.SUSPENDED);

        pdp.recompile(List.of(Sharing.validity(agreement("agr-1"), T0.minus(Duration.ofDays(2)), T0)), Map.of());
        assertThat(pdp.recheck("agr-1", SUBJECT, T0).reason()).isEqualTo(DecisionReason.EXPIRED);
    }

    @Test
    void anAgreementThatIsGoneAllowsNothing() {
        pdp.recompile(List.of(agreement("agr-1")), Map.of());
        assertThat(pdp.recheck("agr-2", SUBJECT, T0).reason()).isEqualTo(DecisionReason.NO_AGREEMENT);
    }

    @Test
    void withdrawnConsentStopsWhatIsWaitingAndGivingItAgainRestoresIt() {
        pdp.recompile(List.of(basis(agreement("agr-1"), LegalBasis.CONSENT)), Map.of());
        consents.apply(Sharing.consent("cr-1", ConsentAction.GIVEN, T0.minusSeconds(10)));
        assertThat(pdp.recheck("agr-1", SUBJECT, T0).consentReceiptId()).isEqualTo("cr-1");

        consents.apply(Sharing.consent("cr-2", ConsentAction.WITHDRAWN, T0.minusSeconds(5)));
        Decision withdrawn = pdp.recheck("agr-1", SUBJECT, T0);
        assertThat(withdrawn.reason()).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
        assertThat(withdrawn.consentReceiptId()).isEqualTo("cr-2");

        consents.apply(Sharing.consent("cr-3", ConsentAction.GIVEN, T0.minusSeconds(1)));
        assertThat(pdp.recheck("agr-1", SUBJECT, T0).reason()).isEqualTo(DecisionReason.ALLOWED);
    }

    @Test
    void theRateLimitIsNotChargedAgain() {
        pdp.recompile(List.of(Sharing.rate(agreement("agr-1"), 1)), Map.of());
        assertThat(pdp.decide(Sharing.CARE, Sharing.reading(SUBJECT), Purpose.HEALTHCARE, T0).allowed()).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(pdp.recheck("agr-1", SUBJECT, T0).allowed()).isTrue();
        }
    }

    @Test
    void agreementsOfARecipientAreListed() {
        pdp.recompile(List.of(agreement("agr-2"), agreement("agr-1")), Map.of());
        assertThat(pdp.agreementsOf(Sharing.CARE)).extracting(Agreement::id).containsExactly("agr-1", "agr-2");
        assertThat(pdp.agreementsOf("org-nobody")).isEmpty();
        assertThat(pdp.agreement("agr-2")).isPresent();
    }
}
