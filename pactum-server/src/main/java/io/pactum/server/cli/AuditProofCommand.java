package io.pactum.server.cli;

import io.pactum.core.ledger.EntrySealer;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.StoredCheckpoint;
import io.pactum.core.ledger.proof.LedgerProofs;
import io.pactum.core.ledger.proof.ProofJson;
import io.pactum.server.LocalRegistry;
import io.pactum.server.config.PactumConfig;
import io.pactum.storage.jdbc.JdbcDatabase;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `pactum audit proof`: an inclusion or consistency proof as the documented JSON. */
@Command(name = "proof", mixinStandardHelpOptions = true,
        description = "Print an inclusion proof (--index) or a consistency proof (--from, --to) as JSON.")
final class AuditProofCommand extends LocalCommand implements Callable<Integer> {
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
            out().println(json);
            out().flush();
        }
        return 0;
    }
}
