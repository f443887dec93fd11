package io.pactum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.registry.NewDeviceGroup;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue #4 over the API: an agreement's life, from creation through suspension and resumption to revocation. */
class AgreementApiIT extends SharingApiTest {
    private static final String AGREEMENTS = SharingFixture.AGREEMENTS;


    @Test
    void agreement_isCreated_suspended_resumed_andRevokedForGood() {
        String partner = fixture.partner();
        Api.Reply created = api.post(AGREEMENTS, hub.operatorToken, """
                {"recipientId": "%s", "productIds": ["%s"],
                 "fields": {"temperature": {"transform": "ROUND", "step": 0.5},
                            "humidity": {"transform": "coarsen-location", "step": 10}},
                 "purpose": "healthcare", "legalBasis": "contract", "timeResolution": "hours",
                 "validUntil": "2099-01-01T00:00:00Z"}""".formatted(partner, fixture.thermometer.id()));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.text("/id");
        assertThat(created.headers().firstValue("Location")).hasValue(AGREEMENTS + "/" + id);
        JsonNode a = created.json();
        assertThat(a.get("state").asText()).isEqualTo("active");
        assertThat(a.get("recipientId").asText()).isEqualTo(partner);
        assertThat(a.at("/productIds/0").asText()).isEqualTo(fixture.thermometer.id());
        assertThat(a.at("/fields/temperature/transform").asText()).isEqualTo("round");
        assertThat(a.at("/fields/temperature/step").asDouble()).isEqualTo(0.5);
        assertThat(a.at("/fields/humidity/transform").asText()).isEqualTo("coarsen_location");
        assertThat(a.get("purpose").asText()).isEqualTo("healthcare");
        assertThat(a.get("legalBasis").asText()).isEqualTo("contract");
        assertThat(a.get("timeResolution").asText()).isEqualTo("hours");
        assertThat(a.get("rateLimitPerMinute").asInt()).as("the API's default rate").isEqualTo(600);
        assertThat(a.get("validFrom").asText()).as("valid from creation").isEqualTo(a.get("createdAt").asText());
        assertThat(a.get("validUntil").asText()).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(a.get("commands")).isEmpty();
        assertThat(api.get(AGREEMENTS + "/" + id, hub.operatorToken).json()).isEqualTo(a);

        Api.Reply suspended = api.post(AGREEMENTS + "/" + id + "/suspend", hub.operatorToken, "");
        assertThat(suspended.text("/state")).isEqualTo("suspended");
        assertThat(Instant.parse(suspended.text("/updatedAt"))).isAfterOrEqualTo(Instant.parse(a.get("updatedAt").asText()));
        assertThat(api.post(AGREEMENTS + "/" + id + "/suspend", hub.operatorToken, "").text("/state"))
                .as("suspending again changes nothing").isEqualTo("suspended");
        assertThat(api.post(AGREEMENTS + "/" + id + "/resume", hub.operatorToken, "").text("/state")).isEqualTo("active");
        assertThat(api.post(AGREEMENTS + "/" + id + "/revoke", hub.operatorToken, "").text("/state")).isEqualTo("revoked");

        Api.Reply resumeRevoked = api.post(AGREEMENTS + "/" + id + "/resume", hub.operatorToken, "");
        assertThat(resumeRevoked.status()).isEqualTo(409);
        assertThat(resumeRevoked.text("/code")).isEqualTo("conflict");
        assertThat(resumeRevoked.field()).isEqualTo("state");
        assertThat(api.get(AGREEMENTS + "/" + id, hub.operatorToken).text("/state")).isEqualTo("revoked");
        assertThat(hub.audit.recent(e -> e.type() == AuditEventType.AGREEMENT_CHANGED
                && id.equals(e.details().get("agreementId"))))
                .extracting(e -> e.details().get("change"))
                .containsExactly("created", "suspended", "active", "revoked");
    }

    @Test
    void recipient_readsItsOwnAgreements_withoutRawDeviceIds_andOthersSeeNone() {
        String partner = fixture.partner();
        String device = fixture.device(null).device().id();
        String group = hub.registry.groups().create(fixture.operator,
                new NewDeviceGroup(fixture.supplierId, "ward " + partner, Set.of(device))).id();
        String id = fixture.agreement(partner, """
                "deviceGroupIds": ["%s"], "fields": {"temperature": {"transform": "keep"}},
                "purpose": "maintenance", "legalBasis": "legitimate_interest", "rateLimitPerMinute": 60,
                "commands": [{"command": "reboot", "deviceIds": ["%s"]}, {"command": "calibrate"}]"""
                .formatted(group, device));
        String partnerToken = fixture.token(partner);

        JsonNode asOperator = api.get(AGREEMENTS + "/" + id, hub.operatorToken).json();
        assertThat(asOperator.at("/commands/0/deviceIds").toString()).isEqualTo("[\"" + device + "\"]");
        assertThat(asOperator.at("/commands/0/coversWholeScope").asBoolean()).isFalse();
        assertThat(asOperator.at("/commands/1/coversWholeScope").asBoolean()).isTrue();

        Api.Reply asRecipient = api.get(AGREEMENTS + "/" + id, partnerToken);
        assertThat(asRecipient.status()).isEqualTo(200);
        assertThat(asRecipient.json().at("/commands/0").has("deviceIds")).isFalse();
        assertThat(asRecipient.raw()).doesNotContain(device);
        assertThat(asRecipient.json().at("/deviceGroupIds/0").asText()).isEqualTo(group);
        assertThat(asRecipient.json().get("rateLimitPerMinute").asInt()).isEqualTo(60);
        assertThat(ids(api.get(AGREEMENTS, partnerToken))).containsExactly(id);

        String otherToken = fixture.token(fixture.partner());
        assertThat(api.get(AGREEMENTS + "/" + id, otherToken).status()).isEqualTo(404);
        assertThat(ids(api.get(AGREEMENTS, otherToken))).isEmpty();
        assertThat(api.post(AGREEMENTS + "/" + id + "/suspend", partnerToken, "").status())
                .as("a recipient cannot change its agreement").isEqualTo(403);
    }

    @Test
    void unknownAgreement_is404() {
        assertThat(api.get(AGREEMENTS + "/nope", hub.operatorToken).status()).isEqualTo(404);
        assertThat(api.post(AGREEMENTS + "/nope/revoke", hub.operatorToken, "").status()).isEqualTo(404);
    }

    private static List<String> ids(Api.Reply list) {
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        list.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
