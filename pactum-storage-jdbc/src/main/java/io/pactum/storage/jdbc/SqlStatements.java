package io.pactum.storage.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Named SQL statements read from a resource beside this class (house rule: SQL lives in resource
 * files). A statement starts at a line {@code -- name: NAME} and runs to the next such line; other
 * comment lines and blank lines are dropped.
 */
final class SqlStatements {
    private static final String NAME_PREFIX = "-- name:";

    private final String resource;
    private final Map<String, String> statements;

    private SqlStatements(String resource, Map<String, String> statements) {
        this.resource = resource;
        this.statements = Map.copyOf(statements);
    }

    static SqlStatements load(String resource) {
        Objects.requireNonNull(resource, "resource");
        try (InputStream in = SqlStatements.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource " + resource + " is missing from the class path");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL resource " + resource, e);
        }
    }

    static SqlStatements parse(String resource, String text) {
        Map<String, String> statements = new LinkedHashMap<>();
        @Nullable String name = null;
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(NAME_PREFIX)) {
                put(resource, statements, name, sql);
                name = trimmed.substring(NAME_PREFIX.length()).strip();
                sql.setLength(0);
            } else if (!trimmed.isEmpty() && !trimmed.startsWith("--")) {
                if (name == null) {
                    throw new IllegalStateException(resource + ": SQL before the first '-- name:' line");
                }
                sql.append(sql.length() == 0 ? "" : "\n").append(line.stripTrailing());
            }
        }
        put(resource, statements, name, sql);
        return new SqlStatements(resource, statements);
    }

    private static void put(String resource, Map<String, String> statements, @Nullable String name,
            StringBuilder sql) {
        if (name == null) {
            return;
        }
        String statement = sql.toString().strip();
        if (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1);
        }
        if (name.isEmpty() || statement.isEmpty()) {
            throw new IllegalStateException(resource + ": statement '" + name + "' has no name or no SQL");
        }
        if (statements.put(name, statement) != null) {
            throw new IllegalStateException(resource + ": statement '" + name + "' is defined twice");
        }
    }

    /** The statement; a missing name is a packaging bug, so it fails when the store class loads. */
    String get(String name) {
        String sql = statements.get(name);
        if (sql == null) {
            throw new IllegalStateException(resource + " has no statement named '" + name + "'");
        }
        return sql;
    }
}
