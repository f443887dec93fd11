package io.pactum.http.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.delivery.Delivery;
import io.pactum.core.delivery.OutboxEntry;
import io.pactum.core.sharing.Purpose;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryStreamRouteTest {

    private static Delivery delivery(long eventId, String body) {
        return new Delivery(eventId, new OutboxEntry("partner", "agreement", Purpose.HEALTHCARE, "record", null,
                Instant.EPOCH, body));
    }

    @Test
    void event_carriesTheEventIdAsItsId_theRecordType_andTheDeliveryAsData() {
        StringBuilder out = new StringBuilder();

        DeliveryStreamRoute.appendEvent(out, delivery(42, "{\"agreementId\":\"a\"}"));

        assertThat(out).hasToString("id: 42\nevent: record\ndata: {\"eventId\":42,\"agreementId\":\"a\"}\n\n");
    }

    @Test
    void lineBreaksInABody_becomeDataLinesOfTheirOwn_soTheyCannotEndTheEventOrForgeFields() {
        StringBuilder out = new StringBuilder();

        DeliveryStreamRoute.appendEvent(out, delivery(7, "{\"a\":1,\r\n\"b\":2,\n\nid: 99\r}"));

        assertThat(out.toString().split("\n\n", -1)).as("one event, then the end").hasSize(2);
        assertThat(out).hasToString("id: 7\nevent: record\ndata: {\"eventId\":7,\"a\":1,\ndata: \"b\":2,\ndata: \ndata: id: 99\n"
                + "data: }\n\n");
    }
}
