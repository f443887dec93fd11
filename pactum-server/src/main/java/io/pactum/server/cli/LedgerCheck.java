package io.pactum.server.cli;

import io.pactum.core.ledger.LedgerVerification;
import io.pactum.core.ledger.LedgerVerifier;
import io.pactum.core.ledger.checkpoint.NoteVerifierKey;
import io.pactum.server.LocalRegistry;
import io.pactum.server.config.PactumConfig;
import io.pactum.storage.jdbc.JdbcDatabase;
import java.io.PrintWriter;
import java.util.List;

/** The whole stored log checked against its checkpoints (and any kept elsewhere), with the hub stopped. */
final class LedgerCheck {
    private LedgerCheck() {}

    static LedgerVerification verify(PactumConfig config, NoteVerifierKey trusted, List<String> heldElsewhere) {
        try (JdbcDatabase database = LocalRegistry.openDatabase(config)) {
            return new LedgerVerifier(database.ledger(), trusted.name(), List.of(trusted), heldElsewhere).verify();
        }
    }

    /** {@code OK: ...} or {@code FAILED: ...} with the problems, as {@code pactum audit verify} prints it. */
    static void print(PrintWriter out, LedgerVerification result, NoteVerifierKey trusted) {
        if (result.ok()) {
            out.println("OK: " + result.entriesChecked() + " entries and " + result.checkpointsChecked()
                    + " checkpoints verify with " + trusted.encoded());
            if (result.provenSize() < result.entriesChecked()) {
                out.println("  entries " + result.provenSize() + " to " + (result.entriesChecked() - 1)
                        + " are not yet covered by a signed checkpoint");
            }
        } else {
            out.println("FAILED: " + result.problemsFound() + " problem(s)"
                    + result.firstBadIndex().stream().mapToObj(i -> "; first bad index " + i).findFirst().orElse(""));
            result.messages().forEach(message -> out.println("  " + message));
        }
        out.flush();
    }
}
