package io.pactum.server.cli;

import io.pactum.server.config.ConfigKeys;
import io.pactum.server.config.ConfigLoader;
import io.pactum.server.config.PactumConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Options shared by the commands that run the hub or open its database. */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (default: $PACTUM_CONFIG).")
    @Nullable Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (pactum.data-dir).")
    @Nullable String dataDir;

    @Option(names = "--db-url", paramLabel = "URL", description = "JDBC URL of PostgreSQL (pactum.db.url); default embedded H2.")
    @Nullable String dbUrl;

    @Option(names = "--http-host", paramLabel = "HOST", description = "Address of the REST API (pactum.http.host).")
    @Nullable String httpHost;

    @Option(names = "--http-port", paramLabel = "PORT", description = "Port of the REST API (pactum.http.port); 0 picks a free one.")
    @Nullable String httpPort;

    @Option(names = "--mqtt-port", paramLabel = "PORT",
            description = "Port of plain MQTT (pactum.mqtt.port); 0 picks a free one, -1 turns it off.")
    @Nullable String mqttPort;

    @Option(names = "--mqtt-tls-port", paramLabel = "PORT",
            description = "Port of MQTT over TLS (pactum.mqtt.tls-port); 0 picks a free one, -1 turns it off.")
    @Nullable String mqttTlsPort;

    PactumConfig load() {
        Map<String, String> overrides = new HashMap<>();
        put(overrides, ConfigKeys.DATA_DIR.name(), dataDir);
        put(overrides, ConfigKeys.DB_URL.name(), dbUrl);
        put(overrides, ConfigKeys.HTTP_HOST.name(), httpHost);
        put(overrides, ConfigKeys.HTTP_PORT.name(), httpPort);
        put(overrides, ConfigKeys.MQTT_PORT.name(), mqttPort);
        put(overrides, ConfigKeys.MQTT_TLS_PORT.name(), mqttTlsPort);
        Map<String, String> environment = System.getenv();
        Path file = configFile != null ? configFile
                : environment.containsKey("PACTUM_CONFIG") ? Path.of(environment.get("PACTUM_CONFIG")) : null;
        return ConfigLoader.load(file, environment, overrides);
    }

    private static void put(Map<String, String> overrides, String key, @Nullable String value) {
        if (value != null) {
            overrides.put(key, value);
        }
    }
}
