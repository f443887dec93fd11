package io.pactum.core.delivery;

import java.util.List;
import java.util.Optional;

/** Persistence of webhooks and of the events they dead-lettered; each call is atomic. */
public interface WebhookStore {
    void insert(Webhook webhook);

    Optional<Webhook> find(String id);

    /** Every webhook, oldest first. */
    List<Webhook> list();

    /** The recipient's webhooks, oldest first. */
    List<Webhook> listByRecipient(String recipientId);

    /** Replaces the webhook's enabled flag; throws {@code NotFoundException} if there is none. */
    void setEnabled(String id, boolean enabled);

    /** Deletes the webhook, its dead letters and its cursor; throws {@code NotFoundException} if there is none. */
    void delete(String id);

    /** Records a dead letter; recording the same (webhook, event) again replaces it. */
    void addDeadLetter(DeadLetter letter);

    /** The webhook's dead letters, oldest event first, at most {@code limit}. */
    List<DeadLetter> deadLetters(String webhookId, int limit);

    /**
     * Marks the webhook's dead letters for the given events (all of them if the list is empty) to be
     * delivered again; returns how many were marked. The mark is durable, so a replay asked for
     * survives a restart.
     */
    int requestReplay(String webhookId, List<Long> eventIds);

    /** The webhook's dead letters marked for replay, oldest event first, at most {@code limit}. */
    List<DeadLetter> replayRequested(String webhookId, int limit);

    /** Removes one dead letter, once its replay was delivered. */
    void removeDeadLetter(String webhookId, long eventId);
}
