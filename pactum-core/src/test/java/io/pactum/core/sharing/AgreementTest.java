package io.pactum.core.sharing;

import static io.pactum.core.sharing.Sharing.T0;
import static io.pactum.core.sharing.Sharing.agreement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.privacy.FieldTransform;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class AgreementTest {
    private static void rejects(String field, ThrowingCallable creation) {
        assertThatThrownBy(creation).isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", field);
    }

    private static NewAgreement request(Set<String> products, Set<String> groups, Map<String, FieldTransform> fields,
            int rate, ChronoUnit resolution, List<CommandGrant> commands) {
        return new NewAgreement("org-care", products, groups, fields, Purpose.HEALTHCARE, LegalBasis.CONSENT, null,
                null, rate, resolution, commands);
    }

    @Test
    void newAgreement_withoutScope_isRejectedOnProductIds() {
        rejects("productIds", () -> request(Set.of(), Set.of(), Map.of("glucose", FieldTransform.KEEP), 10, null, List.of()));
    }

    @Test
    void newAgreement_withNeitherFieldsNorCommands_isRejectedOnFields() {
        rejects("fields", () -> request(Set.of("p1"), Set.of(), Map.of(), 10, null, List.of()));
    }

    @Test
    void newAgreement_withBadFieldName_rateOrResolution_namesTheField() {
        rejects("fields", () -> request(Set.of("p1"), Set.of(), Map.of("no such", FieldTransform.KEEP), 10, null, List.of()));
        rejects("rateLimitPerMinute", () -> request(Set.of("p1"), Set.of(), Map.of("a", FieldTransform.KEEP), 0, null, List.of()));
        rejects("timeResolution", () -> request(Set.of("p1"), Set.of(), Map.of("a", FieldTransform.KEEP), 1,
                ChronoUnit.SECONDS, List.of()));
        rejects("commands[1].command", () -> request(Set.of("p1"), Set.of(), Map.of(), 1, null,
                List.of(CommandGrant.toAllInScope("reboot"), CommandGrant.toAllInScope("reboot"))));
        rejects("deviceGroupIds", () -> request(Set.of(), Set.of("bad/group"), Map.of("a", FieldTransform.KEEP), 1, null, List.of()));
    }

    @Test
    void newAgreement_toAgreement_startsActiveAtCreation() {
        Agreement a = request(Set.of(), Set.of("g1"), Map.of(), 5, ChronoUnit.DAYS,
                List.of(CommandGrant.toAllInScope("reboot"))).toAgreement("agr-9", T0);

        assertThat(a.state()).isEqualTo(AgreementState.ACTIVE);
        assertThat(a.validFrom()).isEqualTo(T0);
        assertThat(a.isInForceAt(T0)).isTrue();
        assertThat(a.isInForceAt(T0.minusNanos(1))).isFalse();
    }

    @Test
    void agreement_validUntilNotAfterValidFrom_isRejectedOnValidUntil() {
        rejects("validUntil", () -> Sharing.validity(agreement("agr-1"), T0, T0));
    }

    @Test
    void revokedAgreement_cannotBecomeActiveAgain() {
        Agreement revoked = agreement("agr-1").withState(AgreementState.REVOKED, T0);

        assertThatThrownBy(() -> revoked.withState(AgreementState.ACTIVE, T0))
                .isInstanceOfSatisfying(io.pactum.core.error.ConflictException.class,
                        e -> assertThat(e.field()).contains("state"));
        assertThat(agreement("agr-1").withState(AgreementState.SUSPENDED, T0).withState(AgreementState.ACTIVE, T0)
                .state()).isEqualTo(AgreementState.ACTIVE);
    }

    @Test
    void consentReceipt_forAnotherLegalBasis_isRejected() {
        rejects("legalBasis", () -> new ConsentReceipt("cr-1", ConsentReceipt.VERSION, T0, "s1", "org-op", "org-care",
                Purpose.HEALTHCARE, LegalBasis.CONTRACT, ConsentAction.GIVEN, "api", "client"));
    }

    @Test
    void purposes_nameTheirDpvConcepts() {
        assertThat(Purpose.values()).allSatisfy(p -> assertThat(p.dpvConcept()).startsWith("https://w3id.org/dpv"));
        assertThat(Purpose.MARKETING.dpvConcept()).isEqualTo("https://w3id.org/dpv#Marketing");
        assertThat(DecisionReason.CONSENT_WITHDRAWN.code()).isEqualTo("consent-withdrawn");
    }
}
