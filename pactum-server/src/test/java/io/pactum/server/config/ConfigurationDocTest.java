package io.pactum.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md must list exactly the keys the code has, with the same defaults and descriptions. */
class ConfigurationDocTest {
    @Test
    void configurationDoc_containsTheGeneratedReference() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));

        assertThat(doc).as("docs/configuration.md holds the output of 'pactum config reference'; regenerate it")
                .contains(ConfigReference.markdownTable());
    }
}
