package io.pactum.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pactum org ...}: organisations. */
@Command(name = "org", description = "Organisations.", mixinStandardHelpOptions = true,
        subcommands = {OrganisationCommand.Create.class, OrganisationCommand.List.class, OrganisationCommand.Show.class})
final class OrganisationCommand {
    @Command(name = "create", description = "Register an organisation (operator only).", mixinStandardHelpOptions = true)
    static final class Create extends ApiCommand {
        @Option(names = "--name", required = true, description = "Unique name.")
        String name;

        @Option(names = "--role", required = true, description = "operator, supplier, partner or researcher.")
        String role;

        @Override
        Request request() {
            return new Request("POST", "/organisations", object().put("name", name).put("role", role));
        }
    }

    @Command(name = "list", description = "List the organisations you may see.", mixinStandardHelpOptions = true)
    static final class List extends ApiCommand {
        @Override
        Request request() {
            return new Request("GET", "/organisations", null);
        }
    }

    @Command(name = "show", description = "Show one organisation.", mixinStandardHelpOptions = true)
    static final class Show extends ApiCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        Request request() {
            return new Request("GET", "/organisations/" + id, null);
        }
    }
}
