package io.pactum.core.sharing;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.registry.Checks;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Checks shared by {@link Agreement} and {@link NewAgreement}; each failure names the offending field. */
final class AgreementChecks {
    /** The rule of the data model's field names ({@code FieldSpec}). */
    private static final Pattern FIELD_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");
    static final int MAX_SCOPE = 1_000;
    static final int MAX_FIELDS = 256;
    static final int MAX_COMMANDS = 64;
    static final int MAX_RATE_PER_MINUTE = 1_000_000;

    private AgreementChecks() {}

    static Set<String> identifiers(String field, @Nullable Set<String> values, int max) {
        Set<String> checked = values == null ? Set.of() : values;
        if (checked.size() > max) {
            throw new InvalidInputException(field, field + " holds at most " + max + " entries");
        }
        for (String value : checked) {
            Checks.identifier(field, value);
        }
        return Set.copyOf(checked);
    }

    static void scope(Set<String> productIds, Set<String> deviceGroupIds) {
        if (productIds.isEmpty() && deviceGroupIds.isEmpty()) {
            throw new InvalidInputException("productIds",
                    "an agreement's scope names at least one product or device group");
        }
    }

    static Map<String, FieldTransform> fields(@Nullable Map<String, FieldTransform> fields) {
        Checks.present("fields", fields);
        if (fields.size() > MAX_FIELDS) {
            throw new InvalidInputException("fields", "an agreement names at most " + MAX_FIELDS + " fields");
        }
        Map<String, FieldTransform> checked = new LinkedHashMap<>();
        for (Map.Entry<String, FieldTransform> entry : fields.entrySet()) {
            String name = entry.getKey();
            if (name == null || !FIELD_NAME.matcher(name).matches()) {
                throw new InvalidInputException("fields",
                        "field names start with a letter and hold at most 64 letters, digits or '_'");
            }
            if (entry.getValue() == null) {
                throw new InvalidInputException("fields." + name, "fields." + name + " needs a transform");
            }
            checked.put(name, entry.getValue());
        }
        return Map.copyOf(checked);
    }

    static List<CommandGrant> commands(@Nullable List<CommandGrant> commands) {
        List<CommandGrant> checked = commands == null ? List.of() : commands;
        if (checked.size() > MAX_COMMANDS) {
            throw new InvalidInputException("commands", "an agreement grants at most " + MAX_COMMANDS + " commands");
        }
        Set<String> names = new HashSet<>();
        List<CommandGrant> copy = new ArrayList<>(checked.size());
        for (int i = 0; i < checked.size(); i++) {
            CommandGrant grant = checked.get(i);
            if (grant == null) {
                throw new InvalidInputException("commands[" + i + "]", "commands[" + i + "] must not be null");
            }
            if (!names.add(grant.command())) {
                throw new InvalidInputException("commands[" + i + "].command",
                        "command '" + grant.command() + "' is granted twice");
            }
            copy.add(grant);
        }
        return List.copyOf(copy);
    }

    static void grantsSomething(Map<String, FieldTransform> fields, List<CommandGrant> commands) {
        if (fields.isEmpty() && commands.isEmpty()) {
            throw new InvalidInputException("fields", "an agreement names at least one field or one command");
        }
    }

    static void validity(Instant validFrom, @Nullable Instant validUntil) {
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new InvalidInputException("validUntil", "validUntil must be after validFrom");
        }
    }

    static int rate(int rateLimitPerMinute) {
        if (rateLimitPerMinute < 1 || rateLimitPerMinute > MAX_RATE_PER_MINUTE) {
            throw new InvalidInputException("rateLimitPerMinute",
                    "rateLimitPerMinute must be between 1 and " + MAX_RATE_PER_MINUTE);
        }
        return rateLimitPerMinute;
    }

    static @Nullable ChronoUnit timeResolution(@Nullable ChronoUnit unit) {
        if (unit != null && unit != ChronoUnit.MINUTES && unit != ChronoUnit.HOURS && unit != ChronoUnit.DAYS) {
            throw new InvalidInputException("timeResolution",
                    "timeResolution must be minutes, hours or days, or absent for exact time");
        }
        return unit;
    }

    static <T> T present(String field, @Nullable T value) {
        return Objects.requireNonNull(Checks.present(field, value));
    }
}
