package io.pactum.bench;

import io.pactum.core.ledger.EntrySealer;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerVerification;
import io.pactum.core.ledger.LedgerVerifier;
import io.pactum.core.ledger.StoredCheckpoint;
import io.pactum.core.ledger.checkpoint.NoteSigner;
import io.pactum.storage.jdbc.JdbcDatabase;
import io.pactum.storage.jdbc.JdbcSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds a large audit ledger in an H2 file database under a temporary directory through the real
 * {@link Ledger} writer (producer threads {@code record}, the writer commits batches of up to
 * {@code --batch}), signs a checkpoint over it, reopens the database and times
 * {@link LedgerVerifier#verify()} over every entry. Deletes the directory at the end.
 *
 * <pre>
 * java -Xmx1g -cp pactum-bench/target/pactum-bench.jar io.pactum.bench.LedgerVerifyHarness [entries]
 *     [--producers N] [--batch N] [--dir PATH]
 * </pre>
 * {@code entries} defaults to 10,000,000.
 */
public final class LedgerVerifyHarness {
    private LedgerVerifyHarness() {
    }

    public static void main(String[] args) throws Exception {
        long entries = 10_000_000;
        int producers = 2;
        int batch = 4096;
        Path parent = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--producers" -> producers = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--dir" -> parent = Path.of(args[++i]);
                default -> entries = Long.parseLong(args[i].replace("_", "").replace(",", ""));
            }
        }
        System.out.println("machine: " + Machine.describe() + ", max heap "
                + mib(Runtime.getRuntime().maxMemory()) + " MiB");
        System.out.println("load average at start: " + Machine.loadAverage());
        Path dir = parent == null ? Files.createTempDirectory("pactum-ledger-harness")
                : Files.createTempDirectory(parent, "pactum-ledger-harness");
        HeapSampler heap = new HeapSampler();
        heap.start();
        try {
            run(dir, entries, producers, batch, heap);
        } finally {
            heap.interrupt();
            LedgerEvents.deleteTree(dir);
            System.out.println("deleted " + dir + ": " + !Files.exists(dir));
        }
    }

    private static void run(Path dir, long entries, int producers, int batch, HeapSampler heap) {
        String url = JdbcDatabase.h2FileUrl(dir);
        NoteSigner signer = LedgerFill.signer(LedgerFill.ed25519());

        // build
        heap.reset();
        long t0 = System.nanoTime();
        StoredCheckpoint checkpoint;
        try (JdbcDatabase database = JdbcDatabase.open(new JdbcSettings(url, null, null, 8))) {
            Ledger ledger = Ledger.open(database.ledger(), EntrySealer.NONE, batch);
            long buildStart = System.nanoTime();
            LedgerFill.fill(ledger, entries, producers, size -> System.out.printf(
                    "  ... %,d entries, %.0f s, %,.0f entries/s, load %s%n", size, seconds(buildStart),
                    size / seconds(buildStart), Machine.loadAverage()));
            checkpoint = LedgerFill.checkpoint(ledger, signer);
            ledger.close();
        }
        double buildSeconds = seconds(t0);
        System.out.printf("built: %,d entries in %.1f s (%,.0f entries/s), producers %d, maxBatch %d, "
                        + "peak heap used %d MiB, checkpoint at size %,d, load %s%n", entries, buildSeconds,
                entries / buildSeconds, producers, batch, mib(heap.peak()), checkpoint.size(), Machine.loadAverage());
        long bytes = LedgerEvents.sizeOnDisk(dir);
        System.out.printf("database on disk: %,d bytes (%.2f GiB, %.0f bytes per entry)%n", bytes,
                bytes / 1024.0 / 1024.0 / 1024.0, (double) bytes / entries);

        // verify, in a freshly opened database
        System.gc();
        heap.reset();
        try (JdbcDatabase database = JdbcDatabase.open(new JdbcSettings(url, null, null, 8))) {
            LedgerVerifier verifier = new LedgerVerifier(database.ledger(), LedgerFill.ORIGIN,
                    List.of(signer.verifierKey()));
            long v0 = System.nanoTime();
            LedgerVerification result = verifier.verify();
            double verifySeconds = seconds(v0);
            System.out.printf("verified: ok=%s, %,d entries checked, %d checkpoint(s), in %.1f s "
                            + "(%,.0f entries/s, %.2f µs per entry), peak heap used %d MiB (sampled) / %d MiB "
                            + "(pool peaks), max heap %d MiB, load %s%n", result.ok(), result.entriesChecked(),
                    result.checkpointsChecked(), verifySeconds, result.entriesChecked() / verifySeconds,
                    verifySeconds * 1e6 / result.entriesChecked(), mib(heap.peak()), mib(HeapSampler.poolPeaks()),
                    mib(Runtime.getRuntime().maxMemory()), Machine.loadAverage());
            if (!result.ok() || result.entriesChecked() != entries) {
                System.out.println("PROBLEMS: " + result.messages());
                System.exit(1);
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }

    /** Samples used heap every 20 ms; also resets the heap pools' own peak counters. */
    private static final class HeapSampler extends Thread {
        private final AtomicLong peak = new AtomicLong();

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        void reset() {
            peak.set(used());
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        }

        long peak() {
            return Math.max(peak.get(), used());
        }

        static long poolPeaks() {
            long sum = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    sum += pool.getPeakUsage().getUsed();
                }
            }
            return sum;
        }

        private static long used() {
            Runtime r = Runtime.getRuntime();
            return r.totalMemory() - r.freeMemory();
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                peak.accumulateAndGet(used(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
