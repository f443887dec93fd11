package io.pactum.core.incident.breach;

import io.pactum.core.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A draft of the notification of a personal data breach to the supervisory authority, GDPR Art. 33,
 * for the operator to review, complete and send. It carries every element of Art. 33(3):
 * <ul>
 *   <li>(a) {@link #nature}: what happened, the categories and approximate number of data subjects and
 *       of personal data records concerned;
 *   <li>(b) {@link #contactPoint}: the data protection officer or other contact point;
 *   <li>(c) {@link #likelyConsequences};
 *   <li>(d) {@link #measuresTaken} and {@link #measuresProposed};
 * </ul>
 * and, for Art. 33(1), when the breach became known, the deadline 72 hours later, and whether the
 * draft is prepared after it, in which case {@link #reasonsForDelay} must be given. Items the hub
 * cannot know are written as {@value #TO_BE_FILLED_IN}… placeholders and listed in {@link #missing}.
 * No data subject is named: the authority is told categories and numbers.
 *
 * @param preparedAt    when the draft was made: the {@code now} against which {@link #overdue} is judged
 * @param becameAwareAt when the breach became known: the incident's detection
 * @param reasonsForDelay a placeholder for the reasons of the delay when overdue, else null
 * @param missing       what the operator must fill in before sending; empty when nothing is
 */
public record Art33Notification(
        String incidentId,
        Instant preparedAt,
        Instant becameAwareAt,
        Instant deadline,
        boolean overdue,
        @Nullable String reasonsForDelay,
        Nature nature,
        String contactPoint,
        List<String> likelyConsequences,
        List<MeasureTaken> measuresTaken,
        List<String> measuresProposed,
        RiskLevel riskLevel,
        List<String> riskReasons,
        List<String> missing) {

    /** Art. 33(1): without undue delay and, where feasible, not later than 72 hours after becoming aware. */
    public static final Duration DEADLINE_AFTER_AWARENESS = Duration.ofHours(72);
    /** Starts every placeholder the operator must replace. */
    public static final String TO_BE_FILLED_IN = "TO BE FILLED IN: ";

    public Art33Notification {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(preparedAt, "preparedAt");
        Objects.requireNonNull(becameAwareAt, "becameAwareAt");
        Objects.requireNonNull(deadline, "deadline");
        if (overdue != (reasonsForDelay != null)) {
            throw new IllegalArgumentException("reasons for delay are asked exactly when the draft is overdue");
        }
        Objects.requireNonNull(nature, "nature");
        Objects.requireNonNull(contactPoint, "contactPoint");
        likelyConsequences = List.copyOf(likelyConsequences);
        measuresTaken = List.copyOf(measuresTaken);
        measuresProposed = List.copyOf(measuresProposed);
        Objects.requireNonNull(riskLevel, "riskLevel");
        riskReasons = List.copyOf(riskReasons);
        missing = List.copyOf(missing);
    }

    /**
     * Art. 33(3)(a): the nature of the breach.
     *
     * @param description            what happened, in a few sentences
     * @param dataSubjectCategories  e.g. "users of devices of product Glucose One (firmware 1.0)"
     * @param approximateDataSubjects subjects the hub names plus those erased since
     * @param dataSubjectsNote       how that number was reached and what it leaves out
     * @param personalDataCategories categories of the personal data released (wire names), with "unknown"
     *                               if some records' categories cannot be determined
     * @param approximateRecords     records released within the scope
     * @param recipients             the recipient organisations, each with the records it received
     * @param devicesInvolved        how many devices are involved
     */
    public record Nature(
            String description,
            String detector,
            Severity severity,
            BreachWindow window,
            List<String> dataSubjectCategories,
            long approximateDataSubjects,
            String dataSubjectsNote,
            List<String> personalDataCategories,
            long approximateRecords,
            List<String> recipients,
            int devicesInvolved) {
        public Nature {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(detector, "detector");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(window, "window");
            dataSubjectCategories = List.copyOf(dataSubjectCategories);
            Objects.requireNonNull(dataSubjectsNote, "dataSubjectsNote");
            personalDataCategories = List.copyOf(personalDataCategories);
            recipients = List.copyOf(recipients);
        }
    }

    /** The JSON document of the draft. */
    public String toJson() {
        return BreachJson.text(BreachJson.art33(this));
    }

    /** The draft as Markdown, to paste into the authority's form or a letter. */
    public String toMarkdown() {
        return BreachText.art33(this);
    }
}
