package io.pactum.bench;

import io.pactum.core.ingest.Channel;
import io.pactum.core.ingest.InboundMessage;
import io.pactum.core.ingest.IngestOutcome;
import java.time.Instant;
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
 * The whole ingest pipeline for one protected SenML CBOR glucose message, without the network:
 * COSE_Mac0 verification (with the device's sealed MAC key opened), replay-window check, SenML
 * translation, validation against the data model, and the H2 transaction that stores the record
 * and the advanced window. Messages are pre-built with increasing counters (not measured); each is
 * ingested exactly once and must be accepted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class IngestPipelineBenchmark {
    /** Messages kept ready per iteration; far more than one iteration can ingest on this hardware. */
    private static final int POOL = 100_000;

    private BenchStore store;
    private byte[][] pool = new byte[0][];
    private int next;
    private long nextCounter = 1;

    @Setup(Level.Trial)
    public void open() {
        store = new BenchStore();
    }

    @Setup(Level.Iteration)
    public void refill() {
        if (pool.length - next < POOL / 2) {
            pool = GlucoseMessages.build(store.device.id(), store.device.macKey(), nextCounter, POOL, Instant.now(),
                    nextCounter);
            nextCounter += POOL;
            next = 0;
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    @Benchmark
    public IngestOutcome ingestProtectedSenmlCbor() {
        if (next == pool.length) {
            throw new IllegalStateException("the message pool ran out; raise POOL");
        }
        IngestOutcome outcome = store.gateway.ingest().ingest(store.connected,
                new InboundMessage(Channel.TELEMETRY, pool[next++], Instant.now(), "jmh", "127.0.0.1", false));
        if (!(outcome instanceof IngestOutcome.Accepted)) {
            throw new IllegalStateException("not accepted: " + outcome);
        }
        return outcome;
    }
}
