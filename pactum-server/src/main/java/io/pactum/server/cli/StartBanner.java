package io.pactum.server.cli;

import io.pactum.server.Hub;
import io.pactum.server.config.PactumConfig;
import java.io.PrintWriter;

/**
 * What {@code serve} prints once the hub is up: where to reach it and, on first start only, the
 * operator's admin token. The token goes to the terminal, never to the log.
 */
final class StartBanner {
    private StartBanner() {}

    static void print(PrintWriter out, PactumConfig config, Hub hub) {
        String base = "http://" + reachableHost(config.httpHost()) + ":" + hub.httpPort();
        out.println("Pactum is running.");
        out.println("  REST API   " + base + "/api/v1");
        out.println("  OpenAPI    " + base + "/api/v1/openapi.json");
        out.println("  Health     " + base + "/health");
        out.println("  MQTT       " + (config.mqtt().tlsCertificate().isPresent() ? "mqtts://" : "mqtt://")
                + reachableHost(config.mqtt().host()) + ":" + hub.mqttPort());
        out.println("  Data       " + config.dataDir().toAbsolutePath().normalize()
                + (config.isEmbeddedDatabase() ? " (embedded H2 database)" : " (PostgreSQL)"));
        out.println("  http-port=" + hub.httpPort() + " mqtt-port=" + hub.mqttPort());
        hub.firstAdminToken().ifPresent(issued -> {
            out.println();
            out.println("  Operator admin token (shown only now; the hub keeps just its hash):");
            out.println("    " + issued.token());
            out.println("  Try:  curl -H 'Authorization: Bearer " + issued.token() + "' " + base + "/api/v1/me");
            out.println("  Lost it? Stop the hub and run 'pactum admin-token' to issue another.");
        });
        out.println();
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    /** A wildcard bind address is not something to type into a browser; show loopback instead. */
    private static String reachableHost(String host) {
        return switch (host) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
    }
}
