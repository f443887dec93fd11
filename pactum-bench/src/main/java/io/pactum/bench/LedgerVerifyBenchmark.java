package io.pactum.bench;

import io.pactum.core.ledger.EntrySealer;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerStore;
import io.pactum.core.ledger.LedgerVerification;
import io.pactum.core.ledger.LedgerVerifier;
import io.pactum.core.ledger.MemoryLedgerStore;
import io.pactum.core.ledger.checkpoint.NoteSigner;
import io.pactum.storage.jdbc.JdbcDatabase;
import io.pactum.storage.jdbc.JdbcSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link LedgerVerifier#verify()} over a ledger of 100,000 realistic DATA_RELEASED entries, written
 * through the real {@link Ledger} writer and covered by one signed checkpoint, per entry: in memory
 * (the verifier's own work: decode, re-encode, leaf hash, tree, subtree hashes, signature) and on the
 * hub's H2 file database (plus reading the rows in pages of 10,000).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LedgerVerifyBenchmark {
    private static final int ENTRIES = 100_000;

    @Param({"memory", "h2"})
    public String store;

    private Path dir;
    private JdbcDatabase database;
    private LedgerVerifier verifier;

    @Setup(Level.Trial)
    public void build() throws Exception {
        LedgerStore ledgerStore;
        if (store.equals("h2")) {
            dir = Files.createTempDirectory("pactum-ledger-verify-bench");
            database = JdbcDatabase.open(new JdbcSettings(JdbcDatabase.h2FileUrl(dir), null, null, 8));
            ledgerStore = database.ledger();
        } else {
            ledgerStore = new MemoryLedgerStore();
        }
        NoteSigner signer = LedgerFill.signer(LedgerFill.ed25519());
        Ledger ledger = Ledger.open(ledgerStore, EntrySealer.NONE, 4096);
        LedgerFill.fill(ledger, ENTRIES, 1, size -> { });
        LedgerFill.checkpoint(ledger, signer);
        ledger.close();
        verifier = new LedgerVerifier(ledgerStore, LedgerFill.ORIGIN, List.of(signer.verifierKey()));
        LedgerVerification result = verifier.verify();
        if (!result.ok() || result.entriesChecked() != ENTRIES) {
            throw new IllegalStateException("the fresh ledger does not verify: " + result.messages());
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        if (database != null) {
            database.close();
            LedgerEvents.deleteTree(dir);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public LedgerVerification verify() {
        return verifier.verify();
    }
}
