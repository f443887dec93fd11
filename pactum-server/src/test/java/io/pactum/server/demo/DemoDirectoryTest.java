package io.pactum.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void missingDirectory_isCreated_withTheMarker() {
        Path dir = tmp.resolve("a").resolve("demo-data");

        try (DemoDirectory held = DemoDirectory.hold(dir)) {
            assertThat(held.replaced()).isFalse();
        }

        assertThat(dir).isDirectory();
        assertThat(dir.resolve(DemoDirectory.MARKER)).isRegularFile();
    }

    @Test
    void previousDemosDirectory_isEmptiedOfWhatTheDemoMade_andKept() throws Exception {
        Path dir = tmp.resolve("demo-data");
        DemoDirectory.hold(dir).close();
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys").resolve("master-keyset.json"), "{}");
        Files.writeString(dir.resolve("pactum.mv.db"), "db");
        Files.writeString(dir.resolve("hub.log"), "log");
        Files.writeString(dir.resolve("end-checkpoint.txt"), "note");

        try (DemoDirectory held = DemoDirectory.hold(dir)) {
            assertThat(held.replaced()).isTrue();
        }

        try (var entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly(DemoDirectory.MARKER);
        }
    }

    @Test
    void previousDemosDirectory_holdingAFileTheDemoDidNotMake_isRefused_andKeptAsItIs() throws Exception {
        Path dir = tmp.resolve("demo-data");
        DemoDirectory.hold(dir).close();
        Files.writeString(dir.resolve("pactum.mv.db"), "db");
        Files.writeString(dir.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> DemoDirectory.hold(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[notes.txt]")
                .hasMessageContaining("did not make there");
        assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("mine");
        assertThat(Files.readString(dir.resolve("pactum.mv.db"))).isEqualTo("db");
    }

    @Test
    void existingDirectoryWithoutTheMarker_isRefused_evenWhenEmpty() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path occupied = Files.createDirectories(tmp.resolve("occupied"));
        Files.writeString(occupied.resolve("keep.txt"), "mine");

        assertThatThrownBy(() -> DemoDirectory.hold(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was not made by 'pactum demo'");
        assertThatThrownBy(() -> DemoDirectory.hold(occupied))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was not made by 'pactum demo'");
        assertThat(empty.resolve(DemoDirectory.MARKER)).doesNotExist();
        assertThat(Files.readString(occupied.resolve("keep.txt"))).isEqualTo("mine");
    }

    @Test
    void regularFileOrSymbolicLink_isRefused() throws Exception {
        Path file = Files.writeString(tmp.resolve("demo-data"), "not a directory");
        Path target = Files.createDirectories(tmp.resolve("elsewhere"));
        DemoDirectory.hold(target.resolve("demo")).close();
        Path link = Files.createSymbolicLink(tmp.resolve("link"), target.resolve("demo"));

        assertThatThrownBy(() -> DemoDirectory.hold(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a directory");
        assertThatThrownBy(() -> DemoDirectory.hold(link))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a directory");
        assertThat(target.resolve("demo").resolve(DemoDirectory.MARKER)).isRegularFile();
    }

    @Test
    void directoryHeldByAnotherRun_isRefused_untilItIsReleased() throws Exception {
        Path dir = tmp.resolve("demo-data");
        DemoDirectory first = DemoDirectory.hold(dir);
        Files.writeString(dir.resolve("pactum.mv.db"), "in use");

        assertThatThrownBy(() -> DemoDirectory.hold(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another 'pactum demo' is running in");
        assertThat(Files.readString(dir.resolve("pactum.mv.db"))).isEqualTo("in use");

        first.close();
        try (DemoDirectory second = DemoDirectory.hold(dir)) {
            assertThat(second.replaced()).isTrue();
        }
    }
}
