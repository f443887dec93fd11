package io.pactum.server.config;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration key: its name, default, description and how a raw value becomes a typed one.
 * Every key can be set in the YAML file (nested by its dots) or by an environment variable.
 *
 * @param defaultValue the raw default; empty means "derived", as the description explains
 * @param parser turns a raw value into a typed one, or throws {@link IllegalArgumentException}
 *     whose message says what is allowed
 * @param secret whether the value must never be printed
 */
public record ConfigKey<T>(String name, String defaultValue, String description, Function<String, T> parser,
        boolean secret) {

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        if (!name.startsWith("pactum.")) {
            throw new IllegalArgumentException("configuration keys start with 'pactum.': " + name);
        }
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parser, "parser");
    }

    public static <T> ConfigKey<T> of(String name, String defaultValue, String description, Function<String, T> parser) {
        return new ConfigKey<>(name, defaultValue, description, parser, false);
    }

    public static <T> ConfigKey<T> secret(String name, String description, Function<String, T> parser) {
        return new ConfigKey<>(name, "", description, parser, true);
    }

    /** {@code pactum.http.max-body-bytes} is set by {@code PACTUM_HTTP_MAX_BODY_BYTES}. */
    public String environmentVariable() {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public T parse(String raw) {
        return parser.apply(raw.strip());
    }
}
