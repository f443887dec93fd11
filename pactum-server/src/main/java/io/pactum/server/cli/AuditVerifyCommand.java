package io.pactum.server.cli;

import io.pactum.core.ledger.LedgerVerification;
import io.pactum.core.ledger.checkpoint.NoteVerifierKey;
import io.pactum.core.ledger.proof.ProofCheck;
import io.pactum.core.ledger.proof.ProofCheckResult;
import io.pactum.core.ledger.proof.ProofDocument;
import io.pactum.core.ledger.proof.ProofJson;
import io.pactum.server.config.PactumConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `pactum audit verify`: the whole stored log against its checkpoints, or one proof, with only the public key. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the whole stored ledger against its signed checkpoints (exit 1 and the first bad"
                + " index if anything was changed), or, with --proof, one proof against a checkpoint.")
final class AuditVerifyCommand extends LocalCommand implements Callable<Integer> {
    @Mixin
    LedgerKeyOption key = new LedgerKeyOption();

    @Option(names = "--proof", paramLabel = "FILE", description = "A proof document (JSON) to check instead of the log.")
    @Nullable Path proof;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "A signed checkpoint you kept outside the hub: the log must agree with it (deleting the"
                    + " stored checkpoints cannot hide a rewrite); with --proof, the checkpoint to check the proof"
                    + " against instead of the one the proof carries.")
    @Nullable Path checkpoint;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PactumConfig config = options.load();
        NoteVerifierKey trusted = key.resolve(config, spec.commandLine().getErr());
        return proof != null ? checkProof(out, trusted) : verifyLog(out, config, trusted);
    }

    private int checkProof(PrintWriter out, NoteVerifierKey trusted) {
        ProofDocument document = ProofJson.parse(read(proof));
        ProofCheckResult result = checkpoint == null
                ? ProofCheck.check(document, trusted.name(), List.of(trusted))
                : ProofCheck.check(document, trusted.name(), List.of(trusted), read(checkpoint));
        out.println((result.valid() ? "VALID: " : "INVALID: ") + result.reason());
        out.flush();
        return result.valid() ? 0 : AuditCommand.NOT_VERIFIED;
    }

    private int verifyLog(PrintWriter out, PactumConfig config, NoteVerifierKey trusted) {
        List<String> heldElsewhere = checkpoint == null ? List.of() : List.of(read(checkpoint));
        LedgerVerification result = LedgerCheck.verify(config, trusted, heldElsewhere);
        LedgerCheck.print(out, result, trusted);
        return result.ok() ? 0 : AuditCommand.NOT_VERIFIED;
    }
}
