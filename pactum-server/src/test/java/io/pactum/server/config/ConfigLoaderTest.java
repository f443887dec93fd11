package io.pactum.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaults_areEmbeddedH2OnLoopback() {
        PactumConfig config = ConfigLoader.load(null, Map.of(), Map.of());

        assertThat(config.isEmbeddedDatabase()).isTrue();
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(8480);
        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.masterKeyFile()).isEqualTo(Path.of("data", "keys", "master-keyset.json"));
    }

    @Test
    void precedence_isDefaultThenFileThenEnvironmentThenCommandLine() throws IOException {
        Path file = yaml("pactum:\n  http:\n    port: 9001\n    host: 0.0.0.0\n  db:\n    pool-size: 6\n");

        PactumConfig fromFile = ConfigLoader.load(file, Map.of(), Map.of());
        PactumConfig fromEnv = ConfigLoader.load(file, Map.of("PACTUM_HTTP_PORT", "9002"), Map.of());
        PactumConfig fromCli = ConfigLoader.load(file, Map.of("PACTUM_HTTP_PORT", "9002"),
                Map.of("pactum.http.port", "0"));

        assertThat(fromFile.httpPort()).isEqualTo(9001);
        assertThat(fromFile.httpHost()).isEqualTo("0.0.0.0");
        assertThat(fromFile.dbPoolSize()).isEqualTo(6);
        assertThat(fromEnv.httpPort()).isEqualTo(9002);
        assertThat(fromCli.httpPort()).isZero();
    }

    @Test
    void masterKeyFile_followsDataDirUnlessSet() {
        PactumConfig derived = ConfigLoader.load(null, Map.of("PACTUM_DATA_DIR", "/srv/pactum"), Map.of());
        PactumConfig explicit = ConfigLoader.load(null,
                Map.of("PACTUM_SECURITY_MASTER_KEY_FILE", "/etc/pactum/key.json"), Map.of());

        assertThat(derived.masterKeyFile()).isEqualTo(Path.of("/srv/pactum/keys/master-keyset.json"));
        assertThat(explicit.masterKeyFile()).isEqualTo(Path.of("/etc/pactum/key.json"));
    }

    @Test
    void wrongValue_namesKeySourceAndWhatIsAllowed() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("PACTUM_HTTP_PORT", "70000"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pactum.http.port = '70000'")
                .hasMessageContaining("environment variable PACTUM_HTTP_PORT")
                .hasMessageContaining("expected an integer from 0 to 65535");
    }

    @Test
    void everyProblem_isReportedAtOnce() {
        ConfigException e = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> ConfigLoader.load(
                null, Map.of("PACTUM_HTTP_PORT", "x", "PACTUM_DB_URL", "mysql://db"), Map.of()));

        assertThat(e.problems()).hasSize(2);
        assertThat(e.getMessage()).contains("pactum.http.port", "pactum.db.url", "jdbc:postgresql://");
    }

    @Test
    void unknownKeyInFile_isRejectedByName() throws IOException {
        Path file = yaml("pactum:\n  htp:\n    port: 9001\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pactum.htp.port")
                .hasMessageContaining("is not a configuration key");
    }

    @Test
    void malformedYaml_isRejectedNamingTheFile() throws IOException {
        Path file = yaml("pactum: [unclosed\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void databasePassword_isNeverShown() {
        assertThat(ConfigLoader.load(null, Map.of("PACTUM_DB_PASSWORD", "hunter2"), Map.of()).toString())
                .doesNotContain("hunter2");
    }

    @Test
    void environmentVariableNames_followTheKeys() {
        assertThat(ConfigKeys.HTTP_MAX_BODY_BYTES.environmentVariable()).isEqualTo("PACTUM_HTTP_MAX_BODY_BYTES");
        assertThat(ConfigKeys.DB_URL.environmentVariable()).isEqualTo("PACTUM_DB_URL");
    }

    @Test
    void tlsCertificateWithoutKey_andClientCaWithoutTls_areRejected() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("PACTUM_MQTT_TLS_CERTIFICATE", "/etc/pactum/mqtt.pem"),
                Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pactum.mqtt.tls.certificate and pactum.mqtt.tls.key must be set together");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("PACTUM_MQTT_TLS_CLIENT_CA", "/etc/pactum/ca.pem",
                "PACTUM_MQTT_TLS_PORT", "-1"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pactum.mqtt.tls.client-ca needs TLS");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("PACTUM_MQTT_TLS_CERTIFICATE", "/etc/pactum/mqtt.pem",
                "PACTUM_MQTT_TLS_KEY", "/etc/pactum/mqtt-key.pem"), Map.of("pactum.mqtt.tls-port", "-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pactum.mqtt.tls.certificate is set but pactum.mqtt.tls-port is -1");
    }

    @Test
    void mqttListeners_plainAndTlsByDefault_eitherCanBeTurnedOff_butNotBoth() {
        MqttConfig defaults = ConfigLoader.load(null, Map.of(), Map.of()).mqtt();
        assertThat(defaults.port()).isEqualTo(1883);
        assertThat(defaults.tlsPort()).isEqualTo(8883);
        assertThat(defaults.tlsCertificate()).as("generated on first start").isEmpty();
        assertThat(ConfigLoader.load(null, Map.of("PACTUM_MQTT_PORT", "-1"), Map.of()).mqtt().plainEnabled()).isFalse();
        assertThat(ConfigLoader.load(null, Map.of(), Map.of("pactum.mqtt.tls-port", "-1")).mqtt().tlsEnabled())
                .isFalse();
        assertThat(ConfigLoader.load(null, Map.of("PACTUM_MQTT_TLS_CLIENT_CA", "/etc/pactum/ca.pem"), Map.of())
                .mqtt().tlsClientCa()).as("mutual TLS with the generated certificate").isPresent();
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("PACTUM_MQTT_PORT", "-1"),
                Map.of("pactum.mqtt.tls-port", "-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("turn at least one MQTT listener on");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("PACTUM_MQTT_TLS_PORT", "-2"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pactum.mqtt.tls-port = '-2'")
                .hasMessageContaining("expected an integer from -1 to 65535");
    }

    @Test
    void generatedTlsDirectory_isInTheDataDirectory() {
        assertThat(ConfigLoader.load(null, Map.of("PACTUM_DATA_DIR", "/srv/pactum"), Map.of()).generatedTlsDir())
                .isEqualTo(Path.of("/srv/pactum/tls"));
    }

    private Path yaml(String content) throws IOException {
        Path file = dir.resolve("pactum.yaml");
        Files.writeString(file, content);
        return file;
    }
}
