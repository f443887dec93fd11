package io.pactum.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.integrity.IntegrityMethod;
import io.pactum.core.integrity.ReplayWindow;
import io.pactum.core.registry.ApprovalState;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.Device;
import io.pactum.core.registry.DeviceCredentials;
import io.pactum.core.registry.DeviceState;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.Organisation;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.PayloadFormat;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.RegistryStores;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every record store must show; a back end runs it by extending this class.
 * Instants are whole microseconds, the finest precision a store must keep.
 */
public abstract class RecordStoreContract {
    private static final Instant T0 = Instant.parse("2026-01-10T12:00:00.000001Z");

    /** Fresh, empty stores of one back end: the registry (for devices) and the records. */
    public record Stores(RegistryStores registry, RecordStore records) {}

    protected abstract Stores newStores();

    private RegistryStores registry;
    private RecordStore records;
    private Product glucoseProduct;
    private Product thermoProduct;

    @BeforeEach
    void createDevices() {
        Stores stores = newStores();
        registry = stores.registry();
        records = stores.records();
        Organisation acme = new Organisation("acme", "Acme", OrganisationRole.SUPPLIER, T0);
        registry.organisations().insert(acme);
        glucoseProduct = product("glucose-product", acme);
        thermoProduct = product("thermo-product", acme);
        device("glucose-1", glucoseProduct);
        device("glucose-2", glucoseProduct);
        device("thermo-1", thermoProduct);
    }

    private Product product(String id, Organisation supplier) {
        Product product = new Product(id, supplier.id(), id, "1.0", new DataModel(List.of(
                new FieldSpec("glucose", FieldType.NUMBER, "mmol/L", 0.0, 40.0, DataCategory.HEALTH))),
                PayloadFormat.SENML_CBOR, ApprovalState.APPROVED, null, T0, T0);
        registry.products().insert(product);
        return product;
    }

    private void device(String id, Product product) {
        registry.devices().insert(new Device(id, product.id(), product.supplierId(), null, DeviceState.ACTIVE,
                new DeviceCredentials("hash", null, new byte[] {1}), T0, T0));
    }

    private static CanonicalRecord record(String id, String deviceId, Product product, Instant time,
            @Nullable Long counter, FieldValue... fields) {
        return new CanonicalRecord(id, deviceId, product.id(), null, Channel.TELEMETRY, time, time.plusMillis(5),
                List.of(fields), new Provenance("mqtt", counter == null ? IntegrityMethod.NONE : IntegrityMethod.COSE_MAC0,
                        counter), false);
    }

    private static FieldValue glucose(double value) {
        return new FieldValue("glucose", FieldType.NUMBER, value, "mmol/L", DataCategory.HEALTH);
    }

    @Test
    void append_thenFind_returnsEqualRecord_withEveryValueType() {
        CanonicalRecord record = new CanonicalRecord("r1", "glucose-1", glucoseProduct.id(), "subject-7", Channel.EVENT,
                T0, T0.plusSeconds(1), List.of(
                        glucose(5.4),
                        new FieldValue("steps", FieldType.INTEGER, 9_007_199_254_740_993L, null, DataCategory.BEHAVIOURAL),
                        new FieldValue("alarm", FieldType.BOOLEAN, true, null, DataCategory.TECHNICAL),
                        new FieldValue("note", FieldType.STRING, "caf\u00e9 \"quoted\"", null, DataCategory.AUDIO_VISUAL)),
                new Provenance("http", IntegrityMethod.COSE_SIGN1, 42L), true);

        records.append(record, new ReplayWindow(42, 1));

        assertThat(records.find("r1")).contains(record);
        assertThat(records.find("nope")).isEmpty();
    }

    @Test
    void append_storesTheReplayWindowWithTheRecord() {
        assertThat(records.replayWindow("glucose-1")).isEqualTo(ReplayWindow.EMPTY);

        ReplayWindow window = ReplayWindow.EMPTY.check(7).window();
        records.append(record("r1", "glucose-1", glucoseProduct, T0, 7L, glucose(5.0)), window);
        ReplayWindow next = window.check(9).window();
        records.append(record("r2", "glucose-1", glucoseProduct, T0.plusSeconds(1), 9L, glucose(5.1)), next);

        assertThat(records.replayWindow("glucose-1")).isEqualTo(next);
        assertThat(records.replayWindow("glucose-2")).isEqualTo(ReplayWindow.EMPTY);
    }

    @Test
    void append_ofUnprotectedRecord_leavesTheWindowAlone() {
        ReplayWindow window = ReplayWindow.EMPTY.check(3).window();
        records.saveReplayWindow("glucose-1", window);

        records.append(record("r1", "glucose-1", glucoseProduct, T0, null, glucose(5.0)), null);

        assertThat(records.replayWindow("glucose-1")).isEqualTo(window);
    }

    @Test
    void append_forUnknownDevice_failsAndStoresNeitherRecordNorWindow() {
        CanonicalRecord orphan = record("r1", "ghost", glucoseProduct, T0, 1L, glucose(5.0));

        assertThatThrownBy(() -> records.append(orphan, ReplayWindow.EMPTY.check(1).window()))
                .isInstanceOf(InvalidInputException.class);

        assertThat(records.find("r1")).isEmpty();
        assertThat(records.replayWindow("ghost")).isEqualTo(ReplayWindow.EMPTY);
    }

    @Test
    void append_withTakenId_failsAndKeepsTheFirstRecordAndWindow() {
        ReplayWindow first = ReplayWindow.EMPTY.check(1).window();
        CanonicalRecord original = record("r1", "glucose-1", glucoseProduct, T0, 1L, glucose(5.0));
        records.append(original, first);

        assertThatThrownBy(() -> records.append(record("r1", "glucose-1", glucoseProduct, T0, 2L, glucose(6.0)),
                first.check(2).window())).isInstanceOf(RuntimeException.class);

        assertThat(records.find("r1")).contains(original);
        assertThat(records.replayWindow("glucose-1")).as("window rolled back with the record").isEqualTo(first);
    }

    @Test
    void saveReplayWindow_replacesThePreviousOne() {
        ReplayWindow first = ReplayWindow.EMPTY.check(5).window();
        ReplayWindow second = first.check(70).window();

        records.saveReplayWindow("glucose-1", first);
        records.saveReplayWindow("glucose-1", second);

        assertThat(records.replayWindow("glucose-1")).isEqualTo(second);
    }

    @Test
    void listByDevice_returnsOnlyThatDeviceInTimeRange_oldestFirst_upToLimit() {
        for (int i = 0; i < 5; i++) {
            records.append(record("g1-" + i, "glucose-1", glucoseProduct, T0.plusSeconds(10 - 2L * i), null,
                    glucose(i)), null);
        }
        records.append(record("g2-0", "glucose-2", glucoseProduct, T0.plusSeconds(5), null, glucose(9)), null);

        List<CanonicalRecord> all = records.listByDevice("glucose-1", T0, T0.plusSeconds(11), 100);
        List<CanonicalRecord> window = records.listByDevice("glucose-1", T0.plusSeconds(4), T0.plusSeconds(10), 100);
        List<CanonicalRecord> limited = records.listByDevice("glucose-1", T0, T0.plusSeconds(11), 2);

        assertThat(all).extracting(CanonicalRecord::id).containsExactly("g1-4", "g1-3", "g1-2", "g1-1", "g1-0");
        assertThat(window).as("from inclusive, to exclusive").extracting(CanonicalRecord::id)
                .containsExactly("g1-3", "g1-2", "g1-1");
        assertThat(limited).extracting(CanonicalRecord::id).containsExactly("g1-4", "g1-3");
    }

    @Test
    void deleteReceivedBefore_removesOnlyThatProductsOlderRecords() {
        records.append(record("old", "glucose-1", glucoseProduct, T0, null, glucose(1)), null);
        records.append(record("new", "glucose-1", glucoseProduct, T0.plusSeconds(3600), null, glucose(2)), null);
        records.append(record("other", "thermo-1", thermoProduct, T0, null, glucose(3)), null);

        int deleted = records.deleteReceivedBefore(glucoseProduct.id(), T0.plusSeconds(60));

        assertThat(deleted).isEqualTo(1);
        assertThat(records.find("old")).isEmpty();
        assertThat(records.find("new")).isPresent();
        assertThat(records.find("other")).as("another product's record").isPresent();
    }

    @Test
    void append_ofSeveralRecords_isAllOrNothing() {
        CanonicalRecord first = record("m1", "glucose-1", glucoseProduct, T0, 1L, glucose(5.0));
        CanonicalRecord second = record("m2", "glucose-1", glucoseProduct, T0.plusSeconds(60), 1L, glucose(5.2));
        records.append(List.of(first, second), ReplayWindow.EMPTY.check(1).window());

        CanonicalRecord third = record("m3", "glucose-1", glucoseProduct, T0.plusSeconds(120), 2L, glucose(5.3));
        CanonicalRecord clash = record("m1", "glucose-1", glucoseProduct, T0.plusSeconds(180), 2L, glucose(5.4));
        assertThatThrownBy(() -> records.append(List.of(third, clash), ReplayWindow.EMPTY.check(2).window()))
                .isInstanceOf(RuntimeException.class);

        assertThat(records.listByDevice("glucose-1", T0, T0.plusSeconds(3600), 10)).containsExactly(first, second);
        assertThat(records.replayWindow("glucose-1")).isEqualTo(ReplayWindow.EMPTY.check(1).window());
    }
}
