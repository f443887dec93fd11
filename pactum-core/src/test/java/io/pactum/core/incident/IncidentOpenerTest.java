package io.pactum.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.detect.Alarm;
import io.pactum.core.detect.Metric;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** From a detector's alarm to what an incident records about it. */
class IncidentOpenerTest {
    private static final Instant AT = Instant.parse("2026-12-03T08:00:00Z");

    private static Alarm alarm(Metric metric, String subject) {
        return new Alarm("some-behaviour", metric, subject, null, 25, 20, AT.minusMillis(300), AT);
    }

    @Test
    void aDeviceAlarm_namesTheDevice_andAnOrganisationAlarmTheOrganisation() {
        Detection device = IncidentOpener.detection(alarm(Metric.CLIENT_ID_CONFLICTS, "meter-7"));
        assertThat(device.deviceIds()).containsExactly("meter-7");
        assertThat(device.organisationIds()).isEmpty();
        assertThat(device.severity()).isEqualTo(Severity.HIGH);
        assertThat(device.at()).isEqualTo(AT);
        assertThat(device.title()).isEqualTo("some-behaviour on meter-7: client_id_conflicts 25 above 20");

        Detection partner = IncidentOpener.detection(alarm(Metric.PARTNER_DENIALS, "org-9"));
        assertThat(partner.organisationIds()).containsExactly("org-9");
        assertThat(partner.deviceIds()).isEmpty();

        Detection host = IncidentOpener.detection(alarm(Metric.AUTH_FAILURES, "192.0.2.7"));
        assertThat(host.deviceIds()).isEmpty();
        assertThat(host.organisationIds()).isEmpty();
        assertThat(host.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void anAttackerChosenSubject_cannotMakeTheTitleTooLong() {
        Detection detection = IncidentOpener.detection(alarm(Metric.FORBIDDEN_TOPICS, "x".repeat(250)));
        assertThat(detection.title()).hasSize(Incident.MAX_TITLE);
        assertThat(detection.subject()).hasSize(250);
        assertThat(detection.deviceIds()).as("no registered device has such an id").isEmpty();
    }
}
