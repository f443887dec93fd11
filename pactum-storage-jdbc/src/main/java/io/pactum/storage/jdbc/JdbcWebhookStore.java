package io.pactum.storage.jdbc;

import io.pactum.core.delivery.DeadLetter;
import io.pactum.core.delivery.Webhook;
import io.pactum.core.delivery.WebhookStore;
import io.pactum.core.error.ConflictException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Webhooks and their dead letters over JDBC; the sealed secret is stored as the bytes it is. */
final class JdbcWebhookStore implements WebhookStore {
    private static final SqlStatements SQL = SqlStatements.load("webhooks.sql");
    private static final String INSERT = SQL.get("insert");
    private static final String FIND = SQL.get("find");
    private static final String LIST = SQL.get("list");
    private static final String LIST_BY_RECIPIENT = SQL.get("listByRecipient");
    private static final String SET_ENABLED = SQL.get("setEnabled");
    private static final String LOCK = SQL.get("lock");
    private static final String DELETE = SQL.get("delete");
    private static final String DELETE_DEAD_LETTERS = SQL.get("deleteDeadLetters");
    private static final String UPDATE_DEAD_LETTER = SQL.get("updateDeadLetter");
    private static final String INSERT_DEAD_LETTER = SQL.get("insertDeadLetter");
    private static final String DEAD_LETTERS = SQL.get("deadLetters");
    private static final String REPLAY_REQUESTED = SQL.get("replayRequested");
    private static final String REQUEST_REPLAY_ALL = SQL.get("requestReplayAll");
    private static final String REQUEST_REPLAY = SQL.get("requestReplay");
    private static final String REMOVE_DEAD_LETTER = SQL.get("removeDeadLetter");

    private final Jdbc jdbc;

    JdbcWebhookStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Webhook webhook) {
        Objects.requireNonNull(webhook, "webhook");
        try {
            jdbc.update(INSERT, s -> {
                s.setString(1, webhook.id());
                s.setString(2, webhook.recipientId());
                s.setString(3, webhook.url());
                s.setBytes(4, webhook.sealedSecret());
                s.setBoolean(5, webhook.enabled());
                Jdbc.setInstant(s, 6, webhook.createdAt());
            });
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException("id", "a webhook with id '" + webhook.id() + "' already exists");
            }
            if (SqlErrors.isForeignKeyViolation(e)) {
                throw new InvalidInputException("recipientId",
                        "organisation '" + webhook.recipientId() + "' does not exist");
            }
            throw SqlErrors.failure("store a webhook", e);
        }
    }

    @Override
    public Optional<Webhook> find(String id) {
        Objects.requireNonNull(id, "id");
        try {
            return jdbc.queryOne(FIND, s -> s.setString(1, id), JdbcWebhookStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("read a webhook", e);
        }
    }

    @Override
    public List<Webhook> list() {
        try {
            return jdbc.query(LIST, s -> { }, JdbcWebhookStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("list webhooks", e);
        }
    }

    @Override
    public List<Webhook> listByRecipient(String recipientId) {
        Objects.requireNonNull(recipientId, "recipientId");
        try {
            return jdbc.query(LIST_BY_RECIPIENT, s -> s.setString(1, recipientId), JdbcWebhookStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("list webhooks", e);
        }
    }

    @Override
    public void setEnabled(String id, boolean enabled) {
        Objects.requireNonNull(id, "id");
        int changed;
        try {
            changed = jdbc.update(SET_ENABLED, s -> {
                s.setBoolean(1, enabled);
                s.setString(2, id);
            });
        } catch (SQLException e) {
            throw SqlErrors.failure("update a webhook", e);
        }
        if (changed == 0) {
            throw NotFoundException.of("webhook", id);
        }
    }

    /**
     * In one transaction: locks the webhook (so a dead letter recorded meanwhile either comes first
     * and is deleted here, or fails for want of its webhook), then deletes its dead letters, its
     * cursor in the recipient's outbox and the webhook itself.
     */
    @Override
    public void delete(String id) {
        Objects.requireNonNull(id, "id");
        boolean deleted;
        try {
            deleted = jdbc.inTransaction(c -> {
                Optional<Webhook> webhook = Jdbc.query(c, LOCK, s -> s.setString(1, id), JdbcWebhookStore::map)
                        .stream().findFirst();
                if (webhook.isEmpty()) {
                    return false;
                }
                Jdbc.update(c, DELETE_DEAD_LETTERS, s -> s.setString(1, id));
                Jdbc.update(c, JdbcOutboxStore.DELETE_CURSOR, s -> {
                    s.setString(1, webhook.get().recipientId());
                    s.setString(2, webhook.get().channel());
                });
                Jdbc.update(c, DELETE, s -> s.setString(1, id));
                return true;
            });
        } catch (SQLException e) {
            throw SqlErrors.failure("delete a webhook", e);
        }
        if (!deleted) {
            throw NotFoundException.of("webhook", id);
        }
    }

    /** Replace if present, else insert; as for outbox cursors, a concurrent insert makes the replace run again. */
    @Override
    public void addDeadLetter(DeadLetter letter) {
        Objects.requireNonNull(letter, "letter");
        Jdbc.Binder bind = s -> {
            s.setInt(1, letter.attempts());
            s.setString(2, letter.lastError());
            Jdbc.setInstant(s, 3, letter.deadAt());
            s.setBoolean(4, letter.replayRequested());
            s.setString(5, letter.webhookId());
            s.setLong(6, letter.eventId());
        };
        try {
            if (jdbc.update(UPDATE_DEAD_LETTER, bind) > 0) {
                return;
            }
            try {
                jdbc.update(INSERT_DEAD_LETTER, bind);
            } catch (SQLException e) {
                if (!SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
                jdbc.update(UPDATE_DEAD_LETTER, bind);
            }
        } catch (SQLException e) {
            if (SqlErrors.isForeignKeyViolation(e)) {
                throw NotFoundException.of("webhook", letter.webhookId());
            }
            throw SqlErrors.failure("store a dead letter", e);
        }
    }

    @Override
    public List<DeadLetter> deadLetters(String webhookId, int limit) {
        return listDeadLetters(DEAD_LETTERS, webhookId, limit);
    }

    @Override
    public int requestReplay(String webhookId, List<Long> eventIds) {
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(eventIds, "eventIds");
        // an id named twice is marked once, and counted once
        Set<Long> distinct = new LinkedHashSet<>();
        for (Long eventId : eventIds) {
            distinct.add(Objects.requireNonNull(eventId, "eventIds holds null"));
        }
        try {
            if (distinct.isEmpty()) {
                return jdbc.update(REQUEST_REPLAY_ALL, s -> s.setString(1, webhookId));
            }
            return jdbc.inTransaction(c -> markForReplay(c, webhookId, distinct));
        } catch (SQLException e) {
            throw SqlErrors.failure("mark dead letters for replay", e);
        }
    }

    /** One batched statement for all the given events; returns how many dead letters matched. */
    private static int markForReplay(Connection c, String webhookId, Set<Long> eventIds) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(REQUEST_REPLAY)) {
            for (long eventId : eventIds) {
                s.setString(1, webhookId);
                s.setLong(2, eventId);
                s.addBatch();
            }
            int marked = 0;
            for (int count : s.executeBatch()) {
                if (count == PreparedStatement.SUCCESS_NO_INFO) {
                    throw new SQLException("the driver did not report how many rows a batched update changed");
                }
                marked += count;
            }
            return marked;
        }
    }

    @Override
    public List<DeadLetter> replayRequested(String webhookId, int limit) {
        return listDeadLetters(REPLAY_REQUESTED, webhookId, limit);
    }

    @Override
    public void removeDeadLetter(String webhookId, long eventId) {
        Objects.requireNonNull(webhookId, "webhookId");
        try {
            jdbc.update(REMOVE_DEAD_LETTER, s -> {
                s.setString(1, webhookId);
                s.setLong(2, eventId);
            });
        } catch (SQLException e) {
            throw SqlErrors.failure("remove a dead letter", e);
        }
    }

    private List<DeadLetter> listDeadLetters(String sql, String webhookId, int limit) {
        Objects.requireNonNull(webhookId, "webhookId");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        try {
            return jdbc.query(sql, s -> {
                s.setString(1, webhookId);
                s.setInt(2, limit);
            }, JdbcWebhookStore::mapDeadLetter);
        } catch (SQLException e) {
            throw SqlErrors.failure("list dead letters", e);
        }
    }

    private static Webhook map(ResultSet row) throws SQLException {
        return new Webhook(
                row.getString("id"),
                row.getString("recipient_id"),
                row.getString("url"),
                row.getBytes("sealed_secret"),
                row.getBoolean("enabled"),
                Jdbc.getRequiredInstant(row, "created_at"));
    }

    private static DeadLetter mapDeadLetter(ResultSet row) throws SQLException {
        return new DeadLetter(
                row.getString("webhook_id"),
                row.getLong("event_id"),
                row.getInt("attempts"),
                row.getString("last_error"),
                Jdbc.getRequiredInstant(row, "dead_at"),
                row.getBoolean("replay_requested"));
    }
}
