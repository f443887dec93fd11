package io.pactum.server.config;

/** Renders every configuration key as a Markdown table; {@code docs/configuration.md} holds the same table. */
public final class ConfigReference {
    private ConfigReference() {}

    public static String markdownTable() {
        StringBuilder table = new StringBuilder();
        table.append("| key | environment variable | default | description |\n");
        table.append("| --- | --- | --- | --- |\n");
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            table.append("| `").append(key.name()).append("` | `").append(key.environmentVariable()).append("` | ")
                    .append(key.defaultValue().isEmpty() ? "" : "`" + key.defaultValue() + "`").append(" | ")
                    .append(key.description()).append(" |\n");
        }
        return table.toString();
    }
}
