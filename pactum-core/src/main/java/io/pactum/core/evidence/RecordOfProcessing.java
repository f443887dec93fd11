package io.pactum.core.evidence;

import java.util.List;
import java.util.Objects;

/**
 * The record of processing activities of GDPR Art. 30(1) for the hub's processing during a period,
 * derived from what the hub knows (see {@link RecordOfProcessingDerivation}):
 * <ul>
 *   <li>(a) {@code controller}: the operator organisation and its contact point;
 *   <li>(b) {@code purposes}: the purposes of the agreements in force, each with its legal basis;
 *   <li>(c) {@code dataSubjectCategories} and {@code personalDataCategories} (with
 *       {@code otherDataCategories}, the non-personal ones, for completeness);
 *   <li>(d) {@code recipients}: the organisations that received data under an agreement;
 *   <li>(e) {@code thirdCountryTransfers};
 *   <li>(f) {@code erasureTimeLimits}: the retention of each product's records;
 *   <li>(g) {@code securityMeasures}: the technical and organisational measures of the hub.
 * </ul>
 */
public record RecordOfProcessing(
        EvidencePeriod period,
        Controller controller,
        List<ProcessingPurpose> purposes,
        List<String> dataSubjectCategories,
        List<String> personalDataCategories,
        List<String> otherDataCategories,
        List<RecipientCategory> recipients,
        String thirdCountryTransfers,
        List<ErasureTimeLimit> erasureTimeLimits,
        List<String> securityMeasures) {

    /** Written where a contact point or the operator is unknown. */
    public static final String NOT_CONFIGURED = "not configured";
    /** The hub delivers to the endpoints its partners name and does not know where they are. */
    public static final String NO_TRANSFERS = "none recorded by the hub";
    public static final List<String> SECURITY_MEASURES = List.of(
            "integrity protection: device messages are authenticated (COSE Sign1/Mac0) and checked against replay",
            "pseudonymisation: recipients see keyed pseudonyms of data subjects, different for each recipient",
            "least-privilege agreements: only the fields an agreement names leave the hub, each with its"
                    + " transform, for a stated purpose, legal basis and period, within a rate limit",
            "tamper-evident ledger: every release, denial and change is appended to a Merkle-tree log"
                    + " with signed checkpoints, verifiable offline with the public key",
            "personal details in the ledger are sealed under per-subject keys, so erasing a key erases them",
            "encryption of secrets at rest: device keys and other secrets are sealed under the master key",
            "records are deleted when their product's retention period ends");

    public RecordOfProcessing {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(controller, "controller");
        purposes = List.copyOf(purposes);
        dataSubjectCategories = List.copyOf(dataSubjectCategories);
        personalDataCategories = List.copyOf(personalDataCategories);
        otherDataCategories = List.copyOf(otherDataCategories);
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(thirdCountryTransfers, "thirdCountryTransfers");
        erasureTimeLimits = List.copyOf(erasureTimeLimits);
        securityMeasures = List.copyOf(securityMeasures);
    }

    /** Art. 30(1)(a): the controller, i.e. the operator organisation. */
    public record Controller(String organisationId, String name, String contactPoint) {}

    /** Art. 30(1)(b): one purpose on one legal basis, and the agreements that state it. */
    public record ProcessingPurpose(String purpose, String dpvConcept, String legalBasis, List<String> agreementIds) {
        public ProcessingPurpose {
            agreementIds = List.copyOf(agreementIds);
        }
    }

    /** Art. 30(1)(d): a recipient organisation, its role and the purposes it receives data for. */
    public record RecipientCategory(String organisationId, String name, String role, List<String> purposes) {
        public RecipientCategory {
            purposes = List.copyOf(purposes);
        }
    }

    /** Art. 30(1)(f): how long a product's records are kept before the hub deletes them. */
    public record ErasureTimeLimit(String productId, String product, int retentionDays) {}
}
