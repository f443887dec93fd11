package io.pactum.core.sharing;

import static io.pactum.core.sharing.Sharing.CARE;
import static io.pactum.core.sharing.Sharing.DEVICE;
import static io.pactum.core.sharing.Sharing.PRODUCT;
import static io.pactum.core.sharing.Sharing.SUBJECT;
import static io.pactum.core.sharing.Sharing.T0;
import static io.pactum.core.sharing.Sharing.agreement;
import static io.pactum.core.sharing.Sharing.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.registry.DeviceGroup;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyDecisionPointTest {
    private final ConsentLedger consents = new ConsentLedger();
    private final PolicyDecisionPoint pdp = new PolicyDecisionPoint(consents);

    private static Agreement byGroup(String id, String group) {
        return new Agreement(id, "org-research", Set.of(), Set.of(group), Map.of("glucose", FieldTransform.round(1)),
                Purpose.RESEARCH, LegalBasis.LEGITIMATE_INTEREST, T0.minusSeconds(3600), null, 10, ChronoUnit.HOURS,
                List.of(CommandGrant.toAllInScope("ping")), AgreementState.ACTIVE, T0.minusSeconds(7200),
                T0.minusSeconds(7200));
    }

    @Test
    void release_afterAgreementRevokedAndRecompiled_isDeniedOnTheNextDecision() {
        Agreement active = agreement("agr-1");
        pdp.recompile(List.of(active), Map.of());
        assertThat(pdp.releases(reading(SUBJECT), T0)).extracting(Release::agreementId).containsExactly("agr-1");

        pdp.recompile(List.of(active.withState(AgreementState.REVOKED, T0)), Map.of());

        assertThat(pdp.releases(reading(SUBJECT), T0)).isEmpty();
        assertThat(pdp.evaluate(reading(SUBJECT), T0)).singleElement()
                .satisfies(r -> assertThat(r.decision().reason()).isEqualTo(DecisionReason.REVOKED))
                .satisfies(r -> assertThat(r.fields()).isEmpty());
        assertThat(pdp.decideCommand(CARE, new CommandTarget(DEVICE, PRODUCT, null, true), "calibrate", T0).reason())
                .isEqualTo(DecisionReason.REVOKED);
    }

    @Test
    void release_whenAgreementExpiresBetweenMessages_stopsWithoutRecompile() {
        Agreement a = Sharing.validity(agreement("agr-1"), T0.minusSeconds(60), T0.plusSeconds(1));
        pdp.recompile(List.of(a), Map.of());

        assertThat(pdp.releases(reading(SUBJECT), T0)).hasSize(1);
        assertThat(pdp.releases(reading(SUBJECT), T0.plusSeconds(1))).isEmpty();
    }

    @Test
    void release_keepsOnlyNamedFieldsWithTheirTransforms_andLeavesDroppedFieldsOut() {
        Agreement a = agreement("agr-1");
        Agreement withDrop = new Agreement("agr-2", CARE, Set.of(PRODUCT), Set.of(),
                Map.of("glucose", FieldTransform.KEEP, "latitude", FieldTransform.DROP), Purpose.HEALTHCARE,
                LegalBasis.CONTRACT, a.validFrom(), null, 10, null, List.of(), AgreementState.ACTIVE, a.createdAt(),
                a.updatedAt());
        pdp.recompile(List.of(a, withDrop), Map.of());

        List<Release> releases = pdp.releases(reading(SUBJECT), T0);

        assertThat(releases).extracting(Release::agreementId).containsExactly("agr-1", "agr-2");
        assertThat(releases.get(0).fields()).extracting(ReleasedField::name).containsExactly("glucose", "battery");
        assertThat(releases.get(0).fields().get(1).transform()).isEqualTo(FieldTransform.round(5));
        assertThat(releases.get(1).fields()).extracting(ReleasedField::name).containsExactly("glucose");
        assertThat(pdp.decideField(CARE, reading(SUBJECT), Purpose.HEALTHCARE, "latitude", T0).reason())
                .isEqualTo(DecisionReason.FIELD_OUT_OF_SCOPE);
    }

    @Test
    void groupScope_followsMembership_andTruncatesTimeToTheAgreementsResolution() {
        DeviceGroup group = new DeviceGroup("grp-1", "org-owner", "Study", Set.of(DEVICE), T0);
        pdp.recompileWithGroups(List.of(byGroup("agr-g", "grp-1")), List.of(group));

        List<Release> releases = pdp.releases(reading(SUBJECT), T0);
        assertThat(releases).singleElement().satisfies(r -> {
            assertThat(r.recipientId()).isEqualTo("org-research");
            assertThat(r.purpose()).isEqualTo(Purpose.RESEARCH);
            assertThat(r.time()).isEqualTo(Instant.parse("2025-03-01T09:00:00Z"));
        });
        assertThat(pdp.decideCommand("org-research", new CommandTarget(DEVICE, PRODUCT, null, true), "ping", T0)
                .allowed()).isTrue();

        pdp.recompileWithGroups(List.of(byGroup("agr-g", "grp-1")), List.of(group.withMembers(Set.of("other-1"))));

        assertThat(pdp.releases(reading(SUBJECT), T0)).isEmpty();
        assertThat(pdp.decide("org-research", reading(SUBJECT), Purpose.RESEARCH, T0).reason())
                .isEqualTo(DecisionReason.NO_AGREEMENT);
    }

    @Test
    void commandGrant_neverReachesBeyondTheAgreementsScope() {
        Agreement a = agreement("agr-1");
        Agreement grantsOutside = new Agreement("agr-1", CARE, Set.of(PRODUCT), Set.of(), a.fields(), a.purpose(),
                a.legalBasis(), a.validFrom(), null, 10, null,
                List.of(new CommandGrant("calibrate", Set.of("scale-1"), Set.of())), AgreementState.ACTIVE,
                a.createdAt(), a.updatedAt());
        pdp.recompile(List.of(grantsOutside), Map.of());

        Decision decision = pdp.decideCommand(CARE, new CommandTarget("scale-1", "prod-scale", null, true), "calibrate", T0);

        assertThat(decision.reason()).isEqualTo(DecisionReason.NO_AGREEMENT);
    }

    @Test
    void recompile_keepsTheRateLimitBucketOfAnUnchangedAgreement() {
        Agreement a = Sharing.rate(agreement("agr-1"), 1);
        pdp.recompile(List.of(a), Map.of());
        assertThat(pdp.decide(CARE, reading(SUBJECT), Purpose.HEALTHCARE, T0).allowed()).isTrue();

        pdp.recompile(List.of(a), Map.of());

        assertThat(pdp.decide(CARE, reading(SUBJECT), Purpose.HEALTHCARE, T0).reason())
                .isEqualTo(DecisionReason.RATE_LIMITED);
    }

    @Test
    void recompile_withTheSameAgreementIdTwice_isRefusedAndKeepsTheOldIndex() {
        pdp.recompile(List.of(agreement("agr-1")), Map.of());

        assertThatThrownBy(() -> pdp.recompile(List.of(agreement("agr-2"), agreement("agr-2")), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(pdp.releases(reading(SUBJECT), T0)).extracting(Release::agreementId).containsExactly("agr-1");
    }

    @Test
    void decisions_duringConcurrentRecompiles_seeEitherTheOldOrTheNewAgreements() throws Exception {
        Agreement one = agreement("agr-1");
        Agreement two = Sharing.purpose(agreement("agr-2"), Purpose.MAINTENANCE);
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 2_000; i++) {
                pdp.recompile(i % 2 == 0 ? List.of(one) : List.of(one, two), Map.of());
            }
        });
        pdp.recompile(List.of(one), Map.of());
        writer.start();
        for (int i = 0; i < 2_000; i++) {
            List<Release> outcomes = pdp.evaluate(reading(SUBJECT), T0.plusSeconds(i * 60L));
            assertThat(outcomes).extracting(Release::agreementId).isIn(List.of("agr-1"), List.of("agr-1", "agr-2"));
        }
        writer.join();
    }
}
