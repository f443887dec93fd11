package io.pactum.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.server.config.ConfigLoader;
import io.pactum.server.config.PactumConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Key files are made on a hub's first start only: a hub whose database holds data refuses to start
 * without one rather than make a new key that silently breaks pseudonyms, signatures or sealed data.
 */
class KeyFilesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"master-keyset.json", "hub-signing-key.json", "pseudonym-keyset.json"})
    void missingKeyFile_onAHubThatHasRun_isRefused_andRestoringItStartsTheHub(String name) throws Exception {
        PactumConfig config = config();
        firstStart(config);
        Path file = dir.resolve("data").resolve("keys").resolve(name);
        Path aside = dir.resolve(name);
        Files.move(file, aside);

        assertThatThrownBy(() -> LocalRegistry.open(config).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is missing but the database already holds data")
                .hasMessageContaining(file.toString());
        assertThat(file).doesNotExist();

        Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING);
        LocalRegistry.open(config).close();
    }

    @Test
    void firstStart_createsEveryKeyFile() {
        PactumConfig config = config();
        firstStart(config);
        Path keys = dir.resolve("data").resolve("keys");
        assertThat(keys.resolve("master-keyset.json")).isRegularFile();
        assertThat(keys.resolve("hub-signing-key.json")).isRegularFile();
        assertThat(keys.resolve("pseudonym-keyset.json")).isRegularFile();
    }

    private static void firstStart(PactumConfig config) {
        try (LocalRegistry local = LocalRegistry.open(config)) {
            assertThat(local.registry().bootstrap().ensureOperator()).isPresent();
        }
    }

    private PactumConfig config() {
        return ConfigLoader.load(null, Map.of(), Map.of(
                "pactum.data-dir", dir.resolve("data").toString(),
                "pactum.security.secret-hash-iterations", "10000"));
    }
}
