package io.pactum.core.evidence;

import static io.pactum.core.evidence.EvidenceFixtures.YEAR;
import static io.pactum.core.evidence.EvidenceFixtures.agreement;
import static io.pactum.core.evidence.EvidenceFixtures.at;
import static io.pactum.core.evidence.EvidenceFixtures.glucoseMeter;
import static io.pactum.core.evidence.EvidenceFixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.evidence.RecordOfProcessing.ErasureTimeLimit;
import io.pactum.core.evidence.RecordOfProcessing.ProcessingPurpose;
import io.pactum.core.evidence.RecordOfProcessing.RecipientCategory;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.registry.ApprovalState;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.Product;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.AgreementState;
import io.pactum.core.sharing.LegalBasis;
import io.pactum.core.sharing.Purpose;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordOfProcessingDerivationTest {
    private static final Instant START = at("2025-09-01T00:00:00Z");
    private final Product meter = glucoseMeter("p1", "acme", ApprovalState.APPROVED, START);
    private final Product spare = glucoseMeter("p2", "acme", ApprovalState.APPROVED, START);
    private final RecordOfProcessingDerivation.Facts facts = new RecordOfProcessingDerivation.Facts(
            List.of(organisation("op", "Care Operator", OrganisationRole.OPERATOR),
                    organisation("acme", "Acme Health", OrganisationRole.SUPPLIER),
                    organisation("clinic", "City Clinic", OrganisationRole.PARTNER),
                    organisation("insight", "Insight Analytics", OrganisationRole.PARTNER)),
            List.of(meter, spare), Set.of("p1"), group -> "ward".equals(group) ? Set.of("p2") : Set.of());

    @Test
    void controller_isTheOperator_andItsContactPointIsNotConfiguredUnlessGiven() {
        RecordOfProcessing unset = RecordOfProcessingDerivation.derive(YEAR, null, facts, List.of());
        assertThat(unset.controller().name()).isEqualTo("Care Operator");
        assertThat(unset.controller().contactPoint()).isEqualTo(RecordOfProcessing.NOT_CONFIGURED);

        RecordOfProcessing set = RecordOfProcessingDerivation.derive(YEAR, "dpo@example.org", facts, List.of());
        assertThat(set.controller().contactPoint()).isEqualTo("dpo@example.org");
        assertThat(set.thirdCountryTransfers()).isEqualTo("none recorded by the hub");
        assertThat(set.securityMeasures()).anyMatch(m -> m.startsWith("tamper-evident ledger"))
                .anyMatch(m -> m.startsWith("pseudonymisation")).anyMatch(m -> m.startsWith("encryption of secrets"));
    }

    @Test
    void purposesRecipientsAndCategories_comeFromTheAgreementsAndTheFieldsTheyRelease() {
        Agreement care = agreement("a-care", "clinic", Set.of("p1"), Set.of(),
                Map.of("glucose", FieldTransform.KEEP, "battery", FieldTransform.KEEP, "latitude", FieldTransform.DROP),
                Purpose.HEALTHCARE, LegalBasis.CONSENT, START, null, AgreementState.ACTIVE, START, START);
        Agreement analytics = agreement("a-analytics", "insight", Set.of(), Set.of("ward"),
                Map.of("latitude", FieldTransform.coarsenLocation(0.1)),
                Purpose.PRODUCT_IMPROVEMENT, LegalBasis.LEGITIMATE_INTEREST, START, null, AgreementState.ACTIVE,
                START, START);

        RecordOfProcessing onlyCare = RecordOfProcessingDerivation.derive(YEAR, null, facts, List.of(care));
        assertThat(onlyCare.personalDataCategories()).as("latitude is dropped, so location is not released")
                .containsExactly("health");
        assertThat(onlyCare.otherDataCategories()).containsExactly("technical");

        RecordOfProcessing record = RecordOfProcessingDerivation.derive(YEAR, null, facts, List.of(care, analytics));
        assertThat(record.purposes()).containsExactly(
                new ProcessingPurpose("healthcare", Purpose.HEALTHCARE.dpvConcept(), "consent", List.of("a-care")),
                new ProcessingPurpose("product_improvement", Purpose.PRODUCT_IMPROVEMENT.dpvConcept(),
                        "legitimate_interest", List.of("a-analytics")));
        assertThat(record.recipients()).containsExactly(
                new RecipientCategory("clinic", "City Clinic", "partner", List.of("healthcare")),
                new RecipientCategory("insight", "Insight Analytics", "partner", List.of("product_improvement")));
        assertThat(record.personalDataCategories()).as("the group's product releases latitude")
                .containsExactly("health", "location");
        assertThat(record.dataSubjectCategories())
                .containsExactly("users of devices of product Glucose One (firmware 1.0) supplied by Acme Health");
        assertThat(record.erasureTimeLimits()).containsExactly(
                new ErasureTimeLimit("p1", "Glucose One (firmware 1.0)", 90),
                new ErasureTimeLimit("p2", "Glucose One (firmware 1.0)", 90));
    }

    @Test
    void withNoOperatorRegistered_theControllerSaysSo() {
        RecordOfProcessing record = RecordOfProcessingDerivation.derive(YEAR, null,
                new RecordOfProcessingDerivation.Facts(List.of(), List.of(), Set.of(), g -> Set.of()), List.of());
        assertThat(record.controller().name()).isEqualTo(RecordOfProcessing.NOT_CONFIGURED);
        assertThat(record.purposes()).isEmpty();
        assertThat(record.recipients()).isEmpty();
    }
}
