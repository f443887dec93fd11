package io.pactum.server.cli;

import io.pactum.server.config.ConfigReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Configuration helpers. */
@Command(name = "config", description = "Inspect the configuration.", mixinStandardHelpOptions = true,
        subcommands = ConfigCommand.Reference.class)
final class ConfigCommand {
    @Command(name = "reference", description = "Print every configuration key with its default and description.",
            mixinStandardHelpOptions = true)
    static final class Reference implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().getOut().print(ConfigReference.markdownTable());
            spec.commandLine().getOut().flush();
        }
    }
}
