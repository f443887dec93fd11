package io.pactum.core.incident.breach;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.incident.Incident;
import io.pactum.core.incident.TimelineEntry;
import io.pactum.core.registry.DataCategory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Drafts the GDPR Art. 33 notification and Art. 34 communication of a breach from its
 * {@link BreachAssessment}, the incident and its timeline (whose standing actions are the measures
 * taken). The contact point is the operator's configured one; without it the drafts say it must be
 * filled in.
 */
public final class BreachDrafts {
    private static final String CONTACT_MISSING = Art33Notification.TO_BE_FILLED_IN
            + "name and contact details of the data protection officer or other contact point (Art. 33(3)(b))";
    private static final String DELAY_MISSING = Art33Notification.TO_BE_FILLED_IN
            + "the reasons for notifying later than 72 hours after becoming aware (Art. 33(1))";

    private final @Nullable String contactPoint;

    /**
     * {@code contactPoint}: whom the authority and the subjects may contact, e.g. "DPO, dpo@example.com,
     * +49 ..."; null if the operator has not configured one.
     */
    public BreachDrafts(@Nullable String contactPoint) {
        this.contactPoint = contactPoint == null || contactPoint.isBlank() ? null : contactPoint.strip();
    }

    /** The Art. 33 draft as of {@code now}, which decides whether it is overdue. */
    public Art33Notification art33(BreachAssessment assessment, Incident incident, List<TimelineEntry> timeline,
            Instant now) {
        check(assessment, incident, timeline, now);
        BreachRisk risk = BreachRisk.of(assessment, incident);
        Instant deadline = incident.detectedAt().plus(Art33Notification.DEADLINE_AFTER_AWARENESS);
        boolean overdue = now.isAfter(deadline);
        List<String> missing = new ArrayList<>();
        if (contactPoint == null) {
            missing.add("contactPoint");
        }
        if (overdue) {
            missing.add("reasonsForDelay");
        }
        return new Art33Notification(incident.id(), now, incident.detectedAt(), deadline, overdue,
                overdue ? DELAY_MISSING : null, BreachNature.of(assessment, incident), contact(),
                consequences(assessment, incident), MeasureTaken.standing(timeline, incident.dataSubjectIds()),
                proposed(assessment, incident, risk.isHigh()), risk.level(), risk.reasons(), missing);
    }

    /** The Art. 34 draft: required, and addressed to the subjects at high risk, exactly when the risk is high. */
    public Art34Communication art34(BreachAssessment assessment, Incident incident, List<TimelineEntry> timeline,
            Instant now) {
        check(assessment, incident, timeline, now);
        BreachRisk risk = BreachRisk.of(assessment, incident);
        if (!risk.isHigh()) {
            return Art34Communication.notRequired(incident.id(), now, String.join(" ", risk.reasons())
                    + " No communication to the data subjects is required (Art. 34(1) asks for one only when"
                    + " the breach is likely to result in a high risk).");
        }
        List<String> missing = contactPoint == null ? List.of("contactPoint") : List.of();
        return new Art34Communication(incident.id(), now, true, String.join(" ", risk.reasons()),
                risk.subjectsAtHighRisk(), assessment.erasedSubjects(), BreachNature.plain(assessment, incident),
                contact(), consequences(assessment, incident),
                MeasureTaken.standing(timeline, incident.dataSubjectIds()), proposed(assessment, incident, false),
                missing);
    }

    private String contact() {
        return contactPoint != null ? contactPoint : CONTACT_MISSING;
    }

    private static List<String> consequences(BreachAssessment assessment, Incident incident) {
        List<String> consequences = new ArrayList<>();
        consequences.add(DetectorGuidance.of(incident.detector()).consequence());
        for (DataCategory category : assessment.personalCategories()) {
            consequences.add(SensitiveCategories.consequence(category));
        }
        if (assessment.records().unknownCategory() > 0) {
            consequences.add("The kind of data in some records is unknown; the consequences may be more serious"
                    + " than stated here.");
        }
        if (assessment.records().total() == 0) {
            consequences.add("The hub recorded no release within the incident's scope; consequences depend on"
                    + " what the investigation finds beyond the hub's records.");
        }
        return consequences;
    }

    /** {@code tellSubjects}: whether to propose the Art. 34 communication (not in that communication itself). */
    private static List<String> proposed(BreachAssessment assessment, Incident incident, boolean tellSubjects) {
        List<String> proposed = new ArrayList<>(DetectorGuidance.of(incident.detector()).proposed());
        if (tellSubjects) {
            proposed.add("Tell the data subjects at high risk without undue delay (Art. 34).");
        }
        if (assessment.records().unknownCategory() > 0) {
            proposed.add("Find out what data the records of unknown category held, and update this notification"
                    + " (Art. 33(4) allows information in phases).");
        }
        return proposed;
    }

    private static void check(BreachAssessment assessment, Incident incident, List<TimelineEntry> timeline,
            Instant now) {
        if (assessment == null || incident == null) {
            throw new InvalidInputException(assessment == null ? "assessment" : "incident",
                    "a breach draft needs both the assessment and its incident");
        }
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(now, "now");
        if (!assessment.incidentId().equals(incident.id())) {
            throw new InvalidInputException("incident", "the assessment is of incident '" + assessment.incidentId()
                    + "', not of '" + incident.id() + "'");
        }
    }
}
