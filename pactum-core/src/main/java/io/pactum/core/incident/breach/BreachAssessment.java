package io.pactum.core.incident.breach;

import io.pactum.core.registry.DataCategory;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which data subjects' data, of which categories, reached which recipients from which devices during
 * an incident's window, as the hub's own ledger records it.
 *
 * <p><b>Scope.</b> A release (a {@code DATA_RELEASE} ledger entry) counts when its time lies in the
 * {@link BreachWindow window} and at least one of these holds:
 * <ul>
 *   <li>its device is one of the incident's devices;
 *   <li>its recipient is one of the incident's organisations;
 *   <li>its data subject, once opened, is one of the incident's data subjects.
 * </ul>
 * A release from before the ledger recorded devices has no device and matches on the other two only;
 * a release whose subject's key was erased matches on the first two only.
 *
 * <p>The subject ids are personal data: an assessment is for the operator, never for logs.
 *
 * @param subjects      each data subject the hub could name, with the categories of their data released (sorted by id)
 * @param erasedSubjects how many distinct subjects had records released but their key erased since (counted by key id)
 * @param records       how many records were counted, and how many the hub cannot fully attribute
 * @param recipients    what each recipient organisation received (sorted by id)
 * @param deviceIds     the incident's devices and the devices of the counted records (sorted)
 * @param products      the products of the counted records: id to a description (model and firmware)
 * @param categories    the data categories of all fields released
 */
public record BreachAssessment(
        String incidentId,
        BreachWindow window,
        Instant assessedAt,
        SortedMap<String, Set<DataCategory>> subjects,
        long erasedSubjects,
        ReleaseCounts records,
        List<RecipientExposure> recipients,
        Set<String> deviceIds,
        SortedMap<String, String> products,
        Set<DataCategory> categories) {

    public BreachAssessment {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(assessedAt, "assessedAt");
        TreeMap<String, Set<DataCategory>> copied = new TreeMap<>();
        subjects.forEach((id, kinds) -> copied.put(id, categorySet(kinds)));
        subjects = Collections.unmodifiableSortedMap(copied);
        if (erasedSubjects < 0) {
            throw new IllegalArgumentException("erasedSubjects must not be negative");
        }
        Objects.requireNonNull(records, "records");
        recipients = List.copyOf(recipients);
        deviceIds = RecipientExposure.sorted(deviceIds);
        products = Collections.unmodifiableSortedMap(new TreeMap<>(products));
        categories = categorySet(categories);
    }

    /** The data subjects the hub could name, sorted. */
    public Set<String> subjectIds() {
        return subjects.keySet();
    }

    /**
     * Subjects concerned as far as the hub can tell: those it names and those erased since; records
     * without a subject add none.
     */
    public long approximateSubjects() {
        return subjects.size() + erasedSubjects;
    }

    /** The categories released that relate to a person. */
    public Set<DataCategory> personalCategories() {
        Set<DataCategory> personal = EnumSet.noneOf(DataCategory.class);
        categories.stream().filter(DataCategory::isPersonal).forEach(personal::add);
        return Collections.unmodifiableSet(personal);
    }

    /** The recipient with this id, if it received anything in scope. */
    public Optional<RecipientExposure> recipient(String organisationId) {
        return recipients.stream().filter(r -> r.organisationId().equals(organisationId)).findFirst();
    }

    /** The JSON document of this assessment (subject ids included: personal data). */
    public String toJson() {
        return BreachJson.text(BreachJson.assessment(this));
    }

    static Set<DataCategory> categorySet(Set<DataCategory> categories) {
        return categories.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }
}
