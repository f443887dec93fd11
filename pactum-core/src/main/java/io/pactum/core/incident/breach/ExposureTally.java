package io.pactum.core.incident.breach;

import io.pactum.core.registry.DataCategory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/** Adds up the releases an assessment counts; its memory grows with distinct subjects, recipients and devices only. */
final class ExposureTally {
    private final TreeMap<String, Set<DataCategory>> subjects = new TreeMap<>();
    private final Set<String> erasedKeyIds = new HashSet<>();
    private final TreeMap<String, Recipient> recipients = new TreeMap<>();
    private final Set<String> deviceIds = new TreeSet<>();
    private final Set<String> productIds = new TreeSet<>();
    private final Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
    private long total;
    private long withoutSubject;
    private long erasedSubject;
    private long unreadableSubject;
    private long withoutDevice;
    private long unknownCategory;

    /** One recipient's share, while counting. */
    private static final class Recipient {
        long records;
        final Set<String> subjectIds = new TreeSet<>();
        final Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        final Set<String> purposes = new TreeSet<>();
        final Set<String> agreementIds = new TreeSet<>();
    }

    ExposureTally(Set<String> incidentDevices) {
        deviceIds.addAll(incidentDevices);
    }

    void add(ReleaseEntry release, OpenedSubject subject, FieldCategories.Resolved resolved) {
        total++;
        categories.addAll(resolved.categories());
        if (!resolved.complete()) {
            unknownCategory++;
        }
        if (release.deviceId() == null) {
            withoutDevice++;
        } else {
            deviceIds.add(release.deviceId());
        }
        if (release.productId() != null) {
            productIds.add(release.productId());
        }
        Recipient recipient = recipients.computeIfAbsent(release.recipientId(), id -> new Recipient());
        recipient.records++;
        recipient.categories.addAll(resolved.categories());
        addIfPresent(recipient.purposes, release.purpose());
        addIfPresent(recipient.agreementIds, release.agreementId());
        countSubject(subject, resolved.categories(), recipient);
    }

    private void countSubject(OpenedSubject subject, Set<DataCategory> released, Recipient recipient) {
        switch (subject.state()) {
            case NAMED -> {
                String id = subject.subjectId();
                subjects.computeIfAbsent(id, s -> EnumSet.noneOf(DataCategory.class)).addAll(released);
                recipient.subjectIds.add(id);
            }
            case ERASED -> {
                erasedSubject++;
                erasedKeyIds.add(subject.keyId());
            }
            case UNREADABLE -> unreadableSubject++;
            case NONE -> withoutSubject++;
        }
    }

    BreachAssessment result(String incidentId, BreachWindow window, Instant assessedAt,
            UnaryOperator<String> organisationName, UnaryOperator<String> productDescription) {
        List<RecipientExposure> exposures = new ArrayList<>();
        recipients.forEach((id, r) -> exposures.add(new RecipientExposure(id, organisationName.apply(id), r.records,
                r.subjectIds, r.categories, r.purposes, r.agreementIds)));
        TreeMap<String, String> products = new TreeMap<>();
        productIds.forEach(id -> products.put(id, productDescription.apply(id)));
        return new BreachAssessment(incidentId, window, assessedAt, subjects, erasedKeyIds.size(),
                new ReleaseCounts(total, withoutSubject, erasedSubject, unreadableSubject, withoutDevice,
                        unknownCategory),
                exposures, deviceIds, products, categories);
    }

    private static void addIfPresent(Set<String> values, String value) {
        if (!value.isEmpty()) {
            values.add(value);
        }
    }
}
