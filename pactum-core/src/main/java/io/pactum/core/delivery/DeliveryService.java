package io.pactum.core.delivery;

import static io.pactum.core.access.AccessPolicy.requireRecipient;
import static io.pactum.core.access.AccessPolicy.requireRole;
import static io.pactum.core.access.AccessPolicy.visible;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.registry.Ids;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import io.pactum.core.security.RandomSecrets;
import io.pactum.core.security.SecretBox;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A recipient's side of delivery through the API: reading its outbox (polling; the SSE stream uses
 * the same reads), and managing its webhooks and their dead letters. Recipients are partner and
 * supplier organisations and see only their own; the operator may read any webhook but receives no
 * deliveries itself.
 */
public final class DeliveryService {
    public static final int MAX_LIST = 1_000;
    /** Bytes of a webhook signing secret (256 bits). */
    private static final int SECRET_BYTES = 32;

    private final Outbox outbox;
    private final WebhookStore webhooks;
    private final SecretBox secretBox;
    private final WebhookPolicy policy;
    private final Clock clock;
    private final List<WebhookEvents> listeners = new CopyOnWriteArrayList<>();

    public DeliveryService(Outbox outbox, WebhookStore webhooks, SecretBox secretBox, WebhookPolicy policy, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.secretBox = Objects.requireNonNull(secretBox, "secretBox");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Outbox outbox() {
        return outbox;
    }

    public WebhookPolicy policy() {
        return policy;
    }

    public void addWebhookListener(WebhookEvents listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The caller's deliveries after {@code afterEventId} (0: from the oldest kept), at most {@code limit}. */
    public Outbox.Batch read(Principal caller, long afterEventId, int limit) {
        String recipientId = requireRecipient(caller, Scope.READ, "read deliveries");
        if (afterEventId < 0) {
            throw new InvalidInputException("after", "after must not be negative");
        }
        if (limit < 1 || limit > Outbox.MAX_BATCH) {
            throw new InvalidInputException("limit", "limit must be from 1 to " + Outbox.MAX_BATCH);
        }
        return outbox.next(recipientId, afterEventId, limit, "poll");
    }

    public IssuedWebhook createWebhook(Principal caller, NewWebhook request) {
        String recipientId = requireRecipient(caller, Scope.WRITE, "register webhooks");
        String url = policy.check(request.url()).toString();
        String id = Ids.newId();
        byte[] secret = RandomSecrets.bytes(SECRET_BYTES);
        String encoded = RandomSecrets.base64url(secret);
        Webhook webhook = new Webhook(id, recipientId, url,
                secretBox.seal(encoded.getBytes(StandardCharsets.UTF_8), context(id)), true, clock.instant());
        webhooks.insert(webhook);
        listeners.forEach(l -> l.changed(webhook));
        return new IssuedWebhook(webhook, encoded);
    }

    public List<Webhook> webhooks(Principal caller) {
        requireRole(caller, Scope.READ, "read webhooks", OrganisationRole.PARTNER, OrganisationRole.SUPPLIER);
        return caller.isOperator() ? webhooks.list() : webhooks.listByRecipient(caller.organisationId());
    }

    public Webhook webhook(Principal caller, String id) {
        requireRole(caller, Scope.READ, "read webhooks", OrganisationRole.PARTNER, OrganisationRole.SUPPLIER);
        return visible(caller, webhooks.find(id), Webhook::recipientId, "webhook", id);
    }

    /** Pauses ({@code false}) or resumes a webhook; paused, its outbox position stays where it is. */
    public Webhook setEnabled(Principal caller, String id, boolean enabled) {
        Webhook webhook = ownWebhook(caller, id, "change webhooks");
        webhooks.setEnabled(id, enabled);
        Webhook changed = webhook.withEnabled(enabled);
        listeners.forEach(l -> l.changed(changed));
        return changed;
    }

    public void deleteWebhook(Principal caller, String id) {
        ownWebhook(caller, id, "delete webhooks");
        webhooks.delete(id);
        listeners.forEach(l -> l.deleted(id));
    }

    public List<DeadLetter> deadLetters(Principal caller, String id, int limit) {
        webhook(caller, id);
        if (limit < 1 || limit > MAX_LIST) {
            throw new InvalidInputException("limit", "limit must be from 1 to " + MAX_LIST);
        }
        return webhooks.deadLetters(id, limit);
    }

    /** Marks dead letters (all if {@code eventIds} is empty) for delivery again; returns how many. */
    public int replay(Principal caller, String id, List<Long> eventIds) {
        ownWebhook(caller, id, "replay webhook deliveries");
        if (eventIds.size() > MAX_LIST) {
            throw new InvalidInputException("eventIds", "at most " + MAX_LIST + " event ids at once");
        }
        int marked = webhooks.requestReplay(id, eventIds);
        if (marked > 0) {
            listeners.forEach(l -> l.replayRequested(id));
        }
        return marked;
    }

    /** The plain signing secret of a webhook, for the dispatcher only. */
    public byte[] signingKey(Webhook webhook) {
        return secretBox.open(webhook.sealedSecret(), context(webhook.id()));
    }

    private Webhook ownWebhook(Principal caller, String id, String action) {
        requireRole(caller, Scope.WRITE, action, OrganisationRole.PARTNER, OrganisationRole.SUPPLIER);
        Webhook webhook = visible(caller, webhooks.find(id), Webhook::recipientId, "webhook", id);
        if (caller.isOperator()) {
            throw new io.pactum.core.error.ForbiddenException("only the recipient may " + action);
        }
        return webhook;
    }

    private static byte[] context(String webhookId) {
        return ("webhook-secret:" + webhookId).getBytes(StandardCharsets.UTF_8);
    }
}
