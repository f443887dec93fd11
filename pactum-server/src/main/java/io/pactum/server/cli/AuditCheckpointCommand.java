package io.pactum.server.cli;

import io.pactum.server.LocalRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** `pactum audit checkpoint`: signs a checkpoint now. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = "Sign a checkpoint of the ledger now and print it (needs the master key).")
final class AuditCheckpointCommand extends LocalCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        try (LocalRegistry local = LocalRegistry.open(options.load())) {
            out().print(local.checkpoints().checkpoint().note());
            out().flush();
        }
        return 0;
    }
}
