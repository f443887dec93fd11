package io.pactum.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.signal.SignalType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoSnapshotTest {
    @Test
    void lines_afterTheDrain_showNoMoreThanTheDuration() {
        DemoSnapshot snapshot = new SnapshotBuilder().elapsed(Duration.ofSeconds(122)).build();

        assertThat(snapshot.lines().get(0)).isEqualTo("Pactum demo  2:00 of 2:00");
    }

    @Test
    void lines_startWithTheTimeIntoTheRun() {
        DemoSnapshot snapshot = new SnapshotBuilder().elapsed(Duration.ofSeconds(65)).build();

        assertThat(snapshot.lines().get(0)).isEqualTo("Pactum demo  1:05 of 2:00");
    }

    @Test
    void lines_countMessagesPerKindOfDevice() {
        DemoSnapshot snapshot = new SnapshotBuilder().fleets(12, 34, 56).build();

        assertThat(snapshot.messagesSent()).isEqualTo(102);
        assertThat(snapshot.lines().get(1)).startsWith("  Messages in  ")
                .contains("12 glucose monitors", "34 thermostats", "56 toys");
    }

    @Test
    void lines_listKindsOfDeviceInTheirOrder() {
        DemoSnapshot snapshot = new SnapshotBuilder().fleets(12, 34, 56).build();

        assertThat(snapshot.lines().get(1))
                .isEqualTo("  Messages in  12 glucose monitors, 34 thermostats, 56 toys");
    }

    @Test
    void lines_showRefusedMessagesTotalAndReasonsInWords() {
        DemoSnapshot snapshot = new SnapshotBuilder()
                .signal(SignalType.IMPLAUSIBLE_VALUE, 2)
                .signal(SignalType.MALFORMED_PAYLOAD, 3)
                .signal(SignalType.AUTHENTICATION_FAILURE, 4)
                .signal(SignalType.CLIENT_ID_CONFLICT, 1)
                .build();

        assertThat(snapshot.messagesRefused()).isEqualTo(5);
        assertThat(snapshot.lines()).contains(
                "  Refused      5 messages: 3 malformed payload, 2 implausible value",
                "  Signals      4 authentication failure, 1 client id conflict");
    }

    @Test
    void lines_countOneRefusedMessage_inTheSingular() {
        DemoSnapshot snapshot = new SnapshotBuilder().signal(SignalType.REPLAY, 1).build();

        assertThat(snapshot.lines()).contains("  Refused      1 message: 1 replay");
    }

    @Test
    void lines_withNothingRefused_sayNone() {
        DemoSnapshot snapshot = new SnapshotBuilder().signal(SignalType.REPLAY, 0).build();

        assertThat(snapshot.messagesRefused()).isZero();
        assertThat(snapshot.lines()).contains("  Refused      none", "  Signals      none");
    }

    @Test
    void lines_listPartnersInTheOrderGiven() {
        DemoSnapshot clinicFirst = new SnapshotBuilder().build();
        DemoSnapshot analyticsFirst = new SnapshotBuilder().noDeliveries()
                .delivered(DemoEcosystem.ANALYTICS, 7).delivered(DemoEcosystem.CLINIC, 3).build();

        assertThat(clinicFirst.lines())
                .contains("  Delivered    100 to Riverside Diabetes Clinic, 500 to Northwind Analytics");
        assertThat(analyticsFirst.lines())
                .contains("  Delivered    7 to Northwind Analytics, 3 to Riverside Diabetes Clinic");
    }

    @Test
    void lines_beforeTheWithdrawal_showTheConsent() {
        DemoSnapshot snapshot = new SnapshotBuilder().notWithdrawn().recordsBefore(4).build();

        assertThat(snapshot.lines())
                .contains("  Consent      patient-0001 consents; clinic got 4 of their records");
    }

    @Test
    void lines_afterTheWithdrawal_showRecordsMeasuredBeforeAndAfter() {
        DemoSnapshot snapshot = new SnapshotBuilder().withdrawnAt(Duration.ofSeconds(31), 25, 1).build();

        assertThat(snapshot.lines()).contains("  Consent      patient-0001 withdrew at 0:31; clinic got 25 before, 1 after");
    }

    @Test
    void lines_withoutIncidents_sayNone() {
        assertThat(new SnapshotBuilder().build().lines()).endsWith("  Incidents    none").hasSize(7);
    }

    @Test
    void lines_showEachIncident_withTimeToContainmentAndActions() {
        DemoSnapshot snapshot = new SnapshotBuilder()
                .incident("shared-credentials", "toy-0006", "contained", 0.12345, "quarantine-device toy-0006",
                        "notify")
                .incident("message-flood", "thermostat-0002", "open", null)
                .build();

        assertThat(snapshot.lines()).doesNotContain("  Incidents    none").endsWith(
                "  Incident     shared-credentials on toy-0006: contained in 0.123 s",
                "               quarantine-device toy-0006, notify",
                "  Incident     message-flood on thermostat-0002: open");
    }

    @Test
    void lines_fitAnEightyColumnTerminal_inARunOfTheDefaultSize() {
        DemoSnapshot snapshot = new SnapshotBuilder().fleets(1_200, 1_200, 1_200).signal(SignalType.MALFORMED_PAYLOAD, 12)
                .signal(SignalType.IMPLAUSIBLE_VALUE, 11).signal(SignalType.CONNECTION_REFUSED, 6)
                .signal(SignalType.CLIENT_ID_CONFLICT, 1)
                .withdrawnAt(Duration.ofSeconds(30), 25, 0).containedClone().build();

        assertThat(snapshot.lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(TerminalDisplay.WIDTH));
    }
}
