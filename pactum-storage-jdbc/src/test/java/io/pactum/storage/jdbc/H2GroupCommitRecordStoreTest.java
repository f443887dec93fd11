package io.pactum.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.Channel;
import io.pactum.core.ingest.FieldValue;
import io.pactum.core.ingest.GroupCommitRecordStore;
import io.pactum.core.ingest.Provenance;
import io.pactum.core.ingest.RecordStoreContract;
import io.pactum.core.integrity.IntegrityMethod;
import io.pactum.core.integrity.ReplayWindow;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.FieldType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit keeps the record store contract, and under concurrent load from many devices
 * every append is durable, in order per device, with the last window of each device stored.
 */
class H2GroupCommitRecordStoreTest extends RecordStoreContract {
    @TempDir
    Path dataDir;

    private JdbcDatabase database;
    private GroupCommitRecordStore store;

    @Override
    protected Stores newStores() {
        database = JdbcDatabase.open(new JdbcSettings(JdbcDatabase.h2FileUrl(dataDir), null, null, 4));
        store = new GroupCommitRecordStore(database.records(), 64);
        return new Stores(database.stores(), store);
    }

    @AfterEach
    void close() {
        store.close();
        database.close();
    }

    @Test
    void concurrentAppendsOfManyDevices_areAllDurable_withEachDevicesLastWindow() throws Exception {
        List<String> devices = List.of("glucose-1", "glucose-2", "thermo-1");
        int perDevice = 200;
        ExecutorService pool = Executors.newFixedThreadPool(devices.size());
        List<Future<?>> running = new ArrayList<>();
        for (String device : devices) {
            String product = device.startsWith("glucose") ? "glucose-product" : "thermo-product";
            running.add(pool.submit(() -> {
                ReplayWindow window = ReplayWindow.EMPTY;
                for (long counter = 1; counter <= perDevice; counter++) {
                    window = window.check(counter).window();
                    Instant at = Instant.parse("2026-01-10T12:00:00Z").plusSeconds(counter);
                    store.append(new CanonicalRecord(device + "-" + counter, device, product, null, Channel.TELEMETRY,
                            at, at, List.of(new FieldValue("glucose", FieldType.NUMBER, 5.0, "mmol/L",
                                    DataCategory.HEALTH)), new Provenance("test", IntegrityMethod.COSE_MAC0, counter),
                            false), window);
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();

        for (String device : devices) {
            List<CanonicalRecord> stored = database.records().listByDevice(device, Instant.EPOCH,
                    Instant.parse("2100-01-01T00:00:00Z"), 1000);
            assertThat(stored).hasSize(perDevice);
            assertThat(stored).extracting(r -> r.provenance().counter())
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, perDevice).boxed().toList());
            assertThat(database.records().replayWindow(device).highest()).isEqualTo(perDevice);
        }
    }
}
