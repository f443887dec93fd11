package io.pactum.core.incident.breach;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.incident.Incident;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerEntry;
import io.pactum.core.ledger.LedgerEntryType;
import io.pactum.core.ledger.subject.SubjectSealer;
import io.pactum.core.registry.Organisation;
import io.pactum.core.registry.OrganisationStore;
import io.pactum.core.registry.ProductStore;
import io.pactum.core.sharing.AgreementStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Assesses a breach from the hub's own records: reads the ledger once, page by page, and counts the
 * releases within the incident's scope ({@link BreachAssessment} states the rule). Memory is bounded
 * by what the result names (subjects, recipients, devices), not by the length of the ledger.
 *
 * <p>The ledger is read in full, as entry times need not rise strictly with their index; the window
 * limit of {@link BreachWindow#MAX_LENGTH} bounds the result, not the read.
 */
public final class BreachAssessor {
    private static final int PAGE = 1_000;

    private final Ledger ledger;
    private final SubjectSealer sealer;
    private final ProductStore products;
    private final AgreementStore agreements;
    private final OrganisationStore organisations;
    private final Clock clock;

    public BreachAssessor(Ledger ledger, SubjectSealer sealer, ProductStore products, AgreementStore agreements,
            OrganisationStore organisations, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.products = Objects.requireNonNull(products, "products");
        this.agreements = Objects.requireNonNull(agreements, "agreements");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What reached whom within the incident's scope during [{@code from}, {@code to}).
     *
     * @throws InvalidInputException if the incident is missing, or the window is empty, reversed or too long
     */
    public BreachAssessment assess(@Nullable Incident incident, @Nullable Instant from, @Nullable Instant to) {
        if (incident == null) {
            throw new InvalidInputException("incident", "a breach assessment needs the incident it is about");
        }
        BreachWindow window = new BreachWindow(from, to);
        FieldCategories categories = new FieldCategories(products, agreements);
        ExposureTally tally = new ExposureTally(incident.deviceIds());
        long size = ledger.size();
        for (long next = 0; next < size; next += PAGE) {
            for (LedgerEntry entry : ledger.entries(next, (int) Math.min(PAGE, size - next))) {
                if (entry.type() != LedgerEntryType.DATA_RELEASE || !window.contains(entry.time())) {
                    continue;
                }
                ReleaseEntry release = ReleaseEntry.of(entry);
                boolean byDeviceOrRecipient = byDeviceOrRecipient(incident, release);
                if (!byDeviceOrRecipient && incident.dataSubjectIds().isEmpty()) {
                    continue; // spares opening a sealed id that could not bring the release into scope
                }
                OpenedSubject subject = OpenedSubject.open(release.subject(), sealer);
                if (byDeviceOrRecipient || bySubject(incident, subject)) {
                    tally.add(release, subject, categories.of(release.productId(), release.agreementId(),
                            release.fields()));
                }
            }
        }
        return tally.result(incident.id(), window, clock.instant(), this::organisationName, categories::describe);
    }

    private static boolean byDeviceOrRecipient(Incident incident, ReleaseEntry release) {
        return (release.deviceId() != null && incident.deviceIds().contains(release.deviceId()))
                || incident.organisationIds().contains(release.recipientId());
    }

    private static boolean bySubject(Incident incident, OpenedSubject subject) {
        return subject.subjectId() != null && incident.dataSubjectIds().contains(subject.subjectId());
    }

    private String organisationName(String organisationId) {
        return organisations.find(organisationId).map(Organisation::name).orElse(RecipientExposure.UNKNOWN_NAME);
    }
}
