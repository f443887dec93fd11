package io.pactum.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.registry.IssuedToken;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.ProvisionedDevice;
import io.pactum.core.registry.Scope;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.AgreementState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Partners receiving their records over MQTT 3.1.1 and 5, from devices publishing through the real
 * pipeline, release planner and JDBC outbox: their own view, at least once, with persistent sessions
 * resuming from their cursor.
 */
class MqttPartnerDeliveryIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;
    SharingHub hub;
    String care;
    IssuedToken careClient;
    Agreement careAgreement;
    ProvisionedDevice meter;
    V5Client device;

    @BeforeEach
    void start() throws Exception {
        hub = SharingHub.start(dataDir);
        care = hub.organisation("Care Co", OrganisationRole.PARTNER);
        careClient = hub.client(care, Scope.READ);
        careAgreement = hub.agreement(care, Map.of("glucose", FieldTransform.KEEP));
        meter = hub.device("meter-1");
        device = V5Client.connect(hub.hub, "meter-1", meter.secret());
    }

    @AfterEach
    void stop() {
        device.close();
        hub.close();
    }

    private void reading(double glucose) throws Exception {
        assertThat(device.publish("devices/meter-1/telemetry",
                "{\"glucose\":" + glucose + ",\"battery\":87}", 1)).as("device PUBACK").isZero();
    }

    private String records(String organisationId) {
        return "partners/" + organisationId + "/records";
    }

    private PartnerClient connect(int version, PartnerClient.Options options) throws Exception {
        return PartnerClient.connect(version, hub.url(), careClient.client().id(), careClient.token(), options);
    }

    private static List<Long> eventIds(List<PartnerClient.Message> messages) {
        return messages.stream().map(PartnerClient.Message::eventId).toList();
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(ints = {3, 5})
    void deviceReading_reachesThePartnerAsItsOwnPseudonymisedView(int version) throws Exception {
        try (PartnerClient partner = connect(version, PartnerClient.Options.clean())) {
            assertThat(partner.subscribe(records(care), 1)).isEqualTo(1);
            reading(5.43);

            PartnerClient.Message message = partner.next();
            assertThat(message.topic()).isEqualTo(records(care));
            assertThat(message.qos()).isEqualTo(1);
            assertThat(message.dup()).isFalse();
            JsonNode body = message.json();
            assertThat(body.get("eventId").asLong()).isEqualTo(hub.eventIds(care, 0).get(0));
            assertThat(body.get("agreementId").asText()).isEqualTo(careAgreement.id());
            assertThat(body.get("purpose").asText()).isEqualTo("healthcare");
            assertThat(body.get("channel").asText()).isEqualTo("telemetry");
            JsonNode record = body.get("record");
            assertThat(record.get("devicePseudonym").asText()).isEqualTo(hub.pseudonym(care, "meter-1"));
            assertThat(record.get("subjectPseudonym").asText()).isEqualTo(hub.pseudonym(care, "subj-meter-1"));
            assertThat(record.get("fields")).singleElement().satisfies(field -> {
                assertThat(field.get("name").asText()).isEqualTo("glucose");
                assertThat(field.get("value").asDouble()).isEqualTo(5.43);
            });
            assertThat(message.payload()).as("out of scope, or raw ids")
                    .doesNotContain("battery", "meter-1", "subj-meter-1");
            if (partner.isV5()) {
                assertThat(message.eventIdProperty()).isEqualTo(Long.toString(message.eventId()));
            }
        }
    }

    @Test
    void twoPartners_withDifferentAgreements_receiveDifferentViews() throws Exception {
        String lab = hub.organisation("Lab Inc", OrganisationRole.PARTNER);
        IssuedToken labClient = hub.client(lab, Scope.READ, Scope.WRITE);
        hub.agreement(lab, Map.of("glucose", FieldTransform.round(1), "battery", FieldTransform.KEEP));
        try (PartnerClient carePartner = connect(3, PartnerClient.Options.clean());
                PartnerClient labPartner = PartnerClient.connect(5, hub.url(), labClient.client().id(),
                        labClient.token(), PartnerClient.Options.clean())) {
            assertThat(carePartner.subscribe(records(care), 1)).isEqualTo(1);
            assertThat(labPartner.subscribe("partners/" + lab + "/#", 1)).as("a wildcard in its own namespace")
                    .isEqualTo(1);
            reading(5.43);

            JsonNode careRecord = carePartner.next().json().get("record");
            PartnerClient.Message labMessage = labPartner.next();
            assertThat(labMessage.topic()).isEqualTo(records(lab));
            JsonNode labRecord = labMessage.json().get("record");
            assertThat(careRecord.get("fields")).extracting(f -> f.get("name").asText()).containsExactly("glucose");
            assertThat(labRecord.get("fields")).extracting(f -> f.get("name").asText() + "=" + f.get("value").asDouble())
                    .containsExactlyInAnyOrder("glucose=5.0", "battery=87.0");
            assertThat(labRecord.get("devicePseudonym").asText()).isEqualTo(hub.pseudonym(lab, "meter-1"))
                    .isNotEqualTo(careRecord.get("devicePseudonym").asText());
            assertThat(labRecord.get("recordId").asText()).isNotEqualTo(careRecord.get("recordId").asText());
        }
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(ints = {3, 5})
    void persistentSession_receivesExactlyWhatWasReleasedWhileOffline(int version) throws Exception {
        String clientId = careClient.client().id();
        long first;
        try (PartnerClient partner = connect(version, PartnerClient.Options.persistentSession())) {
            assertThat(partner.sessionPresent()).isFalse();
            assertThat(partner.subscribe(records(care), 1)).isEqualTo(1);
            reading(5.1);
            first = partner.next().eventId();
            await().atMost(WAIT).until(() -> hub.cursor(care, clientId) == first);
        }
        reading(5.2);
        reading(5.3);
        reading(5.4);
        List<Long> meanwhile = hub.eventIds(care, first);
        assertThat(meanwhile).hasSize(3);

        try (PartnerClient partner = connect(version, PartnerClient.Options.persistentSession())) {
            assertThat(partner.sessionPresent()).as("the session and its subscription were kept").isTrue();
            List<PartnerClient.Message> delivered = partner.next(3);
            assertThat(eventIds(delivered)).containsExactlyElementsOf(meanwhile);
            assertThat(delivered).allSatisfy(m -> assertThat(m.dup()).isFalse());
            reading(5.5);
            assertThat(partner.next().eventId()).as("nothing else in between").isEqualTo(hub.eventIds(care, 0).get(4));
            await().atMost(WAIT).until(() -> hub.cursor(care, clientId) == hub.eventIds(care, 0).get(4));
        }
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(ints = {3, 5})
    void cleanSession_receivesOnlyWhatIsReleasedAfterItConnected(int version) throws Exception {
        String clientId = careClient.client().id();
        try (PartnerClient partner = connect(version, PartnerClient.Options.persistentSession())) {
            partner.subscribe(records(care), 1);
            reading(5.1);
            long first = partner.next().eventId();
            await().atMost(WAIT).until(() -> hub.cursor(care, clientId) == first);
        }
        reading(5.2); // released while no session was connected: not for a clean session

        try (PartnerClient partner = connect(version, PartnerClient.Options.clean())) {
            assertThat(partner.sessionPresent()).isFalse();
            assertThat(hub.cursor(care, clientId)).as("a clean session forgets the cursor").isZero();
            assertThat(partner.subscribe(records(care), 1)).isEqualTo(1);
            reading(5.3);
            assertThat(partner.next().eventId()).isEqualTo(hub.eventIds(care, 0).get(2));
        }
        assertThat(hub.cursor(care, clientId)).as("nothing is kept of a clean session").isZero();
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(ints = {3, 5})
    void unacknowledgedRecords_areSentAgainWithDupAfterReconnecting(int version) throws Exception {
        String clientId = careClient.client().id();
        List<PartnerClient.Message> unacknowledged;
        try (PartnerClient partner = connect(version, PartnerClient.Options.persistentSession().withManualAcks())) {
            partner.subscribe(records(care), 1);
            reading(5.1);
            reading(5.2);
            unacknowledged = partner.next(2);
            assertThat(unacknowledged).allSatisfy(m -> assertThat(m.dup()).isFalse());
            partner.drop(); // never acknowledged
        }
        assertThat(hub.cursor(care, clientId)).isZero();

        try (PartnerClient partner = connect(version, PartnerClient.Options.persistentSession())) {
            List<PartnerClient.Message> again = partner.next(2);
            assertThat(eventIds(again)).containsExactlyElementsOf(eventIds(unacknowledged));
            if (!partner.isV5()) {
                // Paho 5 (1.2.5) reads DUP but does not pass it on to the application.
                assertThat(again).allSatisfy(m -> assertThat(m.dup()).as("DUP").isTrue());
            }
            assertThat(again).extracting(PartnerClient.Message::packetId)
                    .as("the original packet ids").containsExactlyElementsOf(
                            unacknowledged.stream().map(PartnerClient.Message::packetId).toList());
            long last = again.get(1).eventId();
            await().atMost(WAIT).until(() -> hub.cursor(care, clientId) == last);
        }
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(ints = {3, 5})
    void acknowledgementsOutOfOrder_neverMoveTheCursorPastAnUnacknowledgedRecord(int version) throws Exception {
        String clientId = careClient.client().id();
        List<Long> ids;
        try (PartnerClient partner = connect(version, PartnerClient.Options.persistentSession().withManualAcks())) {
            partner.subscribe(records(care), 1);
            reading(5.1);
            reading(5.2);
            reading(5.3);
            List<PartnerClient.Message> three = partner.next(3);
            ids = eventIds(three);
            partner.ack(three.get(2));
            partner.ack(three.get(1));
            // A SUBACK comes after the hub handled the PUBACKs sent before the SUBSCRIBE.
            assertThat(partner.subscribe(records(care), 1)).isEqualTo(1);
            partner.drop();
        }
        try (PartnerClient partner = connect(version, PartnerClient.Options.persistentSession().withManualAcks())) {
            List<PartnerClient.Message> again = partner.next(3);
            assertThat(eventIds(again)).as("the cursor stayed before the first, unacknowledged record")
                    .containsExactlyElementsOf(ids);
            assertThat(again.get(0).dup()).isEqualTo(!partner.isV5()); // Paho 5 does not pass DUP on
            partner.ack(again.get(1));
            partner.ack(again.get(2));
            partner.subscribe(records(care), 1);
            assertThat(hub.cursor(care, clientId)).isZero();
            partner.ack(again.get(0));
            await().atMost(WAIT).until(() -> hub.cursor(care, clientId) == ids.get(2));
        }
    }

    @Test
    void inFlightRecords_areBoundedByTheClientsReceiveMaximum() throws Exception {
        try (PartnerClient partner = connect(5, PartnerClient.Options.clean().withManualAcks().withReceiveMaximum(2))) {
            partner.subscribe(records(care), 1);
            for (int i = 1; i <= 4; i++) {
                reading(5.0 + i / 10.0);
            }
            List<Long> all = hub.eventIds(care, 0);
            List<PartnerClient.Message> window = partner.next(2);
            assertThat(eventIds(window)).containsExactlyElementsOf(all.subList(0, 2));
            assertThat(partner.received.poll(500, TimeUnit.MILLISECONDS)).as("window full").isNull();

            List<Long> later = new ArrayList<>();
            partner.ack(window.get(0));
            PartnerClient.Message third = partner.next();
            later.add(third.eventId());
            partner.ack(window.get(1));
            PartnerClient.Message fourth = partner.next();
            later.add(fourth.eventId());
            assertThat(later).containsExactlyElementsOf(all.subList(2, 4));
            partner.ack(third);
            partner.ack(fourth);
        }
    }

    @Test
    void recordWithheldAtDelivery_isSkippedAndTheCursorMovesPastIt() throws Exception {
        String clientId = careClient.client().id();
        try (PartnerClient partner = connect(5, PartnerClient.Options.persistentSession())) {
            partner.subscribe(records(care), 1);
            reading(5.1);
            long first = partner.next().eventId();
            await().atMost(WAIT).until(() -> hub.cursor(care, clientId) == first);
        }
        reading(5.2); // released while the partner is away ...
        long withheld = hub.eventIds(care, 0).get(1);
        hub.sharing.changeState(hub.hub.operator, careAgreement.id(), AgreementState.SUSPENDED); // ... and stopped

        try (PartnerClient partner = connect(5, PartnerClient.Options.persistentSession())) {
            await().atMost(WAIT).until(() -> hub.cursor(care, clientId) == withheld);
            hub.sharing.changeState(hub.hub.operator, careAgreement.id(), AgreementState.ACTIVE);
            reading(5.3);
            PartnerClient.Message next = partner.next();
            assertThat(next.eventId()).isEqualTo(hub.eventIds(care, 0).get(2));
        }
    }
}
