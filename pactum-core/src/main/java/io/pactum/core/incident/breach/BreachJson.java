package io.pactum.core.incident.breach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactum.core.registry.DataCategory;
import java.util.Collection;

/** The JSON forms of assessments and drafts; times as ISO-8601 instants, enum values in lower case. */
final class BreachJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private BreachJson() {}

    static String text(ObjectNode json) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a breach document", e); // a tree of plain nodes always writes
        }
    }

    static ObjectNode assessment(BreachAssessment assessment) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("incidentId", assessment.incidentId());
        json.set("window", window(assessment.window()));
        json.put("assessedAt", assessment.assessedAt().toString());
        ObjectNode subjects = json.putObject("dataSubjects");
        assessment.subjects().forEach((id, categories) -> categories(subjects.putArray(id), categories));
        json.put("erasedSubjects", assessment.erasedSubjects());
        ReleaseCounts counts = assessment.records();
        ObjectNode records = json.putObject("records");
        records.put("total", counts.total());
        records.put("withoutSubject", counts.withoutSubject());
        records.put("erasedSubject", counts.erasedSubject());
        records.put("unreadableSubject", counts.unreadableSubject());
        records.put("withoutDevice", counts.withoutDevice());
        records.put("unknownCategory", counts.unknownCategory());
        ArrayNode recipients = json.putArray("recipients");
        for (RecipientExposure recipient : assessment.recipients()) {
            ObjectNode each = recipients.addObject();
            each.put("organisationId", recipient.organisationId());
            each.put("name", recipient.name());
            each.put("records", recipient.records());
            strings(each.putArray("subjectIds"), recipient.subjectIds());
            categories(each.putArray("categories"), recipient.categories());
            strings(each.putArray("purposes"), recipient.purposes());
            strings(each.putArray("agreementIds"), recipient.agreementIds());
        }
        strings(json.putArray("deviceIds"), assessment.deviceIds());
        ObjectNode products = json.putObject("products");
        assessment.products().forEach(products::put);
        categories(json.putArray("categories"), assessment.categories());
        return json;
    }

    static ObjectNode art33(Art33Notification draft) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("regulation", "GDPR Art. 33");
        json.put("incidentId", draft.incidentId());
        json.put("preparedAt", draft.preparedAt().toString());
        json.put("becameAwareAt", draft.becameAwareAt().toString());
        json.put("deadline", draft.deadline().toString());
        json.put("overdue", draft.overdue());
        if (draft.reasonsForDelay() != null) {
            json.put("reasonsForDelay", draft.reasonsForDelay());
        }
        Art33Notification.Nature nature = draft.nature();
        ObjectNode a = json.putObject("nature");
        a.put("description", nature.description());
        a.put("detector", nature.detector());
        a.put("severity", SensitiveCategories.lower(nature.severity()));
        a.set("window", window(nature.window()));
        strings(a.putArray("dataSubjectCategories"), nature.dataSubjectCategories());
        a.put("approximateDataSubjects", nature.approximateDataSubjects());
        a.put("dataSubjectsNote", nature.dataSubjectsNote());
        strings(a.putArray("personalDataCategories"), nature.personalDataCategories());
        a.put("approximateRecords", nature.approximateRecords());
        strings(a.putArray("recipients"), nature.recipients());
        a.put("devicesInvolved", nature.devicesInvolved());
        json.put("contactPoint", draft.contactPoint());
        strings(json.putArray("likelyConsequences"), draft.likelyConsequences());
        measures(json.putArray("measuresTaken"), draft.measuresTaken());
        strings(json.putArray("measuresProposed"), draft.measuresProposed());
        ObjectNode risk = json.putObject("risk");
        risk.put("level", SensitiveCategories.lower(draft.riskLevel()));
        strings(risk.putArray("reasons"), draft.riskReasons());
        strings(json.putArray("missing"), draft.missing());
        return json;
    }

    static ObjectNode art34(Art34Communication draft) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("regulation", "GDPR Art. 34");
        json.put("incidentId", draft.incidentId());
        json.put("preparedAt", draft.preparedAt().toString());
        json.put("required", draft.required());
        json.put("reason", draft.reason());
        if (draft.required()) {
            strings(json.putArray("subjectIds"), draft.subjectIds());
            json.put("erasedSubjects", draft.erasedSubjects());
            json.put("nature", draft.nature());
            json.put("contactPoint", draft.contactPoint());
            strings(json.putArray("likelyConsequences"), draft.likelyConsequences());
            measures(json.putArray("measuresTaken"), draft.measuresTaken());
            strings(json.putArray("measuresProposed"), draft.measuresProposed());
            strings(json.putArray("missing"), draft.missing());
        }
        return json;
    }

    private static ObjectNode window(BreachWindow window) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("from", window.from().toString());
        json.put("to", window.to().toString());
        return json;
    }

    private static void measures(ArrayNode array, Collection<MeasureTaken> measures) {
        for (MeasureTaken measure : measures) {
            ObjectNode each = array.addObject();
            each.put("at", measure.at().toString());
            each.put("action", measure.action());
            each.put("target", measure.target());
            each.put("actor", measure.actor());
            each.put("detail", measure.detail());
        }
    }

    /** In the order given: lists keep theirs, sets are sorted already. */
    private static void strings(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
    }

    private static void categories(ArrayNode array, Collection<DataCategory> categories) {
        categories.forEach(c -> array.add(SensitiveCategories.wireName(c)));
    }
}
