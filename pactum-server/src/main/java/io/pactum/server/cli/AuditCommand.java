package io.pactum.server.cli;

import picocli.CommandLine.Command;

/**
 * The audit ledger from the command line: verify it (the whole stored log, or one proof) with only
 * the public key, print proofs, sign a checkpoint, print the key, answer a data subject, shred one.
 * Commands that open the database need the hub stopped when the database is the embedded one.
 */
@Command(name = "audit", description = "Verify the audit ledger, print proofs, sign checkpoints.",
        mixinStandardHelpOptions = true,
        subcommands = {AuditVerifyCommand.class, AuditProofCommand.class, AuditCheckpointCommand.class,
                AuditKeyCommand.class, AuditDisclosuresCommand.class, AuditEraseSubjectCommand.class})
final class AuditCommand {
    /** Exit code when the ledger or a proof does not verify. */
    static final int NOT_VERIFIED = 1;

    private AuditCommand() {}
}
