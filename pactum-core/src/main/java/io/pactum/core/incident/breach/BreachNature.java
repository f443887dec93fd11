package io.pactum.core.incident.breach;

import io.pactum.core.incident.Incident;
import io.pactum.core.registry.DataCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Describes what happened, for the authority (Art. 33(3)(a)) and in plain words for the people
 * concerned (Art. 34(2)).
 */
final class BreachNature {
    private BreachNature() {}

    static Art33Notification.Nature of(BreachAssessment assessment, Incident incident) {
        ReleaseCounts records = assessment.records();
        String description = "The hub detected " + DetectorGuidance.of(incident.detector()).nature()
                + " (detector '" + incident.detector() + "', severity " + SensitiveCategories.lower(incident.severity())
                + ") at " + incident.detectedAt() + ". From " + assessment.window().from() + " to "
                + assessment.window().to() + ", the hub's ledger records " + records.total()
                + " record(s) released to " + assessment.recipients().size()
                + " recipient organisation(s) from the devices, organisations or data subjects the incident affects.";
        List<String> recipients = new ArrayList<>();
        for (RecipientExposure recipient : assessment.recipients()) {
            recipients.add(recipient.name() + " (" + recipient.organisationId() + "): " + recipient.records()
                    + " record(s)");
        }
        return new Art33Notification.Nature(description, incident.detector(), incident.severity(),
                assessment.window(), subjectCategories(assessment), assessment.approximateSubjects(),
                subjectsNote(assessment), dataCategories(assessment), records.total(), recipients,
                assessment.deviceIds().size());
    }

    /** The same, in a few sentences a data subject can follow. */
    static String plain(BreachAssessment assessment, Incident incident) {
        Set<DataCategory> personal = assessment.personalCategories();
        return "On " + incident.detectedAt().toString().substring(0, 10) + " we detected "
                + DetectorGuidance.of(incident.detector()).nature() + ". Between " + assessment.window().from()
                + " and " + assessment.window().to() + ", data about you collected by your device"
                + (personal.isEmpty() ? "" : " (" + BreachRisk.names(personal) + " data)") + " was passed to "
                + assessment.recipients().size() + " organisation(s) during this incident.";
    }

    private static List<String> subjectCategories(BreachAssessment assessment) {
        List<String> categories = new ArrayList<>();
        assessment.products().forEach((id, description) ->
                categories.add("users of devices of product " + description + " [" + id + "]"));
        if (assessment.records().withoutDevice() > 0 && categories.isEmpty()) {
            categories.add("users of the devices involved (the ledger entries do not name their products)");
        }
        return categories;
    }

    private static String subjectsNote(BreachAssessment assessment) {
        ReleaseCounts records = assessment.records();
        StringBuilder note = new StringBuilder(assessment.subjects().size() + " named by the hub's records");
        if (assessment.erasedSubjects() > 0) {
            note.append("; ").append(assessment.erasedSubjects())
                    .append(" more whose data the hub has erased since (counted, not named)");
        }
        if (records.withoutSubject() > 0) {
            note.append("; ").append(records.withoutSubject()).append(" record(s) belong to no data subject");
        }
        if (records.unreadableSubject() > 0) {
            note.append("; ").append(records.unreadableSubject())
                    .append(" record(s) whose subject cannot be read (check the ledger with pactum audit verify)");
        }
        return note.toString();
    }

    private static List<String> dataCategories(BreachAssessment assessment) {
        List<String> categories = new ArrayList<>();
        assessment.personalCategories().forEach(c -> categories.add(SensitiveCategories.wireName(c)));
        if (assessment.records().unknownCategory() > 0) {
            categories.add("unknown (" + assessment.records().unknownCategory() + " record(s))");
        }
        return categories;
    }
}
