package io.pactum.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pactum token ...}: API clients and their bearer tokens. */
@Command(name = "token", description = "API clients and their bearer tokens.", mixinStandardHelpOptions = true,
        subcommands = {TokenCommand.Create.class, TokenCommand.List.class, TokenCommand.Revoke.class})
final class TokenCommand {
    @Command(name = "create", description = "Create an API client; its token is printed once.",
            mixinStandardHelpOptions = true)
    static final class Create extends ApiCommand {
        @Option(names = "--org", required = true, paramLabel = "ORG_ID", description = "Organisation of the client.")
        String organisationId;

        @Option(names = "--name", required = true, description = "Name, unique within the organisation.")
        String name;

        @Option(names = "--scope", split = ",", defaultValue = "read",
                description = "Comma-separated scopes: read, write, admin (default: read).")
        java.util.List<String> scopes;

        @Option(names = "--kind", defaultValue = "service", description = "user or service (default: service).")
        String kind;

        @Option(names = "--expires", paramLabel = "INSTANT", description = "Expiry, e.g. 2027-01-31T00:00:00Z.")
        String expiresAt;

        @Override
        Request request() {
            ObjectNode body = object().put("name", name).put("kind", kind);
            scopes.forEach(body.putArray("scopes")::add);
            if (expiresAt != null) {
                body.put("expiresAt", expiresAt);
            }
            return new Request("POST", "/organisations/" + organisationId + "/clients", body);
        }
    }

    @Command(name = "list", description = "List an organisation's clients.", mixinStandardHelpOptions = true)
    static final class List extends ApiCommand {
        @Option(names = "--org", required = true, paramLabel = "ORG_ID")
        String organisationId;

        @Override
        Request request() {
            return new Request("GET", "/organisations/" + organisationId + "/clients", null);
        }
    }

    @Command(name = "revoke", description = "Revoke a client's token.", mixinStandardHelpOptions = true)
    static final class Revoke extends ApiCommand {
        @Parameters(paramLabel = "CLIENT_ID")
        String clientId;

        @Override
        Request request() {
            return new Request("DELETE", "/clients/" + clientId, null);
        }
    }
}
