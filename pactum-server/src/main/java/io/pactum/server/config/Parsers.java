package io.pactum.server.config;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.incident.Playbooks;
import io.pactum.server.respond.ResponseActions;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** Value parsers for configuration keys; each failure message says what is allowed. */
final class Parsers {
    private Parsers() {}

    static Function<String, Integer> integer(int min, int max) {
        return raw -> {
            try {
                int value = Integer.parseInt(raw);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below, with what is allowed
            }
            throw new IllegalArgumentException("expected an integer from " + min + " to " + max);
        };
    }

    static Function<String, Boolean> bool() {
        return raw -> switch (raw) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    static Function<String, Path> path() {
        return raw -> {
            if (raw.isEmpty()) {
                throw new IllegalArgumentException("expected a file system path");
            }
            try {
                return Path.of(raw);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("expected a file system path");
            }
        };
    }

    /** An optional path; empty means "derive it" (see the key's description). */
    static Function<String, Optional<Path>> optionalPath() {
        return raw -> raw.isEmpty() ? Optional.empty() : Optional.of(path().apply(raw));
    }

    /** Playbooks as {@code Playbooks.parse} reads them, naming only actions this hub has. */
    static Function<String, String> playbooks() {
        return text -> {
            try {
                Playbooks.parse(text, ResponseActions.NAMES);
            } catch (InvalidInputException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            return text;
        };
    }

    static Function<String, String> host() {
        return raw -> {
            if (raw.isEmpty() || !raw.matches("[A-Za-z0-9.:\\-\\[\\]%]+")) {
                throw new IllegalArgumentException("expected a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0");
            }
            return raw;
        };
    }

    /** A JDBC URL of a supported database; empty means the embedded H2 database. */
    /**
     * A checkpoint origin (c2sp.org/tlog-checkpoint): one line of printable ASCII without spaces or
     * '+', since it is also the name of the key that signs the checkpoints.
     */
    static Function<String, String> logOrigin() {
        return text -> {
            if (!text.matches("[!-*,-~]{1,200}")) {
                throw new IllegalArgumentException("must be 1 to 200 printable ASCII characters without spaces or '+',"
                        + " e.g. pactum.example.com/ledger");
            }
            return text;
        };
    }

    static Function<String, Optional<String>> jdbcUrl() {
        return raw -> {
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            if (raw.startsWith("jdbc:h2:") || raw.startsWith("jdbc:postgresql:")) {
                return Optional.of(raw);
            }
            throw new IllegalArgumentException(
                    "expected a jdbc:postgresql:// or jdbc:h2: URL, or nothing for the embedded H2 database");
        };
    }

    static Function<String, Optional<String>> optionalText() {
        return raw -> raw.isEmpty() ? Optional.empty() : Optional.of(raw);
    }
}
