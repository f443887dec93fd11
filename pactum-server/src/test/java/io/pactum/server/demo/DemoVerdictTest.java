package io.pactum.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoVerdictTest {
    private static final DemoSettings WITH_ATTACK = new DemoSettings(Duration.ofMinutes(2), 5, 1, true);
    private static final DemoSettings WITHOUT_ATTACK = new DemoSettings(Duration.ofMinutes(2), 5, 1, false);

    @Test
    void everyClaimHolding_isShown_withEachLineOk() {
        DemoVerdict verdict = DemoVerdict.of(new SnapshotBuilder().containedClone().build(), WITH_ATTACK, true);

        assertThat(verdict.shown()).isTrue();
        assertThat(verdict.lines().get(0)).isEqualTo("The demo showed what it claims:");
        assertThat(verdict.lines().subList(1, verdict.lines().size()))
                .hasSize(7)
                .allSatisfy(line -> assertThat(line).startsWith("  [ok]     "));
        assertThat(verdict.lines()).contains(
                "  [ok]     Riverside Diabetes Clinic received 100 records under its agreement",
                "  [ok]     Northwind Analytics received 500 records under its agreement",
                "  [ok]     records of patient-0001 at the clinic: 25 measured before the withdrawal, 0 after"
                        + " (0 late; 40 of other patients after)",
                "  [ok]     the cloned credential of toy-0006 was detected and contained in 0.250 s",
                "  [ok]     0 incident(s) from well-behaved devices and partners",
                "  [ok]     both partners stayed connected and could read every delivery",
                "  [ok]     the audit ledger verifies against the checkpoint signed at the end");
    }

    @Test
    void deliveryAfterWithdrawal_fails_namingThePatient() {
        DemoSnapshot snapshot = new SnapshotBuilder().containedClone()
                .withdrawnAt(Duration.ofSeconds(30), 25, 2).build();

        DemoVerdict verdict = DemoVerdict.of(snapshot, WITH_ATTACK, true);

        assertThat(verdict.shown()).isFalse();
        assertThat(verdict.lines().get(0)).isEqualTo("The demo did NOT show everything it claims:");
        assertThat(verdict.lines()).containsOnlyOnce("  [FAILED] records of patient-0001 at the clinic: 25 measured"
                + " before the withdrawal, 2 after (0 late; 40 of other patients after)");
        assertThat(verdict.lines()).filteredOn(line -> line.contains("[FAILED]")).hasSize(1);
    }

    @Test
    void noRecordOfThePatientBeforeWithdrawal_fails() {
        DemoSnapshot snapshot = new SnapshotBuilder().containedClone()
                .withdrawnAt(Duration.ofSeconds(30), 0, 0).build();

        DemoVerdict verdict = DemoVerdict.of(snapshot, WITH_ATTACK, true);

        assertThat(verdict.shown()).isFalse();
        assertThat(verdict.lines()).anyMatch(line -> line.startsWith("  [FAILED] records of patient-0001 at the clinic: 0 measured"));
    }

    @Test
    void noIncidentAfterTheAttackBegan_fails() {
        DemoSnapshot snapshot = new SnapshotBuilder().elapsed(Duration.ofSeconds(61)).attacked("toy-0006").build();

        DemoVerdict verdict = DemoVerdict.of(snapshot, WITH_ATTACK, true);

        assertThat(verdict.shown()).isFalse();
        assertThat(verdict.lines()).contains("  [FAILED] the cloned credential of toy-0006 was detected and contained");
    }

    @Test
    void cloneIncidentNotContained_fails() {
        DemoSnapshot snapshot = new SnapshotBuilder().attacked("toy-0006")
                .incident("shared-credentials", "toy-0006", "open", null).build();

        DemoVerdict verdict = DemoVerdict.of(snapshot, WITH_ATTACK, true);

        assertThat(verdict.shown()).isFalse();
        assertThat(verdict.lines()).contains("  [FAILED] the cloned credential of toy-0006 was detected and contained",
                "  [ok]     0 incident(s) from well-behaved devices and partners");
    }

    @Test
    void runEndedBeforeTheAttack_saysItDidNotCome() {
        DemoSnapshot snapshot = new SnapshotBuilder().elapsed(Duration.ofSeconds(59)).build();

        DemoVerdict verdict = DemoVerdict.of(snapshot, WITH_ATTACK, true);

        assertThat(verdict.shown()).isTrue();
        assertThat(verdict.lines().get(0)).isEqualTo("Stopped early at 0:59; what the demo showed so far:");
        assertThat(verdict.lines()).contains("  [--]     the attack did not come: the run ended before it")
                .noneMatch(line -> line.contains("cloned credential"));
    }

    @Test
    void extraIncidentFromAnotherDetector_fails() {
        DemoSnapshot snapshot = new SnapshotBuilder().containedClone()
                .incident("message-flood", "thermostat-0002", "contained", 1.5, "quarantine thermostat-0002").build();

        DemoVerdict verdict = DemoVerdict.of(snapshot, WITH_ATTACK, true);

        assertThat(verdict.shown()).isFalse();
        assertThat(verdict.lines()).contains(
                "  [ok]     the cloned credential of toy-0006 was detected and contained in 0.250 s",
                "  [FAILED] 1 incident(s) from well-behaved devices and partners");
    }

    @Test
    void ledgerNotVerifying_fails() {
        DemoVerdict verdict = DemoVerdict.of(new SnapshotBuilder().containedClone().build(), WITH_ATTACK, false);

        assertThat(verdict.shown()).isFalse();
        assertThat(verdict.lines())
                .contains("  [FAILED] the audit ledger verifies against the checkpoint signed at the end");
    }

    @Test
    void partnerReceivingNothing_fails() {
        DemoSnapshot snapshot = new SnapshotBuilder().containedClone().delivered(DemoEcosystem.ANALYTICS, 0).build();

        DemoVerdict verdict = DemoVerdict.of(snapshot, WITH_ATTACK, true);

        assertThat(verdict.shown()).isFalse();
        assertThat(verdict.lines()).contains("  [FAILED] Northwind Analytics received 0 records under its agreement");
    }

    @Test
    void attackDisabled_requiresNoAttackClaim() {
        DemoVerdict verdict = DemoVerdict.of(new SnapshotBuilder().build(), WITHOUT_ATTACK, true);

        assertThat(verdict.shown()).isTrue();
        assertThat(verdict.lines()).noneMatch(line -> line.contains("cloned credential"))
                .contains("  [ok]     0 incident(s) from well-behaved devices and partners");
    }

    @Test
    void attackDisabled_cloneIncidentStillFails() {
        DemoSnapshot snapshot = new SnapshotBuilder()
                .incident("shared-credentials", "toy-0006", "contained", 0.25, "quarantine-device toy-0006").build();

        DemoVerdict verdict = DemoVerdict.of(snapshot, WITHOUT_ATTACK, true);

        assertThat(verdict.shown()).isFalse();
        assertThat(verdict.lines()).contains("  [FAILED] 1 incident(s) from well-behaved devices and partners");
    }

    @Test
    void runEndedBeforeTheWithdrawal_doesNotClaimIt() {
        DemoSnapshot snapshot = new SnapshotBuilder().notWithdrawn().elapsed(Duration.ofSeconds(20)).build();

        DemoVerdict verdict = DemoVerdict.of(snapshot, WITH_ATTACK, true);

        assertThat(verdict.shown()).isTrue();
        assertThat(verdict.lines()).contains("  [--]     the consent withdrawal did not come: the run ended before it")
                .noneMatch(line -> line.contains("patient-0001"));
    }

    @Test
    void patientsRecordArrivingLate_fails() {
        DemoSnapshot snapshot = new SnapshotBuilder().containedClone().arrivedLate(1).build();

        assertThat(DemoVerdict.of(snapshot, WITH_ATTACK, true).shown()).isFalse();
    }

    @Test
    void noOtherPatientsRecordAfterTheWithdrawal_fails_forAZeroAfterWouldProveNothing() {
        DemoSnapshot snapshot = new SnapshotBuilder().containedClone().othersAfter(0).build();

        assertThat(DemoVerdict.of(snapshot, WITH_ATTACK, true).shown()).isFalse();
    }

    @Test
    void partnerSessionLostOrUnreadableDelivery_fails() {
        DemoVerdict verdict = DemoVerdict.of(new SnapshotBuilder().containedClone().partnersDisconnected().build(),
                WITH_ATTACK, true);

        assertThat(verdict.shown()).isFalse();
        assertThat(verdict.lines())
                .contains("  [FAILED] both partners stayed connected and could read every delivery");
    }
}
