package io.pactum.bench;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.ledger.EntrySealer;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerEntry;
import io.pactum.core.ledger.merkle.Hash;
import io.pactum.core.ledger.merkle.MerkleHash;
import io.pactum.storage.jdbc.JdbcDatabase;
import io.pactum.storage.jdbc.JdbcSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The audit ledger's write path (issue #5), with realistic DATA_RELEASED events (seven details, four
 * random 22-character pseudonyms/ids):
 * <ul>
 *   <li>{@code encodeAndLeafHash}: canonical encoding of one entry and its RFC 9162 leaf hash — the
 *       CPU the ledger adds per entry, no store;
 *   <li>{@code appendH2_1thread} / {@code appendH2_8threads}: {@link Ledger#append} (durable before
 *       return) on the hub's H2 file database ({@code WRITE_DELAY=0}) with the hub's maxBatch of 512;
 *       with 8 callers the writer thread commits what queued during the previous commit in one
 *       transaction (group commit), so entries/s grows with callers;
 *   <li>{@code recordAndDrainH2}: 10,000 {@link Ledger#record}s (queued, no wait) until all are
 *       durable, per entry.
 * </ul>
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LedgerAppendBenchmark {
    private static final int HUB_MAX_BATCH = 512;
    private static final int DRAIN_BATCH = 10_000;

    private Path dir;
    private JdbcDatabase database;
    private Ledger ledger;

    /** Events made ahead, so that the measured work is the ledger's, not the random strings'. */
    @State(Scope.Thread)
    public static class Events {
        private static final int POOL = 4096;
        final AuditEvent[] pool = new AuditEvent[POOL];
        int next;
        long index;

        @Setup(Level.Trial)
        public void make() {
            LedgerEvents events = new LedgerEvents(Thread.currentThread().getId());
            for (int i = 0; i < POOL; i++) {
                pool[i] = events.next();
            }
        }

        AuditEvent next() {
            AuditEvent e = pool[next];
            next = (next + 1) & (POOL - 1);
            return e;
        }
    }

    @Setup(Level.Trial)
    public void open() throws Exception {
        dir = Files.createTempDirectory("pactum-ledger-bench");
        database = JdbcDatabase.open(new JdbcSettings(JdbcDatabase.h2FileUrl(dir), null, null, 8));
        ledger = Ledger.open(database.ledger(), EntrySealer.NONE, HUB_MAX_BATCH);
    }

    @TearDown(Level.Trial)
    public void close() {
        ledger.close();
        database.close();
        LedgerEvents.deleteTree(dir);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Hash encodeAndLeafHash(Events events) {
        byte[] bytes = LedgerEntry.of(events.index++, events.next()).canonicalBytes();
        return MerkleHash.leaf(bytes);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public void appendH2_1thread(Events events) {
        ledger.append(events.next());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(8)
    public void appendH2_8threads(Events events) {
        ledger.append(events.next());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(DRAIN_BATCH)
    public long recordAndDrainH2(Events events) {
        long target = ledger.size() + DRAIN_BATCH;
        for (int i = 0; i < DRAIN_BATCH; i++) {
            ledger.record(events.next());
        }
        while (ledger.size() < target) {
            LockSupport.parkNanos(50_000);
        }
        if (ledger.droppedCount() != 0) {
            throw new IllegalStateException("dropped " + ledger.droppedCount());
        }
        return ledger.size();
    }
}
