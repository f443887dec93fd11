package io.pactum.server.config;

import io.pactum.core.incident.Playbooks;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every configuration key of the hub, one prefix per module. */
public final class ConfigKeys {
    public static final ConfigKey<Path> DATA_DIR = ConfigKey.of("pactum.data-dir", "data",
            "Directory for the embedded database, the master key and other local state.", Parsers.path());

    public static final ConfigKey<Optional<String>> DB_URL = ConfigKey.of("pactum.db.url", "",
            "JDBC URL of the database: jdbc:postgresql://host:5432/pactum for PostgreSQL;"
                    + " empty for the embedded H2 database in the data directory.",
            Parsers.jdbcUrl());
    public static final ConfigKey<Optional<String>> DB_USER = ConfigKey.of("pactum.db.user", "",
            "Database user; empty for the embedded H2 database.", Parsers.optionalText());
    public static final ConfigKey<Optional<String>> DB_PASSWORD = ConfigKey.secret("pactum.db.password",
            "Database password; never printed. Prefer the environment variable to the file.",
            Parsers.optionalText());
    public static final ConfigKey<Integer> DB_POOL_SIZE = ConfigKey.of("pactum.db.pool-size", "10",
            "Maximum number of database connections; at least 4, since a record's transaction and the audit"
                    + " ledger's writer may each hold one while the other waits for it.", Parsers.integer(4, 200));

    public static final ConfigKey<String> HTTP_HOST = ConfigKey.of("pactum.http.host", "127.0.0.1",
            "Address the REST API listens on; loopback by default, 0.0.0.0 for every interface.", Parsers.host());
    public static final ConfigKey<Integer> HTTP_PORT = ConfigKey.of("pactum.http.port", "8480",
            "Port of the REST API; 0 picks a free port, which is printed at start.", Parsers.integer(0, 65535));
    public static final ConfigKey<Integer> HTTP_MAX_BODY_BYTES = ConfigKey.of("pactum.http.max-body-bytes",
            "1048576", "Largest request body the API accepts; larger ones get 413.",
            Parsers.integer(1024, 64 * 1024 * 1024));

    public static final ConfigKey<String> MQTT_HOST = ConfigKey.of("pactum.mqtt.host", "127.0.0.1",
            "Address the MQTT adapter listens on; loopback by default, 0.0.0.0 for every interface.", Parsers.host());
    public static final ConfigKey<Integer> MQTT_PORT = ConfigKey.of("pactum.mqtt.port", "1883",
            "Port of the MQTT adapter's plain TCP listener; 0 picks a free port, -1 turns plain MQTT off.",
            Parsers.integer(-1, 65535));
    public static final ConfigKey<Integer> MQTT_TLS_PORT = ConfigKey.of("pactum.mqtt.tls-port", "8883",
            "Port of the MQTT adapter's TLS listener, beside the plain one; 0 picks a free port, -1 turns"
                    + " MQTT over TLS off.", Parsers.integer(-1, 65535));
    public static final ConfigKey<Integer> MQTT_MAX_MESSAGE_BYTES = ConfigKey.of("pactum.mqtt.max-message-bytes",
            "65536", "Largest MQTT packet accepted (MQTT 5 maximum packet size); larger ones end the connection.",
            Parsers.integer(64, 16 * 1024 * 1024));
    public static final ConfigKey<Integer> MQTT_MAX_KEEP_ALIVE_SECONDS = ConfigKey.of(
            "pactum.mqtt.max-keep-alive-seconds", "300",
            "Longest keep-alive a device may ask for; MQTT 5 clients are told this value, MQTT 3.1.1 clients"
                    + " asking for more are refused.", Parsers.integer(1, 65535));
    public static final ConfigKey<Optional<Path>> MQTT_TLS_CERTIFICATE = ConfigKey.of("pactum.mqtt.tls.certificate",
            "", "PEM certificate chain of the MQTT TLS listener; empty for a self-signed certificate for localhost"
                    + " and 127.0.0.1, generated on first start into tls/ in the data directory (for trying the"
                    + " hub out; its SHA-256 fingerprint is printed at start).", Parsers.optionalPath());
    public static final ConfigKey<Optional<Path>> MQTT_TLS_KEY = ConfigKey.of("pactum.mqtt.tls.key", "",
            "PEM private key of the MQTT certificate; set together with pactum.mqtt.tls.certificate.",
            Parsers.optionalPath());
    public static final ConfigKey<Optional<Path>> MQTT_TLS_CLIENT_CA = ConfigKey.of("pactum.mqtt.tls.client-ca", "",
            "PEM CA certificates for mutual TLS: devices may then authenticate with a registered client"
                    + " certificate; empty to not ask for client certificates.", Parsers.optionalPath());

    public static final ConfigKey<Integer> RETENTION_INTERVAL_MINUTES = ConfigKey.of(
            "pactum.ingest.retention-interval-minutes", "60",
            "How often records older than their product's retention period are deleted.", Parsers.integer(1, 10_080));

    public static final ConfigKey<Integer> OUTBOX_RETENTION_HOURS = ConfigKey.of(
            "pactum.sharing.outbox-retention-hours", "168",
            "How long released records stay in recipients' outboxes, so that a recipient away for a while"
                    + " (MQTT persistent session, webhook outage, SSE resume) still receives them.",
            Parsers.integer(1, 24 * 365));
    public static final ConfigKey<Boolean> WEBHOOK_ALLOW_PLAIN_HTTP = ConfigKey.of(
            "pactum.sharing.webhook-allow-plain-http", "false",
            "Whether partners may register http:// webhooks; off, only https:// (released data in transit"
                    + " stays encrypted).", Parsers.bool());
    public static final ConfigKey<Boolean> WEBHOOK_ALLOW_PRIVATE_ADDRESSES = ConfigKey.of(
            "pactum.sharing.webhook-allow-private-addresses", "false",
            "Whether webhooks may target loopback, private or link-local addresses; off, a partner cannot"
                    + " make the hub call into its own network (checked on every delivery).", Parsers.bool());
    public static final ConfigKey<Integer> WEBHOOK_MAX_ATTEMPTS = ConfigKey.of(
            "pactum.sharing.webhook-max-attempts", "12",
            "Attempts to deliver one event to a webhook (backoff doubling from 1 s up to 5 min) before it"
                    + " is dead-lettered; dead letters can be replayed through the API.", Parsers.integer(1, 100));

    public static final ConfigKey<String> LEDGER_ORIGIN = ConfigKey.of(
            "pactum.ledger.origin", "pactum.local/ledger",
            "Name of this hub's audit ledger: the origin line of its signed checkpoints and the name of the"
                    + " key that signs them. Give each hub its own, e.g. its host name followed by /ledger.",
            Parsers.logOrigin());
    public static final ConfigKey<Integer> LEDGER_CHECKPOINT_INTERVAL_SECONDS = ConfigKey.of(
            "pactum.ledger.checkpoint-interval-seconds", "60",
            "How often the hub signs a checkpoint of its audit ledger when entries were added since the last"
                    + " one; an operator can also ask for one at any time.", Parsers.integer(1, 24 * 3600));

    public static final ConfigKey<String> INCIDENT_PLAYBOOKS = ConfigKey.of(
            "pactum.incidents.playbooks", Playbooks.DEFAULTS,
            "What the hub does by itself when a detector opens an incident, per detector:"
                    + " 'detector: action[@least-severity] ...' separated by ';'. Actions: block-source,"
                    + " quarantine-device, revoke-credential, suspend-agreement, suspend-organisation, notify"
                    + " (needs pactum.incidents.notify-url)."
                    + " A detector left out gets no automatic response; empty turns automatic response off."
                    + " See docs/incidents.md.", Parsers.playbooks());
    public static final ConfigKey<Integer> INCIDENT_BLOCK_SOURCE_MINUTES = ConfigKey.of(
            "pactum.incidents.block-source-minutes", "15",
            "How long block-source refuses device connections from a host (the operator may lift it sooner).",
            Parsers.integer(1, 7 * 24 * 60));

    public static final ConfigKey<Optional<String>> INCIDENT_NOTIFY_URL = ConfigKey.of(
            "pactum.incidents.notify-url", "",
            "Where the notify action POSTs a signed JSON summary of an incident (no personal data), e.g. the"
                    + " operator's on-call system; https only, unless pactum.incidents.notify-allow-plain-http."
                    + " Empty: no notify action.", Parsers.optionalText());
    public static final ConfigKey<Optional<String>> INCIDENT_NOTIFY_SECRET = ConfigKey.secret(
            "pactum.incidents.notify-secret",
            "Key (at least 16 characters) the notify action signs with, as partner webhooks are signed"
                    + " (Pactum-Signature); never printed. Required with pactum.incidents.notify-url.",
            Parsers.optionalText());
    public static final ConfigKey<Boolean> INCIDENT_NOTIFY_ALLOW_PLAIN_HTTP = ConfigKey.of(
            "pactum.incidents.notify-allow-plain-http", "false",
            "Whether pactum.incidents.notify-url may be http://, for closed networks and tests.", Parsers.bool());

    public static final ConfigKey<Integer> SECRET_HASH_ITERATIONS = ConfigKey.of(
            "pactum.security.secret-hash-iterations", "600000",
            "PBKDF2-HMAC-SHA256 work factor for device secrets; existing hashes keep their own.",
            Parsers.integer(10_000, 10_000_000));
    public static final ConfigKey<Optional<Path>> MASTER_KEY_FILE = ConfigKey.of("pactum.security.master-key-file",
            "", "Tink keyset that seals device MAC keys at rest; empty for keys/master-keyset.json in the"
                    + " data directory. Generated on first start if missing; keep it secret and backed up.",
            Parsers.optionalPath());

    public static final List<ConfigKey<?>> ALL = List.of(DATA_DIR, DB_URL, DB_USER, DB_PASSWORD, DB_POOL_SIZE,
            HTTP_HOST, HTTP_PORT, HTTP_MAX_BODY_BYTES, MQTT_HOST, MQTT_PORT, MQTT_TLS_PORT, MQTT_MAX_MESSAGE_BYTES,
            MQTT_MAX_KEEP_ALIVE_SECONDS, MQTT_TLS_CERTIFICATE, MQTT_TLS_KEY, MQTT_TLS_CLIENT_CA,
            RETENTION_INTERVAL_MINUTES, OUTBOX_RETENTION_HOURS, WEBHOOK_ALLOW_PLAIN_HTTP,
            WEBHOOK_ALLOW_PRIVATE_ADDRESSES, WEBHOOK_MAX_ATTEMPTS, LEDGER_ORIGIN, LEDGER_CHECKPOINT_INTERVAL_SECONDS,
            INCIDENT_PLAYBOOKS, INCIDENT_BLOCK_SOURCE_MINUTES, INCIDENT_NOTIFY_URL, INCIDENT_NOTIFY_SECRET,
            INCIDENT_NOTIFY_ALLOW_PLAIN_HTTP, SECRET_HASH_ITERATIONS, MASTER_KEY_FILE);

    private ConfigKeys() {}

    public static Optional<ConfigKey<?>> byName(String name) {
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }
}
