package io.pactum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.registry.OrganisationRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #4 over the API: a recipient polls its deliveries, each the agreed view of one record, page by
 * page from the last event id it was given; what an agreement no longer allows is skipped.
 */
class DeliveryApiIT extends SharingApiTest {
    private static final String DELIVERIES = "/api/v1/deliveries";


    @Test
    void recipient_pollsItsDeliveries_pageByPage_eachTheAgreedViewOfOneRecord() {
        String partner = fixture.partner();
        String token = fixture.token(partner);
        String agreement = fixture.temperatureAgreement(partner);
        var device = fixture.device(null);
        List<String> records = fixture.send(device, 21.3, 22.6, 23.9);

        Api.Reply all = api.get(DELIVERIES, token);

        assertThat(all.status()).isEqualTo(200);
        JsonNode deliveries = all.json().get("deliveries");
        assertThat(deliveries).hasSize(3);
        List<Long> eventIds = new ArrayList<>();
        deliveries.forEach(d -> eventIds.add(d.get("eventId").asLong()));
        assertThat(eventIds).isSorted().doesNotHaveDuplicates();
        assertThat(all.json().get("lastEventId").asLong()).isEqualTo(eventIds.get(2));
        JsonNode first = deliveries.get(0);
        assertThat(first.get("agreementId").asText()).isEqualTo(agreement);
        assertThat(first.get("purpose").asText()).isEqualTo("healthcare");
        assertThat(first.get("productId").asText()).isEqualTo(fixture.thermometer.id());
        assertThat(first.get("channel").asText()).isEqualTo("telemetry");
        assertThat(first.at("/record/devicePseudonym").asText()).isEqualTo(hub.pseudonym(partner, device.device().id()));
        assertThat(first.at("/record/fields")).hasSize(1);
        assertThat(first.at("/record/fields/0/name").asText()).isEqualTo("temperature");
        assertThat(first.at("/record/fields/0/value").asDouble()).as("rounded to halves").isEqualTo(21.5);
        assertThat(all.raw()).as("humidity is not in the agreement; raw ids never leave")
                .doesNotContain("humidity", device.device().id(), records.get(0));

        Api.Reply page = api.get(DELIVERIES + "?limit=2", token);
        assertThat(page.json().get("deliveries")).hasSize(2);
        assertThat(page.json().get("lastEventId").asLong()).isEqualTo(eventIds.get(1));
        Api.Reply rest = api.get(DELIVERIES + "?after=" + eventIds.get(1), token);
        assertThat(rest.json().get("deliveries")).hasSize(1);
        assertThat(rest.json().at("/deliveries/0/eventId").asLong()).isEqualTo(eventIds.get(2));
        Api.Reply none = api.get(DELIVERIES + "?after=" + eventIds.get(2), token);
        assertThat(none.json().get("deliveries")).isEmpty();
        assertThat(none.json().get("lastEventId").asLong()).as("the position stays").isEqualTo(eventIds.get(2));
    }

    @Test
    void deliveriesWaiting_whenTheAgreementIsSuspended_areWithheld_butThePositionMovesPastThem() {
        String partner = fixture.partner();
        String token = fixture.token(partner);
        String agreement = fixture.temperatureAgreement(partner);
        var device = fixture.device(null);
        fixture.send(device, 20.0, 20.5);
        fixture.changeAgreement(agreement, "suspend");

        Api.Reply whileSuspended = api.get(DELIVERIES, token);

        assertThat(whileSuspended.json().get("deliveries")).isEmpty();
        long past = whileSuspended.json().get("lastEventId").asLong();
        assertThat(past).as("moved past the withheld entries").isPositive();
        assertThat(hub.audit.recent(e -> e.type() == AuditEventType.DELIVERY_WITHHELD
                && agreement.equals(e.details().get("agreementId")))).hasSize(2)
                .allSatisfy(e -> assertThat(e.details()).containsEntry("channel", "poll").containsEntry("reason", "SUSPENDED"));

        fixture.changeAgreement(agreement, "resume");
        fixture.send(device, 21.0);
        JsonNode resumed = api.get(DELIVERIES + "?after=" + past, token).json().get("deliveries");
        assertThat(resumed).hasSize(1);
        assertThat(resumed.at("/0/record/fields/0/value").asDouble()).isEqualTo(21.0);
    }

    @Test
    void recipientsWithoutAnAgreement_receiveNothing_andTheOperatorNoDeliveriesAtAll() {
        String partner = fixture.partner();
        fixture.temperatureAgreement(partner);
        fixture.send(fixture.device(null), 19.0);

        Api.Reply stranger = api.get(DELIVERIES, fixture.token(fixture.organisation("Other", OrganisationRole.SUPPLIER)));
        assertThat(stranger.status()).isEqualTo(200);
        assertThat(stranger.json().get("deliveries")).isEmpty();
        assertThat(stranger.json().get("lastEventId").asLong()).isZero();
        Api.Reply operator = api.get(DELIVERIES, hub.operatorToken);
        assertThat(operator.status()).isEqualTo(403);
        assertThat(operator.text("/detail")).contains("operator receives no deliveries");
    }
}
