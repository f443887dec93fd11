package io.pactum.core.incident.breach;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A draft of the communication of a personal data breach to the data subjects, GDPR Art. 34, for
 * the operator to review and send through its own channels (the hub knows subjects only by id).
 * Required when the risk is high ({@link BreachRisk}); then it says in clear and plain language what
 * Art. 34(2) asks: the nature of the breach, the contact point, the likely consequences, and the
 * measures taken and proposed. When it is not required, {@link #reason} says why and the rest is empty.
 *
 * @param reason          why it is or is not required
 * @param subjectIds      the data subjects it is for (sorted): personal data, never log it
 * @param erasedSubjects  further subjects at risk whose data was erased since, whom the hub cannot name
 * @param missing         what the operator must fill in before sending
 */
public record Art34Communication(
        String incidentId,
        Instant preparedAt,
        boolean required,
        String reason,
        Set<String> subjectIds,
        long erasedSubjects,
        String nature,
        String contactPoint,
        List<String> likelyConsequences,
        List<MeasureTaken> measuresTaken,
        List<String> measuresProposed,
        List<String> missing) {

    public Art34Communication {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(preparedAt, "preparedAt");
        Objects.requireNonNull(reason, "reason");
        subjectIds = RecipientExposure.sorted(subjectIds);
        Objects.requireNonNull(nature, "nature");
        Objects.requireNonNull(contactPoint, "contactPoint");
        likelyConsequences = List.copyOf(likelyConsequences);
        measuresTaken = List.copyOf(measuresTaken);
        measuresProposed = List.copyOf(measuresProposed);
        missing = List.copyOf(missing);
        if (!required && !(subjectIds.isEmpty() && nature.isEmpty() && likelyConsequences.isEmpty())) {
            throw new IllegalArgumentException("a communication that is not required says only why");
        }
    }

    /** The communication that is not required, and why. */
    static Art34Communication notRequired(String incidentId, Instant preparedAt, String reason) {
        return new Art34Communication(incidentId, preparedAt, false, reason, Set.of(), 0, "", "", List.of(),
                List.of(), List.of(), List.of());
    }

    /** The JSON document of the draft (subject ids included). */
    public String toJson() {
        return BreachJson.text(BreachJson.art34(this));
    }

    /** The draft as Markdown: the message to the subjects, then whom it is for. */
    public String toMarkdown() {
        return BreachText.art34(this);
    }
}
