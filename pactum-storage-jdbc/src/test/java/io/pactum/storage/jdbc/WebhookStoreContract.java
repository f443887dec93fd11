package io.pactum.storage.jdbc;

import static io.pactum.storage.jdbc.SharingFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.delivery.DeadLetter;
import io.pactum.core.delivery.OutboxStore;
import io.pactum.core.delivery.Webhook;
import io.pactum.core.delivery.WebhookStore;
import io.pactum.core.error.ConflictException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.RegistryStores;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every webhook store must show; a back end runs it by extending this class. Webhooks
 * hold a byte array, which their {@code equals} compares by identity, so they are compared field by field.
 */
abstract class WebhookStoreContract {
    /** Fresh, empty stores of one back end, over one database: webhook cursors live in the outbox. */
    record Stores(RegistryStores registry, WebhookStore webhooks, OutboxStore outbox) {}

    protected abstract Stores newStores();

    private WebhookStore webhooks;
    private OutboxStore outbox;

    @BeforeEach
    void createRecipients() {
        Stores stores = newStores();
        webhooks = stores.webhooks();
        outbox = stores.outbox();
        SharingFixtures.organisation(stores.registry(), "care", OrganisationRole.PARTNER);
        SharingFixtures.organisation(stores.registry(), "lab", OrganisationRole.PARTNER);
    }

    private static Webhook webhook(String id, String recipientId, Instant createdAt) {
        return new Webhook(id, recipientId, "https://" + recipientId + ".example/hooks/" + id + "?v=1&x=%20",
                new byte[] {0, 1, 2, (byte) 0x80, (byte) 0xff, 0, 42}, true, createdAt);
    }

    private static DeadLetter letter(String webhookId, long eventId, boolean replay) {
        return new DeadLetter(webhookId, eventId, 8, "HTTP 503", T0.plusSeconds(eventId), replay);
    }

    private static void assertSameWebhook(Optional<Webhook> actual, Webhook expected) {
        assertThat(actual).isPresent();
        assertSameWebhook(actual.get(), expected);
    }

    private static void assertSameWebhook(Webhook actual, Webhook expected) {
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
        assertThat(actual.sealedSecret()).containsExactly(expected.sealedSecret());
    }

    private static void assertSameWebhooks(List<Webhook> actual, Webhook... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertSameWebhook(actual.get(i), expected[i]);
        }
    }

    @Test
    void insert_thenFind_keepsEveryField_andTheSealedSecretsBytes() {
        Webhook webhook = webhook("w1", "care", T0);
        String longUrl = "https://care.example/" + "p".repeat(2_000);
        Webhook paused = new Webhook("w2", "care", longUrl, new byte[0], false, T0.plusNanos(1_000));

        webhooks.insert(webhook);
        webhooks.insert(paused);

        assertSameWebhook(webhooks.find("w1"), webhook);
        assertSameWebhook(webhooks.find("w2"), paused);
        assertThat(webhooks.find("nope")).isEmpty();
    }

    @Test
    void insert_withTakenId_isAConflict_andForUnknownRecipient_isInvalidInput() {
        Webhook first = webhook("w1", "care", T0);
        webhooks.insert(first);

        assertThatThrownBy(() -> webhooks.insert(webhook("w1", "lab", T0))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> webhooks.insert(webhook("w2", "ghost", T0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("recipientId"));

        assertSameWebhook(webhooks.find("w1"), first);
        assertThat(webhooks.find("w2")).isEmpty();
    }

    @Test
    void list_andListByRecipient_returnOldestFirst_andOnlyThatRecipients() {
        Webhook careLater = webhook("a-care-later", "care", T0.plusSeconds(20));
        Webhook lab = webhook("lab-1", "lab", T0.plusSeconds(10));
        Webhook careFirst = webhook("z-care-first", "care", T0);
        webhooks.insert(careLater);
        webhooks.insert(lab);
        webhooks.insert(careFirst);

        assertSameWebhooks(webhooks.list(), careFirst, lab, careLater);
        assertSameWebhooks(webhooks.listByRecipient("care"), careFirst, careLater);
        assertSameWebhooks(webhooks.listByRecipient("lab"), lab);
        assertThat(webhooks.listByRecipient("ghost")).isEmpty();
    }

    @Test
    void setEnabled_replacesTheFlagOnly() {
        Webhook webhook = webhook("w1", "care", T0);
        webhooks.insert(webhook);

        webhooks.setEnabled("w1", false);
        assertSameWebhook(webhooks.find("w1"), webhook.withEnabled(false));

        webhooks.setEnabled("w1", true);
        webhooks.setEnabled("w1", true);
        assertSameWebhook(webhooks.find("w1"), webhook);
    }

    @Test
    void setEnabled_orDelete_ofUnknownWebhook_isNotFound() {
        assertThatThrownBy(() -> webhooks.setEnabled("nope", true)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> webhooks.delete("nope")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void addDeadLetter_thenDeadLetters_returnsThemOldestEventFirst_upToLimit_perWebhook() {
        webhooks.insert(webhook("w1", "care", T0));
        webhooks.insert(webhook("w2", "care", T0));
        DeadLetter late = new DeadLetter("w1", 9_000_000_000L, 3, "connection refused: " + "x".repeat(1_500),
                T0.plusSeconds(5), false);
        DeadLetter early = new DeadLetter("w1", 7, 1, "HTTP 500 caf\u00e9", T0.plusSeconds(9), true);
        DeadLetter middle = letter("w1", 42, false);
        webhooks.addDeadLetter(late);
        webhooks.addDeadLetter(early);
        webhooks.addDeadLetter(middle);
        webhooks.addDeadLetter(letter("w2", 8, false));

        assertThat(webhooks.deadLetters("w1", 10)).containsExactly(early, middle, late);
        assertThat(webhooks.deadLetters("w1", 2)).containsExactly(early, middle);
        assertThat(webhooks.deadLetters("w2", 10)).containsExactly(letter("w2", 8, false));
        assertThat(webhooks.deadLetters("nope", 10)).isEmpty();
        assertThatThrownBy(() -> webhooks.deadLetters("w1", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addDeadLetter_forTheSameEventAgain_replacesIt() {
        webhooks.insert(webhook("w1", "care", T0));
        webhooks.addDeadLetter(new DeadLetter("w1", 5, 8, "HTTP 503", T0, true));

        DeadLetter again = new DeadLetter("w1", 5, 16, "timeout", T0.plusSeconds(600), false);
        webhooks.addDeadLetter(again);

        assertThat(webhooks.deadLetters("w1", 10)).containsExactly(again);
        assertThat(webhooks.replayRequested("w1", 10)).isEmpty();
    }

    @Test
    void addDeadLetter_forUnknownWebhook_isNotFound() {
        assertThatThrownBy(() -> webhooks.addDeadLetter(letter("nope", 1, false)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void requestReplay_ofNamedEvents_marksOnlyThoseThatAreDeadLetters_andCountsThem() {
        webhooks.insert(webhook("w1", "care", T0));
        webhooks.insert(webhook("w2", "care", T0));
        for (long eventId : List.of(3L, 5L, 8L, 13L)) {
            webhooks.addDeadLetter(letter("w1", eventId, false));
        }
        webhooks.addDeadLetter(letter("w2", 5, false));

        int marked = webhooks.requestReplay("w1", List.of(13L, 5L, 5L, 99L));

        assertThat(marked).as("99 is no dead letter; 5 counts once").isEqualTo(2);
        assertThat(webhooks.replayRequested("w1", 10)).containsExactly(letter("w1", 5, true), letter("w1", 13, true));
        assertThat(webhooks.replayRequested("w1", 1)).containsExactly(letter("w1", 5, true));
        assertThat(webhooks.replayRequested("w2", 10)).as("another webhook's").isEmpty();
        assertThat(webhooks.deadLetters("w1", 10)).extracting(DeadLetter::replayRequested)
                .containsExactly(false, true, false, true);
    }

    @Test
    void requestReplay_withNoEvents_marksAllOfThatWebhooksDeadLetters() {
        webhooks.insert(webhook("w1", "care", T0));
        webhooks.insert(webhook("w2", "care", T0));
        webhooks.addDeadLetter(letter("w1", 3, false));
        webhooks.addDeadLetter(letter("w1", 4, true));
        webhooks.addDeadLetter(letter("w2", 3, false));

        assertThat(webhooks.requestReplay("w1", List.of())).isEqualTo(2);

        assertThat(webhooks.replayRequested("w1", 10)).containsExactly(letter("w1", 3, true), letter("w1", 4, true));
        assertThat(webhooks.replayRequested("w2", 10)).isEmpty();
        assertThat(webhooks.requestReplay("nope", List.of())).isZero();
        assertThat(webhooks.requestReplay("nope", List.of(3L))).isZero();
    }

    @Test
    void removeDeadLetter_removesOnlyThatOne() {
        webhooks.insert(webhook("w1", "care", T0));
        webhooks.insert(webhook("w2", "care", T0));
        webhooks.addDeadLetter(letter("w1", 3, true));
        webhooks.addDeadLetter(letter("w1", 4, true));
        webhooks.addDeadLetter(letter("w2", 3, true));

        webhooks.removeDeadLetter("w1", 3);
        webhooks.removeDeadLetter("w1", 77);

        assertThat(webhooks.deadLetters("w1", 10)).containsExactly(letter("w1", 4, true));
        assertThat(webhooks.replayRequested("w1", 10)).containsExactly(letter("w1", 4, true));
        assertThat(webhooks.deadLetters("w2", 10)).containsExactly(letter("w2", 3, true));
    }

    @Test
    void delete_removesTheWebhookItsDeadLettersAndItsCursor_andNothingElse() {
        Webhook gone = webhook("w1", "care", T0);
        Webhook kept = webhook("w2", "care", T0.plusSeconds(1));
        webhooks.insert(gone);
        webhooks.insert(kept);
        webhooks.addDeadLetter(letter("w1", 3, true));
        webhooks.addDeadLetter(letter("w2", 3, false));
        outbox.saveCursor("care", gone.channel(), 40);
        outbox.saveCursor("care", kept.channel(), 50);
        outbox.saveCursor("care", "mqtt:care-client", 60);
        outbox.saveCursor("lab", gone.channel(), 70);

        webhooks.delete("w1");

        assertThat(webhooks.find("w1")).isEmpty();
        assertSameWebhooks(webhooks.list(), kept);
        assertThat(webhooks.deadLetters("w1", 10)).isEmpty();
        assertThat(webhooks.replayRequested("w1", 10)).isEmpty();
        assertThat(outbox.cursor("care", gone.channel())).isZero();
        assertThat(webhooks.deadLetters("w2", 10)).containsExactly(letter("w2", 3, false));
        assertThat(outbox.cursor("care", kept.channel())).isEqualTo(50);
        assertThat(outbox.cursor("care", "mqtt:care-client")).isEqualTo(60);
        assertThat(outbox.cursor("lab", gone.channel())).as("the same channel name of another recipient")
                .isEqualTo(70);

        webhooks.insert(gone);
        assertThat(webhooks.deadLetters("w1", 10)).as("a new webhook with the old id starts clean").isEmpty();
        assertThat(outbox.cursor("care", gone.channel())).isZero();
        assertThatThrownBy(() -> webhooks.delete("w9")).isInstanceOf(NotFoundException.class);
    }
}
