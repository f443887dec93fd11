package io.pactum.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.AgreementState;
import io.pactum.core.sharing.ConsentLedger;
import io.pactum.core.sharing.LegalBasis;
import io.pactum.core.sharing.PolicyDecisionPoint;
import io.pactum.core.sharing.Purpose;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a quarantined or revoked device sent is withheld at delivery, like a revoked agreement's. */
class OutboxHeldDevicesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String CARE = "org-care";
    private static final String AGREEMENT = "agr-care";
    private static final String CHANNEL = "sse";
    private static final String HELD = "meter-bad";
    private static final String FREE = "meter-ok";

    private final PolicyDecisionPoint pdp = new PolicyDecisionPoint(new ConsentLedger());
    private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    private final MemoryOutboxStore store = new MemoryOutboxStore();
    private final Set<String> held = new CopyOnWriteArraySet<>(Set.of(HELD));
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final HeldDevices heldDevices = deviceId -> {
        asked.add(deviceId);
        return held.contains(deviceId);
    };
    private final Outbox outbox = new Outbox(store, pdp, audit::add, Clock.fixed(NOW, ZoneOffset.UTC), heldDevices);

    /** An outbox store in memory: entries in a list, event ids 1, 2, 3, ... */
    private static final class MemoryOutboxStore implements OutboxStore {
        private final List<Delivery> deliveries = new ArrayList<>();

        synchronized Delivery add(OutboxEntry entry) {
            Delivery delivery = new Delivery(deliveries.size() + 1L, entry);
            deliveries.add(delivery);
            return delivery;
        }

        @Override
        public synchronized List<Delivery> readAfter(String recipientId, long afterEventId, int limit) {
            return deliveries.stream().filter(d -> d.entry().recipientId().equals(recipientId))
                    .filter(d -> d.eventId() > afterEventId).limit(limit).toList();
        }

        @Override
        public synchronized long latestEventId(String recipientId) {
            return deliveries.stream().filter(d -> d.entry().recipientId().equals(recipientId))
                    .mapToLong(Delivery::eventId).max().orElse(0);
        }

        @Override
        public long cursor(String recipientId, String channel) {
            return 0;
        }

        @Override
        public void saveCursor(String recipientId, String channel, long eventId) {}

        @Override
        public void deleteCursor(String recipientId, String channel) {}

        @Override
        public int deleteCreatedBefore(Instant cutoff) {
            return 0;
        }
    }

    private static Agreement agreement(AgreementState state) {
        return new Agreement(AGREEMENT, CARE, Set.of("prod-meter"), Set.of(), Map.of("power", FieldTransform.KEEP),
                Purpose.HEALTHCARE, LegalBasis.CONTRACT, NOW.minus(1, ChronoUnit.DAYS), null, 1000, null, List.of(),
                state, NOW.minus(2, ChronoUnit.DAYS), NOW.minus(2, ChronoUnit.DAYS));
    }

    private static OutboxEntry entry(String recordId, @Nullable String deviceId) {
        return new OutboxEntry(CARE, AGREEMENT, Purpose.HEALTHCARE, recordId, "subject-7", NOW.minusSeconds(30),
                "{\"agreementId\":\"" + AGREEMENT + "\",\"record\":{\"recordId\":\"" + recordId + "\"}}", deviceId);
    }

    private List<AuditEvent> withheld() {
        return audit.stream().filter(e -> e.type() == AuditEventType.DELIVERY_WITHHELD).toList();
    }

    @BeforeEach
    void activeAgreement() {
        pdp.recompile(List.of(agreement(AgreementState.ACTIVE)), Map.of());
    }

    @Test
    void aHeldDevicesDelivery_isWithheld_andAudited_withReasonDeviceHeld() {
        Delivery delivery = store.add(entry("r-1", HELD));

        assertThat(outbox.admit(delivery, CHANNEL, NOW)).isFalse();

        assertThat(withheld()).singleElement().satisfies(e -> {
            assertThat(e.at()).isEqualTo(NOW);
            assertThat(e.actor()).isEqualTo(AuditEvent.HUB);
            assertThat(e.details()).containsEntry("reason", "DEVICE_HELD")
                    .containsEntry("recipientId", CARE)
                    .containsEntry("agreementId", AGREEMENT)
                    .containsEntry("eventId", Long.toString(delivery.eventId()))
                    .containsEntry("channel", CHANNEL);
            assertThat(e.details().get("explanation")).contains(HELD);
        });
    }

    @Test
    void aDeliveryOfADeviceNotHeld_passes_unaudited() {
        Delivery delivery = store.add(entry("r-1", FREE));

        assertThat(outbox.admit(delivery, CHANNEL, NOW)).isTrue();
        assertThat(audit).isEmpty();
        assertThat(asked).containsExactly(FREE);
    }

    @Test
    void anEntryWithoutADevice_fromBeforeDevicesWereKept_passes_andTheHeldDevicesAreNotAsked() {
        Outbox holdingEverything = new Outbox(store, pdp, audit::add, Clock.fixed(NOW, ZoneOffset.UTC), deviceId -> {
            asked.add(deviceId);
            return true;
        });
        Delivery delivery = store.add(entry("r-old", null));

        assertThat(holdingEverything.admit(delivery, CHANNEL, NOW)).isTrue();
        assertThat(audit).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void next_skipsTheHeldDevicesDeliveries_butMovesPastThem() {
        store.add(entry("r-1", FREE));
        Delivery heldOne = store.add(entry("r-2", HELD));
        store.add(entry("r-3", null));
        store.add(entry("r-4", HELD));

        Outbox.Batch batch = outbox.next(CARE, 0, 10, CHANNEL);

        assertThat(batch.deliveries()).extracting(d -> d.entry().recordId()).containsExactly("r-1", "r-3");
        assertThat(batch.lastEventId()).isEqualTo(4);
        assertThat(withheld()).extracting(e -> e.details().get("eventId"))
                .containsExactly(Long.toString(heldOne.eventId()), "4");
        assertThat(withheld()).allSatisfy(e -> assertThat(e.details()).containsEntry("reason", "DEVICE_HELD"));
    }

    @Test
    void heldDevices_areAskedAtDelivery_soAReleasedDevicesWaitingDeliveriesGoOutAgain() {
        Delivery delivery = store.add(entry("r-1", HELD));
        assertThat(outbox.admit(delivery, CHANNEL, NOW)).isFalse();

        held.remove(HELD);

        assertThat(outbox.admit(delivery, CHANNEL, NOW)).isTrue();
        assertThat(withheld()).hasSize(1);
    }

    @Test
    void aHeldDevice_underARevokedAgreement_isWithheldOnce_asHeld() {
        pdp.recompile(List.of(agreement(AgreementState.REVOKED)), Map.of());
        Delivery heldOne = store.add(entry("r-1", HELD));
        Delivery free = store.add(entry("r-2", FREE));

        assertThat(outbox.admit(heldOne, CHANNEL, NOW)).isFalse();
        assertThat(outbox.admit(free, CHANNEL, NOW)).isFalse();

        assertThat(withheld()).extracting(e -> e.details().get("reason")).containsExactly("DEVICE_HELD", "REVOKED");
    }

    @Test
    void withoutHeldDevices_noDeviceIsHeld() {
        Outbox plain = new Outbox(store, pdp, audit::add, Clock.fixed(NOW, ZoneOffset.UTC));
        Delivery delivery = store.add(entry("r-1", HELD));

        assertThat(plain.admit(delivery, CHANNEL, NOW)).isTrue();
        assertThat(HeldDevices.NONE.holds(HELD)).isFalse();
        assertThat(audit).isEmpty();
    }
}
