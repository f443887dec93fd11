package io.pactum.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** `pactum audit key`: the verifier key of the ledger's checkpoints. */
@Command(name = "key", mixinStandardHelpOptions = true,
        description = "Print the verifier key of the ledger's checkpoints: publish it, keep it apart from the hub.")
final class AuditKeyCommand extends LocalCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        out().println(LedgerKeyOption.hubKey(options.load()).encoded());
        out().flush();
        return 0;
    }
}
