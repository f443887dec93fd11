package io.pactum.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.core.ledger.LedgerVerification;
import io.pactum.core.ledger.StoredCheckpoint;
import io.pactum.core.ledger.checkpoint.NoteVerifierKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the demo prints at its end: each partner's first record as it received it, and the proof —
 * the checkpoint signed at the end, the ledger checked against it, and the command to check it again.
 */
final class DemoOutro {
    /** What a shell takes as one word without quotes. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9._/+=:@-]+");

    private DemoOutro() {}

    static void samples(PrintWriter out, Map<String, @Nullable JsonNode> samples) {
        out.println("What each partner received (its first delivery's record, exactly as sent):");
        samples.forEach((partner, event) -> out.println("  " + partner + ":\n    "
                + (event == null ? "nothing" : event.get("record").toString())));
    }

    static void ledger(PrintWriter out, StoredCheckpoint checkpoint, Path kept, Path dataDir,
            LedgerVerification verified, NoteVerifierKey key) {
        out.println();
        out.println("Audit ledger: every release, refusal, consent change and incident action is in it."
                + " Checkpoint signed at the end (saved to " + kept + "):");
        checkpoint.note().lines().forEach(line -> out.println(line.isEmpty() ? "" : "  " + line));
        out.print("Checked now against it: ");
        LedgerCheck.print(out, verified, key);
        out.println("Check it again at any time, as an auditor would, with only the hub's public key:");
        out.println("  ./pactum audit verify --data-dir " + shellWord(dataDir.toString()) + " --key " + key.encoded()
                + " --checkpoint " + shellWord(kept.toString()));
        out.println();
        out.flush();
    }

    /** The text as one shell word: as it is when that is safe, in single quotes otherwise. */
    static String shellWord(String text) {
        return PLAIN_WORD.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
