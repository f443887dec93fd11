package io.pactum.server.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The hub's validated, immutable configuration. Derived defaults are resolved here, so the rest of
 * the server never guesses.
 */
public record PactumConfig(
        Path dataDir,
        Optional<String> dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        int dbPoolSize,
        String httpHost,
        int httpPort,
        int httpMaxBodyBytes,
        MqttConfig mqtt,
        int retentionIntervalMinutes,
        SharingConfig sharing,
        LedgerConfig ledger,
        IncidentConfig incidents,
        int secretHashIterations,
        Path masterKeyFile) {

    public PactumConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(dbUrl, "dbUrl");
        Objects.requireNonNull(dbUser, "dbUser");
        Objects.requireNonNull(dbPassword, "dbPassword");
        Objects.requireNonNull(httpHost, "httpHost");
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(sharing, "sharing");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(incidents, "incidents");
        Objects.requireNonNull(masterKeyFile, "masterKeyFile");
    }

    static PactumConfig from(ResolvedValues values) {
        Path dataDir = values.get(ConfigKeys.DATA_DIR);
        return new PactumConfig(
                dataDir,
                values.get(ConfigKeys.DB_URL),
                values.get(ConfigKeys.DB_USER),
                values.get(ConfigKeys.DB_PASSWORD),
                values.get(ConfigKeys.DB_POOL_SIZE),
                values.get(ConfigKeys.HTTP_HOST),
                values.get(ConfigKeys.HTTP_PORT),
                values.get(ConfigKeys.HTTP_MAX_BODY_BYTES),
                new MqttConfig(values.get(ConfigKeys.MQTT_HOST), values.get(ConfigKeys.MQTT_PORT),
                        values.get(ConfigKeys.MQTT_TLS_PORT), values.get(ConfigKeys.MQTT_MAX_MESSAGE_BYTES), values.get(ConfigKeys.MQTT_MAX_KEEP_ALIVE_SECONDS),
                        values.get(ConfigKeys.MQTT_TLS_CERTIFICATE), values.get(ConfigKeys.MQTT_TLS_KEY),
                        values.get(ConfigKeys.MQTT_TLS_CLIENT_CA)),
                values.get(ConfigKeys.RETENTION_INTERVAL_MINUTES),
                new SharingConfig(values.get(ConfigKeys.OUTBOX_RETENTION_HOURS),
                        values.get(ConfigKeys.WEBHOOK_ALLOW_PLAIN_HTTP),
                        values.get(ConfigKeys.WEBHOOK_ALLOW_PRIVATE_ADDRESSES),
                        values.get(ConfigKeys.WEBHOOK_MAX_ATTEMPTS)),
                new LedgerConfig(values.get(ConfigKeys.LEDGER_ORIGIN),
                        values.get(ConfigKeys.LEDGER_CHECKPOINT_INTERVAL_SECONDS)),
                new IncidentConfig(values.get(ConfigKeys.INCIDENT_PLAYBOOKS),
                        values.get(ConfigKeys.INCIDENT_BLOCK_SOURCE_MINUTES),
                        values.get(ConfigKeys.INCIDENT_NOTIFY_URL), values.get(ConfigKeys.INCIDENT_NOTIFY_SECRET),
                        values.get(ConfigKeys.INCIDENT_NOTIFY_ALLOW_PLAIN_HTTP)),
                values.get(ConfigKeys.SECRET_HASH_ITERATIONS),
                values.get(ConfigKeys.MASTER_KEY_FILE).orElse(dataDir.resolve("keys").resolve("master-keyset.json")));
    }

    /** Where the hub keeps the TLS certificate it generates when none is configured. */
    public Path generatedTlsDir() {
        return dataDir.resolve("tls");
    }

    /** Whether the hub runs on its embedded H2 database rather than an external one. */
    public boolean isEmbeddedDatabase() {
        return dbUrl.isEmpty();
    }

    @Override
    public String toString() {
        return "PactumConfig[dataDir=" + dataDir + ", dbUrl=" + dbUrl.orElse("<embedded H2>")
                + ", httpHost=" + httpHost + ", httpPort=" + httpPort + ", mqtt=" + mqtt + ", password redacted]";
    }

    /** Typed values by key, as the loader resolved them. */
    interface ResolvedValues {
        <T> T get(ConfigKey<T> key);
    }
}
