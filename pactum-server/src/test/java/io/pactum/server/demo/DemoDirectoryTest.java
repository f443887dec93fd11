package io.pactum.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDirectoryTest {
    @TempDir
    Path temp;

    @Test
    void prepare_missingDirectory_createsItWithTheMarker() {
        Path dir = temp.resolve("demo").resolve("data");

        boolean replaced = DemoDirectory.prepare(dir);

        assertThat(replaced).isFalse();
        assertThat(dir).isDirectory();
        assertThat(dir.resolve(DemoDirectory.MARKER)).isRegularFile().content().contains("pactum demo");
    }

    @Test
    void prepare_previousDemoDirectory_isReplaced() throws IOException {
        Path dir = temp.resolve("demo-data");
        DemoDirectory.prepare(dir);
        Files.createDirectories(dir.resolve("db").resolve("parts"));
        Files.writeString(dir.resolve("db").resolve("parts").resolve("hub.mv.db"), "old");
        Files.writeString(dir.resolve("demo.log"), "old");

        boolean replaced = DemoDirectory.prepare(dir);

        assertThat(replaced).isTrue();
        assertThat(dir.resolve("db")).doesNotExist();
        assertThat(dir.resolve("demo.log")).doesNotExist();
        assertThat(dir.resolve(DemoDirectory.MARKER)).isRegularFile();
        try (var entries = Files.list(dir)) {
            assertThat(entries).containsExactly(dir.resolve(DemoDirectory.MARKER));
        }
    }

    @Test
    void prepare_nonEmptyDirectoryWithoutMarker_isRefusedAndLeftAlone() throws IOException {
        Path dir = temp.resolve("hub-data");
        Files.createDirectories(dir);
        Path precious = Files.writeString(dir.resolve("records.db"), "real data");

        assertThatThrownBy(() -> DemoDirectory.prepare(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.toAbsolutePath().normalize().toString())
                .hasMessageContaining("is not empty and was not made by 'pactum demo'")
                .hasMessageContaining("--data-dir");
        assertThat(precious).hasContent("real data");
        assertThat(dir.resolve(DemoDirectory.MARKER)).doesNotExist();
    }

    @Test
    void prepare_regularFile_isRefused() throws IOException {
        Path file = Files.writeString(temp.resolve("demo-data"), "not a directory");

        assertThatThrownBy(() -> DemoDirectory.prepare(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a file, not a directory")
                .hasMessageContaining("--data-dir");
        assertThat(file).hasContent("not a directory");
    }

    @Test
    void prepare_existingEmptyDirectory_isTakenWithoutReplacing() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("empty"));

        boolean replaced = DemoDirectory.prepare(dir);

        assertThat(replaced).isFalse();
        assertThat(dir.resolve(DemoDirectory.MARKER)).isRegularFile();
    }
}
