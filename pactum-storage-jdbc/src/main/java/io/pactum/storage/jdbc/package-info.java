/**
 * JDBC implementation of the stores (registry, records, commands, sharing and delivery), with
 * Flyway migrations that run on H2 (the embedded default) and PostgreSQL. Entry point:
 * {@link io.pactum.storage.jdbc.JdbcDatabase}.
 */
@NullMarked
package io.pactum.storage.jdbc;

import org.jspecify.annotations.NullMarked;
