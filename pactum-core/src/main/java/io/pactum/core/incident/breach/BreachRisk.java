package io.pactum.core.incident.breach;

import io.pactum.core.incident.Incident;
import io.pactum.core.incident.Severity;
import io.pactum.core.registry.DataCategory;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How risky a breach is for the people concerned, why, and whom a high risk concerns. The rule:
 * <ul>
 *   <li>high if health, location or audio-visual data was released (for the subjects whose data it was);
 *   <li>high if some records' categories cannot be determined (when unsure, assume the worse), or if
 *       personal data was released in an incident of critical severity (for every subject named);
 *   <li>low otherwise: no release in scope, only technical data, or personal data that is not sensitive.
 * </ul>
 *
 * @param reasons           why, one sentence each, never naming a subject
 * @param subjectsAtHighRisk the subjects an Art. 34 communication is for (sorted); empty when the risk is low
 */
public record BreachRisk(RiskLevel level, List<String> reasons, Set<String> subjectsAtHighRisk) {
    public BreachRisk {
        Objects.requireNonNull(level, "level");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a risk level needs its reason");
        }
        subjectsAtHighRisk = RecipientExposure.sorted(subjectsAtHighRisk);
        if (level == RiskLevel.LOW && !subjectsAtHighRisk.isEmpty()) {
            throw new IllegalArgumentException("a low risk puts no subject at high risk");
        }
    }

    public static BreachRisk of(BreachAssessment assessment, Incident incident) {
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(incident, "incident");
        ReleaseCounts records = assessment.records();
        if (records.total() == 0) {
            return new BreachRisk(RiskLevel.LOW, List.of("The hub's records show no release to a recipient within"
                    + " the incident's scope in the window."), Set.of());
        }
        List<String> reasons = new ArrayList<>();
        Set<DataCategory> sensitive = EnumSet.noneOf(DataCategory.class);
        assessment.categories().stream().filter(SensitiveCategories.HIGH_RISK::contains).forEach(sensitive::add);
        sensitive.forEach(c -> reasons.add("High: " + SensitiveCategories.whySensitive(c) + "."));
        boolean everyone = false;
        if (records.unknownCategory() > 0) {
            everyone = true;
            reasons.add("High: the data categories of " + records.unknownCategory() + " record(s) cannot be"
                    + " determined from the products' data models, so they are treated as sensitive until checked.");
        }
        if (!assessment.personalCategories().isEmpty() && incident.severity() == Severity.CRITICAL) {
            everyone = true;
            reasons.add("High: personal data was released in an incident of critical severity.");
        }
        if (!reasons.isEmpty()) {
            return new BreachRisk(RiskLevel.HIGH, reasons, everyone ? assessment.subjectIds()
                    : withAny(assessment.subjects(), sensitive));
        }
        if (assessment.personalCategories().isEmpty()) {
            return new BreachRisk(RiskLevel.LOW, List.of("Low: only technical data, which relates to no person,"
                    + " was released."), Set.of());
        }
        return new BreachRisk(RiskLevel.LOW, List.of("Low: the personal data released ("
                + names(assessment.personalCategories()) + ") is neither a special category nor location or"
                + " audio-visual data; a risk to be notified, but not a high risk in the sense of Art. 34(1)."),
                Set.of());
    }

    public boolean isHigh() {
        return level == RiskLevel.HIGH;
    }

    private static Set<String> withAny(Map<String, Set<DataCategory>> subjects, Set<DataCategory> sensitive) {
        return subjects.entrySet().stream().filter(s -> s.getValue().stream().anyMatch(sensitive::contains))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    static String names(Set<DataCategory> categories) {
        return categories.stream().map(SensitiveCategories::wireName).collect(Collectors.joining(", "));
    }
}
