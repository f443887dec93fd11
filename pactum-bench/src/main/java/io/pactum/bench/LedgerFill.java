package io.pactum.bench;

import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerCheckpoints;
import io.pactum.core.ledger.StoredCheckpoint;
import io.pactum.core.ledger.checkpoint.NoteSigner;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Fills a ledger through its real writer: producer threads {@link Ledger#record} realistic events,
 * the ledger's writer thread encodes, hashes and stores them in batches of up to its maxBatch (one
 * transaction each). Producers keep fewer events in flight than the ledger's queue holds, so none is
 * dropped, and the result is exactly {@code count} entries (checked).
 */
final class LedgerFill {
    static final String ORIGIN = "pactum.bench/ledger";
    /** Below the ledger's queue capacity (65,536), so that {@code record} never drops. */
    private static final long IN_FLIGHT = 32_768;

    private LedgerFill() {
    }

    /** Appends {@code count} events with {@code producers} threads; {@code progress} gets the size now and then. */
    static void fill(Ledger ledger, long count, int producers, LongConsumer progress) {
        long start = ledger.size();
        long target = start + count;
        AtomicLong submitted = new AtomicLong(start);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            long seed = 42 + p;
            Thread t = new Thread(() -> {
                LedgerEvents events = new LedgerEvents(seed);
                while (true) {
                    long n = submitted.getAndIncrement();
                    if (n >= target) {
                        return;
                    }
                    while (n - ledger.size() >= IN_FLIGHT) {
                        LockSupport.parkNanos(200_000);
                    }
                    ledger.record(events.next());
                }
            }, "ledger-fill-" + p);
            t.start();
            threads.add(t);
        }
        long lastReport = System.nanoTime();
        while (ledger.size() < target) {
            LockSupport.parkNanos(2_000_000);
            if (ledger.droppedCount() > 0) {
                throw new IllegalStateException("the ledger dropped " + ledger.droppedCount() + " events");
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                progress.accept(ledger.size());
            }
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (ledger.size() != target || ledger.droppedCount() != 0) {
            throw new IllegalStateException("expected " + target + " entries, have " + ledger.size()
                    + " (dropped " + ledger.droppedCount() + ")");
        }
    }

    static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK 17 has Ed25519", e);
        }
    }

    /** Signs and stores a checkpoint of the ledger's current head; returns it. */
    static StoredCheckpoint checkpoint(Ledger ledger, NoteSigner signer) {
        return new LedgerCheckpoints(ledger, signer, Clock.systemUTC()).checkpoint();
    }

    static NoteSigner signer(KeyPair keys) {
        return new NoteSigner(ORIGIN, keys.getPrivate(), keys.getPublic());
    }
}
