package io.pactum.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.ledger.EntrySealer;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerVerification;
import io.pactum.core.ledger.LedgerVerifier;
import io.pactum.core.ledger.StoredCheckpoint;
import io.pactum.core.ledger.checkpoint.NoteVerifierKey;
import io.pactum.core.ledger.proof.LedgerProofs;
import io.pactum.core.ledger.proof.ProofCheck;
import io.pactum.core.ledger.proof.ProofCheckResult;
import io.pactum.core.ledger.proof.ProofDocument;
import io.pactum.core.ledger.proof.ProofJson;
import io.pactum.core.ledger.subject.Disclosure;
import io.pactum.core.ledger.subject.SubjectDisclosures;
import io.pactum.server.LocalRegistry;
import io.pactum.server.config.PactumConfig;
import io.pactum.storage.jdbc.JdbcDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The audit ledger from the command line: verify it (the whole stored log, or one proof) with only
 * the public key, print proofs, sign a checkpoint, print the key. Commands that open the database
 * need the hub stopped when the database is the embedded one.
 */
@Command(name = "audit", description = "Verify the audit ledger, print proofs, sign checkpoints.",
        mixinStandardHelpOptions = true,
        subcommands = {AuditCommand.Verify.class, AuditCommand.Proof.class, AuditCommand.Checkpoint.class,
                AuditCommand.Key.class, AuditCommand.Disclosures.class, AuditCommand.EraseSubject.class})
final class AuditCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Exit code when the ledger or a proof does not verify. */
    static final int NOT_VERIFIED = 1;

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the whole stored ledger against its signed checkpoints (exit 1 and the first bad"
                    + " index if anything was changed), or, with --proof, one proof against a checkpoint.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        ConfigOptions options = new ConfigOptions();

        @Mixin
        LedgerKeyOption key = new LedgerKeyOption();

        @Option(names = "--proof", paramLabel = "FILE", description = "A proof document (JSON) to check instead of the log.")
        @Nullable Path proof;

        @Option(names = "--checkpoint", paramLabel = "FILE",
                description = "A signed checkpoint you kept outside the hub: the log must agree with it (deleting the"
                        + " stored checkpoints cannot hide a rewrite); with --proof, the checkpoint to check the proof"
                        + " against instead of the one the proof carries.")
        @Nullable Path checkpoint;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
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
            return result.valid() ? 0 : NOT_VERIFIED;
        }

        private int verifyLog(PrintWriter out, PactumConfig config, NoteVerifierKey trusted) {
            LedgerVerification result;
            List<String> heldElsewhere = checkpoint == null ? List.of() : List.of(read(checkpoint));
            try (JdbcDatabase database = LocalRegistry.openDatabase(config)) {
                result = new LedgerVerifier(database.ledger(), trusted.name(), List.of(trusted), heldElsewhere).verify();
            }
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
            return result.ok() ? 0 : NOT_VERIFIED;
        }
    }

    @Command(name = "proof", mixinStandardHelpOptions = true,
            description = "Print an inclusion proof (--index) or a consistency proof (--from, --to) as JSON.")
    static final class Proof implements Callable<Integer> {
        @Mixin
        ConfigOptions options = new ConfigOptions();

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        static final class Which {
            @Option(names = "--index", paramLabel = "N", description = "The entry to prove included.")
            @Nullable Long index;

            @Option(names = "--from", paramLabel = "SIZE", description = "The older tree size of a consistency proof.")
            @Nullable Long from;
        }

        @Option(names = {"--size", "--to"}, paramLabel = "SIZE",
                description = "The tree size to prove against (default: that of the latest checkpoint).")
        @Nullable Long size;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PactumConfig config = options.load();
            String origin = config.ledger().origin();
            try (JdbcDatabase database = LocalRegistry.openDatabase(config);
                    Ledger ledger = Ledger.open(database.ledger(), EntrySealer.NONE, 1)) {
                long treeSize = size != null ? size
                        : database.ledger().latestCheckpoint().map(StoredCheckpoint::size).orElse(ledger.size());
                String json = which.index != null
                        ? ProofJson.write(LedgerProofs.inclusion(ledger, origin, which.index, treeSize))
                        : ProofJson.write(LedgerProofs.consistency(ledger, origin, which.from, treeSize));
                spec.commandLine().getOut().println(json);
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Sign a checkpoint of the ledger now and print it (needs the master key).")
    static final class Checkpoint implements Callable<Integer> {
        @Mixin
        ConfigOptions options = new ConfigOptions();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (LocalRegistry local = LocalRegistry.open(options.load())) {
                spec.commandLine().getOut().print(local.checkpoints().checkpoint().note());
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    @Command(name = "key", mixinStandardHelpOptions = true,
            description = "Print the verifier key of the ledger's checkpoints: publish it, keep it apart from the hub.")
    static final class Key implements Callable<Integer> {
        @Mixin
        ConfigOptions options = new ConfigOptions();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(LedgerKeyOption.hubKey(options.load()).encoded());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "disclosures", mixinStandardHelpOptions = true,
            description = "Who received a data subject's data: every release the ledger recorded for them, as JSON lines.")
    static final class Disclosures implements Callable<Integer> {
        @Mixin
        ConfigOptions options = new ConfigOptions();

        @Option(names = "--subject", required = true, paramLabel = "ID", description = "The data subject's id.")
        String subjectId = "";

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            try (LocalRegistry local = LocalRegistry.open(options.load())) {
                for (Disclosure disclosure : new SubjectDisclosures(local.ledger(), local.subjectSealer()).of(subjectId)) {
                    out.println(JSON.writeValueAsString(JSON.createObjectNode()
                            .put("time", disclosure.time().toString())
                            .put("recipientId", disclosure.recipientId())
                            .put("agreementId", disclosure.agreementId())
                            .put("purpose", disclosure.purpose())
                            .put("fields", disclosure.fields())
                            .put("ledgerIndex", disclosure.entryIndex())));
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "erase-subject", mixinStandardHelpOptions = true,
            description = "Crypto-shred a data subject in the ledger: erase the key that sealed their personal details."
                    + " Their entries stay (and the log still verifies) but can no longer be read. Stop the hub first:"
                    + " a running hub keeps the key it has in memory until it restarts.")
    static final class EraseSubject implements Callable<Integer> {
        @Mixin
        ConfigOptions options = new ConfigOptions();

        @Option(names = "--subject", required = true, paramLabel = "ID", description = "The data subject's id.")
        String subjectId = "";

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (LocalRegistry local = LocalRegistry.open(options.load())) {
                var keyId = local.subjectSealer().keyIdOf(subjectId);
                if (keyId.isEmpty()) {
                    out.println("subject " + subjectId + " has no ledger key: nothing to erase");
                } else {
                    // recorded first: an erasure that happened is never missing from the ledger. The
                    // entry names the key, not the subject: once erased, nothing links the two.
                    local.ledger().append(new AuditEvent(AuditEventType.REGISTRY_CHANGED, local.clock().instant(),
                            "local-cli", Map.of("action", "subject.ledger-key-erased", "keyId", keyId.get())));
                    local.subjectSealer().erase(subjectId);
                    out.println("erased ledger key " + keyId.get() + " of subject " + subjectId
                            + "; the entries it sealed can no longer be read");
                }
            }
            out.flush();
            return 0;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
