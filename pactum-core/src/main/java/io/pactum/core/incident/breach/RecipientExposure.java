package io.pactum.core.incident.breach;

import io.pactum.core.registry.DataCategory;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one recipient organisation received within a breach assessment's scope.
 *
 * @param name        the organisation's name, or {@link #UNKNOWN_NAME} if it is no longer registered
 * @param records     how many records it received
 * @param subjectIds  the data subjects whose records it received, as far as the hub can name them (sorted)
 * @param categories  the data categories of the fields it received
 * @param purposes    the purposes it received them for (wire names, sorted)
 * @param agreementIds the agreements it received them under (sorted)
 */
public record RecipientExposure(String organisationId, String name, long records, Set<String> subjectIds,
        Set<DataCategory> categories, Set<String> purposes, Set<String> agreementIds) {
    public static final String UNKNOWN_NAME = "unknown organisation";

    public RecipientExposure {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(name, "name");
        if (records < 0) {
            throw new IllegalArgumentException("records must not be negative");
        }
        subjectIds = sorted(subjectIds);
        categories = BreachAssessment.categorySet(categories);
        purposes = sorted(purposes);
        agreementIds = sorted(agreementIds);
    }

    static Set<String> sorted(Set<String> values) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }
}
