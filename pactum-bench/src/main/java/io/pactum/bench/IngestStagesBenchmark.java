package io.pactum.bench;

import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.Channel;
import io.pactum.core.ingest.FieldValue;
import io.pactum.core.ingest.Provenance;
import io.pactum.core.integrity.DeviceKeys;
import io.pactum.core.integrity.IntegrityMethod;
import io.pactum.core.integrity.MessageVerifier;
import io.pactum.core.integrity.ReplayWindow;
import io.pactum.core.integrity.VerifiedMessage;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.Ids;
import io.pactum.core.registry.Product;
import io.pactum.core.translate.PayloadTranslator;
import io.pactum.core.translate.PayloadTranslators;
import io.pactum.core.translate.RecordValidator;
import io.pactum.core.translate.ValidationResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pipeline's stages one by one, over the same H2 file database and registry the hub uses, to
 * see where {@link IngestPipelineBenchmark}'s time goes: opening the device's sealed MAC key (done
 * for every message), verifying the Mac0, reading the replay window from the database (every
 * message), translating and validating, and the storing transaction (record + window, one commit).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class IngestStagesBenchmark {
    private static final byte[] NO_AAD = new byte[0];
    private static final Instant MEASURED = Instant.parse("2026-11-23T09:00:00Z");

    private BenchStore store;
    private byte[] message;
    private byte[] payload;
    private DeviceKeys keys;
    private PayloadTranslator translator;
    private RecordValidator validator;
    private long counter = 1;

    @Setup(Level.Trial)
    public void open() throws Exception {
        store = new BenchStore();
        keys = DeviceKeys.mac(store.device.macKey());
        message = GlucoseMessages.message(store.device.id(), store.device.macKey(), 1, 5.4, MEASURED);
        payload = MessageVerifier.verify(message, store.device.id(), keys, NO_AAD).payload();
        Product product = store.fleet.product;
        translator = PayloadTranslators.create(product.payloadFormat(), product.translation(), product.dataModel(),
                Clock.systemUTC());
        validator = new RecordValidator(product.dataModel());
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    /** What the keyring does per message: the registry opens the sealed key (Tink AEAD). */
    @Benchmark
    public byte[] openSealedMacKey() {
        return store.local.registry().devices().macKey(store.connected.device());
    }

    @Benchmark
    public VerifiedMessage verifyMac0() throws Exception {
        return MessageVerifier.verify(message, store.device.id(), keys, NO_AAD);
    }

    @Benchmark
    public ReplayWindow readReplayWindow() {
        return store.local.database().records().replayWindow(store.device.id());
    }

    @Benchmark
    public ValidationResult translateAndValidate() throws Exception {
        return validator.validate(translator.translate(payload));
    }

    /** One record and the advanced window in one transaction (one H2 commit), as an accepted message. */
    @Benchmark
    public CanonicalRecord storeRecordAndWindow() {
        long c = counter++;
        CanonicalRecord record = new CanonicalRecord(Ids.newId(), store.device.id(), store.fleet.product.id(),
                store.connected.device().subjectId(), Channel.TELEMETRY, MEASURED, Instant.now(),
                List.of(new FieldValue("glucose", FieldType.NUMBER, 5.4, "mmol/L", DataCategory.HEALTH)),
                new Provenance("jmh", IntegrityMethod.COSE_MAC0, c), false);
        store.local.database().records().append(record, new ReplayWindow(c, 1));
        return record;
    }
}
