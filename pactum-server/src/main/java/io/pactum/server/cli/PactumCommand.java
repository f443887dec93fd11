package io.pactum.server.cli;

import io.pactum.server.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pactum} command line. */
@Command(name = "pactum", mixinStandardHelpOptions = true, versionProvider = PactumCommand.Version.class,
        description = "Pactum, the trust hub for multi-supplier IoT ecosystems.",
        subcommands = {ServeCommand.class, DemoCommand.class, ConfigCommand.class, AdminTokenCommand.class, OrganisationCommand.class,
                TokenCommand.class, ProductCommand.class, DeviceCommand.class, AuditCommand.class, EvidenceCommand.class,
                IncidentCommand.class})
public final class PactumCommand {
    /** Exit code for invalid configuration, so scripts can tell it from other failures. */
    public static final int EXIT_CONFIG = 2;

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PactumCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("pactum: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            commandLine.getErr().flush();
            return e instanceof ConfigException ? EXIT_CONFIG : 1;
        });
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PactumCommand.class.getPackage().getImplementationVersion();
            return new String[] {"pactum " + (version != null ? version : "development build")};
        }
    }
}
