package io.pactum.core.ledger.proof;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.ledger.EntrySealer;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.MemoryLedgerStore;
import io.pactum.core.ledger.StoredCheckpoint;
import io.pactum.core.ledger.checkpoint.Checkpoint;
import io.pactum.core.ledger.checkpoint.CheckpointNotes;
import io.pactum.core.ledger.checkpoint.NoteSigner;
import io.pactum.core.ledger.checkpoint.NoteVerifierKey;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Map;

/** A real ledger over {@link MemoryLedgerStore}, filled with audit events, with checkpoints signed by a fresh key. */
final class ProofTestLedger {
    static final String ORIGIN = "pactum.test/ledger";
    static final Instant START = Instant.parse("2026-11-23T19:00:00Z");

    final Ledger ledger;
    final MemoryLedgerStore store;
    final NoteSigner signer;

    private ProofTestLedger(int entries) {
        store = new MemoryLedgerStore();
        ledger = Ledger.open(store, EntrySealer.NONE, 64);
        signer = signer(ORIGIN);
        for (int i = 0; i < entries; i++) {
            ledger.appendAndGetIndex(new AuditEvent(AuditEventType.SECURITY_SIGNAL, START.plusSeconds(i), AuditEvent.HUB,
                    Map.of("signal", "test-" + i)));
        }
    }

    static ProofTestLedger withEntries(int entries) {
        return new ProofTestLedger(entries);
    }

    NoteVerifierKey key() {
        return signer.verifierKey();
    }

    /** Signs and stores a checkpoint for {@code size}; returns the note. */
    String checkpoint(long size, Instant time) {
        return checkpoint(size, time, signer, ORIGIN);
    }

    /** A note for {@code size} of this ledger's tree, as {@code by} would sign it for {@code origin}; stored. */
    String checkpoint(long size, Instant time, NoteSigner by, String origin) {
        String note = note(size, time, by, origin);
        store.addCheckpoint(new StoredCheckpoint(size, time, note));
        return note;
    }

    /** The same as {@link #checkpoint(long, Instant, NoteSigner, String)}, not stored. */
    String note(long size, Instant time, NoteSigner by, String origin) {
        return CheckpointNotes.sign(new Checkpoint(origin, size, ledger.tree(size).rootHash(size).bytes()).withTime(time), by);
    }

    static NoteSigner signer(String name) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new NoteSigner(name, pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
