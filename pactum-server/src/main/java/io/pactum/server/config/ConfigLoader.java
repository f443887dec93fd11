package io.pactum.server.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the configuration from, in rising precedence: defaults, the YAML file, environment
 * variables ({@code PACTUM_...}) and command-line options. All problems are reported together, each
 * naming the key, the source of the bad value and what is allowed; nothing starts on a bad value.
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    /** A raw value and where it came from, so that errors can point at the right place. */
    private record Raw(String value, String source) {}

    public static PactumConfig load(@Nullable Path file, Map<String, String> environment,
            Map<String, String> overrides) {
        List<String> problems = new ArrayList<>();
        Map<String, Raw> raw = new HashMap<>();
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            raw.put(key.name(), new Raw(key.defaultValue(), "default"));
        }
        if (file != null) {
            readYaml(file, problems).forEach((k, v) -> raw.put(k, new Raw(v, "file " + file)));
        }
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            String value = environment.get(key.environmentVariable());
            if (value != null) {
                raw.put(key.name(), new Raw(value, "environment variable " + key.environmentVariable()));
            }
        }
        overrides.forEach((name, value) -> {
            if (ConfigKeys.byName(name).isEmpty()) {
                throw new IllegalArgumentException("no configuration key " + name);
            }
            raw.put(name, new Raw(value, "command-line option"));
        });

        Map<String, Object> typed = new HashMap<>();
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            Raw value = raw.get(key.name());
            try {
                typed.put(key.name(), key.parse(value.value()));
            } catch (IllegalArgumentException e) {
                String shown = key.secret() ? "<secret>" : "'" + value.value() + "'";
                problems.add(key.name() + " = " + shown + " (from " + value.source() + "): " + e.getMessage());
            }
        }
        checkTogether(typed, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return PactumConfig.from(new PactumConfig.ResolvedValues() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get(ConfigKey<T> key) {
                return (T) typed.get(key.name());
            }
        });
    }

    /**
     * Keys that only make sense together: a TLS certificate needs its key; a certificate or client
     * CAs need the TLS listener; and at least one MQTT listener must be on.
     */
    private static void checkTogether(Map<String, Object> typed, List<String> problems) {
        boolean certificate = isSet(typed, ConfigKeys.MQTT_TLS_CERTIFICATE);
        boolean key = isSet(typed, ConfigKeys.MQTT_TLS_KEY);
        if (certificate != key) {
            problems.add(ConfigKeys.MQTT_TLS_CERTIFICATE.name() + " and " + ConfigKeys.MQTT_TLS_KEY.name()
                    + " must be set together, or neither for a generated self-signed certificate");
        }
        boolean tlsOff = isOff(typed, ConfigKeys.MQTT_TLS_PORT);
        if (tlsOff && (certificate || key)) {
            problems.add(ConfigKeys.MQTT_TLS_CERTIFICATE.name() + " is set but " + ConfigKeys.MQTT_TLS_PORT.name()
                    + " is -1 (TLS off): set a TLS port, or leave the certificate out");
        }
        if (tlsOff && isSet(typed, ConfigKeys.MQTT_TLS_CLIENT_CA)) {
            problems.add(ConfigKeys.MQTT_TLS_CLIENT_CA.name() + " needs TLS, but " + ConfigKeys.MQTT_TLS_PORT.name()
                    + " is -1: set a TLS port");
        }
        if (tlsOff && isOff(typed, ConfigKeys.MQTT_PORT)) {
            problems.add(ConfigKeys.MQTT_PORT.name() + " and " + ConfigKeys.MQTT_TLS_PORT.name()
                    + " are both -1: devices could not connect; turn at least one MQTT listener on");
        }
    }

    private static boolean isOff(Map<String, Object> typed, ConfigKey<Integer> port) {
        return typed.get(port.name()) instanceof Integer value && value == MqttConfig.OFF;
    }

    private static boolean isSet(Map<String, Object> typed, ConfigKey<?> key) {
        return typed.get(key.name()) instanceof java.util.Optional<?> value && value.isPresent();
    }

    /** Reads the YAML file into dotted keys; unknown keys and non-scalar values are problems. */
    private static Map<String, String> readYaml(Path file, List<String> problems) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (JacksonException e) {
            problems.add("configuration file " + file + " is not valid YAML: " + e.getOriginalMessage());
            return values;
        } catch (IOException e) {
            problems.add("cannot read configuration file " + file + ": " + e.getMessage());
            return values;
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return values;
        }
        flatten("", root, values, problems, file);
        return values;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out, List<String> problems,
            Path file) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                flatten(prefix.isEmpty() ? member.getKey() : prefix + "." + member.getKey(), member.getValue(),
                        out, problems, file);
            }
            return;
        }
        if (ConfigKeys.byName(prefix).isEmpty()) {
            problems.add(prefix + " (in file " + file + ") is not a configuration key; "
                    + "'pactum config reference' lists them all");
        } else if (!node.isValueNode()) {
            problems.add(prefix + " (in file " + file + ") must be a single value, not a list");
        } else {
            out.put(prefix, node.isNull() ? "" : node.asText());
        }
    }
}
