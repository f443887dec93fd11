package io.pactum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.registry.NewDataSubject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue #4 over the API: consent recorded by the operator comes back as a receipt, is read back as
 * the subject's history, and governs release from the next message on.
 */
class ConsentApiIT extends SharingApiTest {

    @Test
    void consentReceipts_roundTrip_asTheSubjectsHistory_inOrder() {
        String subject = hub.registry.subjects().create(fixture.operator, new NewDataSubject(null)).id();
        String partner = fixture.partner();
        String operatorOrganisation = api.get("/api/v1/me", hub.operatorToken).text("/organisationId");
        String operatorClient = api.get("/api/v1/me", hub.operatorToken).text("/clientId");

        Api.Reply given = api.post("/api/v1/consents", hub.operatorToken, """
                {"subjectId": "%s", "recipientId": "%s", "purpose": "safety_monitoring", "action": "given",
                 "method": "operator-on-behalf"}""".formatted(subject, partner));
        Api.Reply withdrawn = api.post("/api/v1/consents", hub.operatorToken, """
                {"subjectId": "%s", "recipientId": "%s", "purpose": "SAFETY_MONITORING", "action": "Withdrawn"}"""
                .formatted(subject, partner));

        assertThat(given.status()).as("%s", given).isEqualTo(201);
        assertThat(given.headers().firstValue("Location")).hasValue("/api/v1/subjects/" + subject + "/consents");
        JsonNode receipt = given.json();
        assertThat(receipt.get("receiptId").asText()).isNotBlank();
        assertThat(receipt.get("version").asText()).isEqualTo("pactum-cr-1");
        assertThat(Instant.parse(receipt.get("timestamp").asText())).isBeforeOrEqualTo(hub.clock.instant());
        assertThat(receipt.get("subjectId").asText()).isEqualTo(subject);
        assertThat(receipt.get("controllerId").asText()).isEqualTo(operatorOrganisation);
        assertThat(receipt.get("recipientId").asText()).isEqualTo(partner);
        assertThat(receipt.get("purpose").asText()).isEqualTo("safety_monitoring");
        assertThat(receipt.get("legalBasis").asText()).isEqualTo("consent");
        assertThat(receipt.get("action").asText()).isEqualTo("given");
        assertThat(receipt.get("method").asText()).isEqualTo("operator-on-behalf");
        assertThat(receipt.get("collectedBy").asText()).isEqualTo(operatorClient);
        assertThat(withdrawn.text("/action")).isEqualTo("withdrawn");
        assertThat(withdrawn.text("/method")).as("the default method").isEqualTo("api");

        Api.Reply history = api.get("/api/v1/subjects/" + subject + "/consents", hub.operatorToken);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get("items")).containsExactly(given.json(), withdrawn.json());
        assertThat(hub.audit.recent(e -> e.type() == AuditEventType.CONSENT_CHANGED
                && receipt.get("receiptId").asText().equals(e.details().get("receiptId")))).hasSize(1);
    }

    @Test
    void consent_governsRelease_fromTheNextMessage() {
        String subject = hub.registry.subjects().create(fixture.operator, new NewDataSubject(null)).id();
        String partner = fixture.partner();
        String partnerToken = fixture.token(partner);
        var device = fixture.device(subject);
        fixture.agreement(partner, """
                "productIds": ["%s"], "fields": {"temperature": {"transform": "keep"}},
                "purpose": "healthcare", "legalBasis": "consent\"""".formatted(fixture.thermometer.id()));
        String consent = "{\"subjectId\": \"" + subject + "\", \"recipientId\": \"" + partner
                + "\", \"purpose\": \"healthcare\", \"action\": \"%s\"}";

        fixture.send(device, 20.0);
        assertThat(api.post("/api/v1/consents", hub.operatorToken, consent.formatted("given")).status()).isEqualTo(201);
        String released = fixture.send(device, 21.0).get(0);

        Api.Reply whileConsentStands = api.get("/api/v1/deliveries", partnerToken);
        JsonNode deliveries = whileConsentStands.json().get("deliveries");
        assertThat(deliveries).as("only the message sent while consent stood").hasSize(1);
        assertThat(deliveries.at("/0/record/fields/0/value").asDouble()).isEqualTo(21.0);
        assertThat(deliveries.toString()).doesNotContain(subject, released, device.device().id());

        assertThat(api.post("/api/v1/consents", hub.operatorToken, consent.formatted("withdrawn")).status()).isEqualTo(201);
        fixture.send(device, 22.0);
        assertThat(api.get("/api/v1/deliveries?after=" + whileConsentStands.json().get("lastEventId").asLong(), partnerToken)
                .json().get("deliveries")).as("nothing after the withdrawal").isEmpty();
        assertThat(api.get("/api/v1/deliveries", partnerToken).json().get("deliveries"))
                .as("and what was released is withheld now too").isEmpty();
    }

    @Test
    void consentsOfAnUnknownSubject_are404_andOthersThanTheOperatorMayNotReadThem() {
        String subject = hub.registry.subjects().create(fixture.operator, new NewDataSubject(null)).id();
        assertThat(api.get("/api/v1/subjects/nobody/consents", hub.operatorToken).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/subjects/" + subject + "/consents", fixture.token(fixture.partner())).status())
                .isEqualTo(403);
    }
}
