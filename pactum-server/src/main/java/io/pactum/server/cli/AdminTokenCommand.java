package io.pactum.server.cli;

import io.pactum.core.registry.IssuedToken;
import io.pactum.server.LocalRegistry;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Issues a further operator admin token directly in the database, for whoever administers the
 * machine, e.g. when the first token was lost. With the embedded database the hub must be stopped.
 */
@Command(name = "admin-token", description = "Issue a new operator admin token (works on the database directly).",
        mixinStandardHelpOptions = true)
final class AdminTokenCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--name", description = "Name of the new API client (default: admin-<time>).")
    String name = "admin-" + Instant.now().getEpochSecond();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (LocalRegistry local = LocalRegistry.open(options.load())) {
            IssuedToken issued = local.registry().bootstrap().issueLocalAdminToken(name);
            PrintWriter out = spec.commandLine().getOut();
            out.println("New operator admin token for client " + issued.client().id() + " (shown only now):");
            out.println(issued.token());
            out.flush();
        }
        return 0;
    }
}
