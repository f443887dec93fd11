package io.pactum.core.incident.breach;

import java.util.List;

/** The Markdown forms of the drafts, headed by the article and point each part answers. */
final class BreachText {
    private BreachText() {}

    static String art33(Art33Notification draft) {
        Art33Notification.Nature nature = draft.nature();
        StringBuilder md = new StringBuilder();
        md.append("# Notification of a personal data breach (GDPR Art. 33)\n\n");
        md.append("DRAFT prepared by the hub at ").append(draft.preparedAt())
                .append(" for incident ").append(draft.incidentId()).append(". Review before sending.\n\n");
        if (!draft.missing().isEmpty()) {
            md.append("**To fill in before sending:** ").append(String.join(", ", draft.missing())).append("\n\n");
        }
        md.append("## Timing (Art. 33(1))\n\n");
        md.append("- Became aware: ").append(draft.becameAwareAt()).append('\n');
        md.append("- Deadline (72 hours later): ").append(draft.deadline()).append('\n');
        md.append("- Overdue: ").append(draft.overdue() ? "yes" : "no").append('\n');
        if (draft.reasonsForDelay() != null) {
            md.append("- Reasons for the delay: ").append(draft.reasonsForDelay()).append('\n');
        }
        md.append("\n## (a) Nature of the breach\n\n").append(nature.description()).append("\n\n");
        md.append("- Categories of data subjects: ").append(orNone(nature.dataSubjectCategories())).append('\n');
        md.append("- Approximate number of data subjects: ").append(nature.approximateDataSubjects())
                .append(" (").append(nature.dataSubjectsNote()).append(")\n");
        md.append("- Categories of personal data: ").append(orNone(nature.personalDataCategories())).append('\n');
        md.append("- Approximate number of personal data records: ").append(nature.approximateRecords()).append('\n');
        md.append("- Recipients: ").append(orNone(nature.recipients())).append('\n');
        md.append("- Devices involved: ").append(nature.devicesInvolved()).append("\n\n");
        md.append("## (b) Contact point\n\n").append(draft.contactPoint()).append("\n\n");
        md.append("## (c) Likely consequences\n\n");
        bullets(md, draft.likelyConsequences());
        md.append("Risk to the data subjects: ").append(SensitiveCategories.lower(draft.riskLevel())).append(". ")
                .append(String.join(" ", draft.riskReasons())).append("\n\n");
        md.append("## (d) Measures taken\n\n");
        measures(md, draft.measuresTaken());
        md.append("## (d) Measures proposed\n\n");
        bullets(md, draft.measuresProposed());
        return md.toString();
    }

    static String art34(Art34Communication draft) {
        StringBuilder md = new StringBuilder();
        md.append("# Communication of a personal data breach to the data subjects (GDPR Art. 34)\n\n");
        md.append("DRAFT prepared by the hub at ").append(draft.preparedAt())
                .append(" for incident ").append(draft.incidentId()).append(".\n\n");
        if (!draft.required()) {
            md.append("**Not required.** ").append(draft.reason()).append('\n');
            return md.toString();
        }
        md.append("Required: ").append(draft.reason()).append("\n\n");
        if (!draft.missing().isEmpty()) {
            md.append("**To fill in before sending:** ").append(String.join(", ", draft.missing())).append("\n\n");
        }
        md.append("---\n\n## What happened\n\n").append(draft.nature()).append("\n\n");
        md.append("## What this may mean for you\n\n");
        bullets(md, draft.likelyConsequences());
        md.append("## What we have done\n\n");
        measures(md, draft.measuresTaken());
        md.append("## What we will do next\n\n");
        bullets(md, draft.measuresProposed());
        md.append("## Whom to contact\n\n").append(draft.contactPoint()).append("\n\n---\n\n");
        md.append("## Send to\n\n").append(draft.subjectIds().size())
                .append(" data subject(s), by the operator's own channels: ")
                .append(String.join(", ", draft.subjectIds())).append('\n');
        if (draft.erasedSubjects() > 0) {
            md.append("\n").append(draft.erasedSubjects())
                    .append(" further subject(s) had records within the breach but their data has since been")
                    .append(" erased, so the hub can neither name them nor tell whether they are at high risk;")
                    .append(" consider a public communication (Art. 34(3)(c)).\n");
        }
        return md.toString();
    }

    private static void bullets(StringBuilder md, List<String> items) {
        if (items.isEmpty()) {
            md.append("- none\n");
        }
        items.forEach(item -> md.append("- ").append(item).append('\n'));
        md.append('\n');
    }

    private static void measures(StringBuilder md, List<MeasureTaken> measures) {
        if (measures.isEmpty()) {
            md.append("- none recorded on the incident's timeline yet\n");
        }
        for (MeasureTaken measure : measures) {
            md.append("- ").append(measure.at()).append(": ").append(measure.action()).append(" on ")
                    .append(measure.target()).append(" by ").append(measure.actor());
            if (!measure.detail().isBlank()) {
                md.append(" (").append(measure.detail()).append(')');
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static String orNone(List<String> items) {
        return items.isEmpty() ? "none" : String.join("; ", items);
    }
}
