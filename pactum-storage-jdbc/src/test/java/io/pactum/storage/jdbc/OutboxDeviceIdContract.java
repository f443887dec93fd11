package io.pactum.storage.jdbc;

import static io.pactum.storage.jdbc.SharingFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.delivery.Delivery;
import io.pactum.core.delivery.OutboxEntry;
import io.pactum.core.delivery.OutboxStore;
import io.pactum.core.ingest.RecordStore;
import io.pactum.core.ingest.RecordStore.Append;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.RegistryStores;
import io.pactum.core.sharing.AgreementStore;
import io.pactum.core.sharing.Purpose;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An outbox entry keeps the device its record came from, so that a device quarantined later has
 * nothing more delivered; entries stored before the column existed read back without one. A back
 * end runs it by extending this class.
 */
abstract class OutboxDeviceIdContract {
    /** Fresh, empty stores of one back end, all over the same database. */
    record Stores(RegistryStores registry, AgreementStore agreements, RecordStore records, OutboxStore outbox) {}

    protected abstract Stores newStores();

    private static final String CARE = "care";
    private static final String CARE_AGREEMENT = "care-agreement";

    private RecordStore records;
    private OutboxStore outbox;
    private Product product;

    @BeforeEach
    void createRecipientAndAgreement() {
        Stores stores = newStores();
        records = stores.records();
        outbox = stores.outbox();
        RegistryStores registry = stores.registry();
        SharingFixtures.organisation(registry, "acme", OrganisationRole.SUPPLIER);
        SharingFixtures.organisation(registry, CARE, OrganisationRole.PARTNER);
        product = SharingFixtures.product(registry, "glucose-product", "acme");
        SharingFixtures.device(registry, "glucose-1", product, T0);
        SharingFixtures.device(registry, "glucose-2", product, T0);
        stores.agreements().insert(SharingFixtures.agreement(CARE_AGREEMENT, CARE, product.id(), T0));
    }

    private static OutboxEntry entry(String recordId, @Nullable String subjectId, @Nullable String deviceId) {
        OutboxEntry plain = SharingFixtures.entry(CARE, CARE_AGREEMENT, recordId, subjectId, T0);
        return new OutboxEntry(plain.recipientId(), plain.agreementId(), plain.purpose(), plain.recordId(),
                plain.subjectId(), plain.createdAt(), plain.body(), deviceId);
    }

    /** One message: one record of {@code deviceId} (glucose-1 for none), the given deliveries. */
    private void append(String recordId, @Nullable String deviceId, OutboxEntry... deliveries) {
        records.appendAll(List.of(new Append(
                List.of(SharingFixtures.record(recordId, deviceId == null ? "glucose-1" : deviceId, product.id(), T0)),
                null, List.of(deliveries))));
    }

    @Test
    void anEntryWithItsDevice_readsBackWithIt() {
        OutboxEntry written = entry("r1", "subject-1", "glucose-1");

        append("r1", "glucose-1", written);

        List<Delivery> read = outbox.readAfter(CARE, 0, 10);
        assertThat(read).singleElement().satisfies(d -> {
            assertThat(d.entry()).isEqualTo(written);
            assertThat(d.entry().deviceId()).isEqualTo("glucose-1");
            assertThat(d.entry().purpose()).isEqualTo(Purpose.HEALTHCARE);
        });
    }

    @Test
    void anEntryWithoutADevice_readsBackWithNone() {
        OutboxEntry written = entry("r1", null, null);

        append("r1", null, written);

        assertThat(outbox.readAfter(CARE, 0, 10)).singleElement().satisfies(d -> {
            assertThat(d.entry()).isEqualTo(written);
            assertThat(d.entry().deviceId()).isNull();
        });
    }

    @Test
    void entriesOfSeveralDevices_andNone_eachKeepTheirOwn_inOrder() {
        records.appendAll(List.of(
                new Append(List.of(SharingFixtures.record("m1", "glucose-1", product.id(), T0)), null,
                        List.of(entry("m1", "subject-1", "glucose-1"))),
                new Append(List.of(SharingFixtures.record("m2", "glucose-2", product.id(), T0)), null,
                        List.of(entry("m2", null, "glucose-2"))),
                new Append(List.of(SharingFixtures.record("m3", "glucose-1", product.id(), T0)), null,
                        List.of(entry("m3", "subject-1", null)))));

        assertThat(outbox.readAfter(CARE, 0, 10)).extracting(d -> d.entry().recordId(), d -> d.entry().deviceId())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("m1", "glucose-1"),
                        org.assertj.core.groups.Tuple.tuple("m2", "glucose-2"),
                        org.assertj.core.groups.Tuple.tuple("m3", null));
    }

    @Test
    void aDeviceIdOfTheLongestLength_readsBackWhole() {
        String longest = "d".repeat(64);
        OutboxEntry written = entry("r1", null, longest);

        append("r1", "glucose-1", written);

        assertThat(outbox.readAfter(CARE, 0, 10)).singleElement()
                .satisfies(d -> assertThat(d.entry().deviceId()).isEqualTo(longest));
    }
}
