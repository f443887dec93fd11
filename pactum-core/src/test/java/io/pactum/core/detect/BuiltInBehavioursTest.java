package io.pactum.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.signal.SecuritySignal;
import io.pactum.core.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each built-in behaviour against its scripted attack, amid a small benign fleet: the attack is
 * alarmed within one second of its first packet, by its own behaviour only, about the right subject.
 */
class BuiltInBehavioursTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    /** The attack starts after a minute of benign traffic, so baselines and windows are warm. */
    private static final Instant ATTACK = T0.plusSeconds(60);

    private final RecordingAlarms alarms = new RecordingAlarms();
    private final DetectionEngine engine = new DetectionEngine(BuiltInBehaviours.all(), alarms);

    @BeforeEach
    void benignMinute() {
        for (int d = 0; d < 20; d++) {
            String device = "dev-" + d;
            engine.observe(new Observation.Connected(device, "mqtt 10.0.0." + d + ":40000", T0));
            for (int s = 0; s < 60; s++) {
                Instant at = T0.plusSeconds(s).plusMillis(d * 37L);
                engine.observe(new Observation.MessageAccepted(device, "meter", 180, at));
                engine.observe(new Observation.ValueObserved(device, "meter", "power",
                        500 + 50 * Math.sin(s / 10.0) + (s * 7 + d) % 5, at));
            }
        }
        assertThat(alarms.raised).isEmpty();
    }

    private static Observation signal(SignalType type, Instant at, String subject, String source) {
        return new Observation.Signal(new SecuritySignal(type, at, subject, source, "scripted attack"));
    }

    /** Feeds the attack's {@code count} observations; each step stamps its own instant with {@link #at}. */
    private void attack(int count, IntFunction<Observation> step) {
        for (int i = 0; i < count; i++) {
            engine.observe(step.apply(i));
        }
    }

    private static Instant at(int i, int perSecond) {
        return ATTACK.plusNanos(1_000_000_000L * i / perSecond);
    }

    private void assertContainedWithinASecond(Behaviour behaviour, String subject) {
        List<Alarm> raised = new ArrayList<>(alarms.raised);
        assertThat(raised).singleElement().satisfies(alarm -> {
            assertThat(alarm.behaviour()).isEqualTo(behaviour.name());
            assertThat(alarm.subject()).isEqualTo(subject);
            assertThat(Duration.between(ATTACK, alarm.raisedAt())).isLessThan(Duration.ofSeconds(1));
        });
    }

    @Test
    void credentialStuffing_fromOneHost_manyIds() {
        attack(200, i -> signal(SignalType.AUTHENTICATION_FAILURE, at(i, 50), "guess-" + i,
                "mqtt 203.0.113.9:" + (50000 + i)));
        assertContainedWithinASecond(BuiltInBehaviours.CREDENTIAL_STUFFING, "203.0.113.9");
    }

    @Test
    void connectionFlood_ofOneDevice() {
        attack(100, i -> new Observation.Connected("dev-3", "mqtt 10.0.0.3:" + (41000 + i), at(i, 20)));
        assertContainedWithinASecond(BuiltInBehaviours.CONNECTION_FLOOD, "dev-3");
    }

    @Test
    void messageFlood_ofOneDevice() {
        attack(2000, i -> new Observation.MessageAccepted("dev-4", "meter", 180, at(i, 1000)));
        assertContainedWithinASecond(BuiltInBehaviours.MESSAGE_FLOOD, "dev-4");
    }

    @Test
    void integrityFailureBurst_forgedMessages() {
        attack(50, i -> signal(SignalType.INTEGRITY_FAILURE, at(i, 20), "dev-5", "mqtt 198.51.100.7:1883"));
        assertContainedWithinASecond(BuiltInBehaviours.INTEGRITY_FAILURE_BURST, "dev-5");
    }

    @Test
    void replay_ofCapturedMessages() {
        attack(100, i -> signal(SignalType.REPLAY, at(i, 50), "dev-6", "mqtt 198.51.100.7:1883"));
        assertContainedWithinASecond(BuiltInBehaviours.REPLAY, "dev-6");
    }

    @Test
    void topicScanning_byAConnectedDevice() {
        attack(100, i -> signal(i % 2 == 0 ? SignalType.FORBIDDEN_SUBSCRIPTION : SignalType.FORBIDDEN_PUBLISH,
                at(i, 50), "dev-7", "mqtt 10.0.0.7:40000"));
        assertContainedWithinASecond(BuiltInBehaviours.TOPIC_SCANNING, "dev-7");
    }

    @Test
    void sharedCredentials_aCloneTakesOverTheSessionFromAnotherHost() {
        // dev-8 reconnected from its own host 5 s ago; a clone from elsewhere takes over its session.
        engine.observe(new Observation.Connected("dev-8", "mqtt 10.0.0.8:40001", ATTACK.minusSeconds(5)));
        engine.observe(signal(SignalType.CLIENT_ID_CONFLICT, ATTACK, "dev-8", "mqtt 192.0.2.66:51515"));
        engine.observe(new Observation.Connected("dev-8", "mqtt 192.0.2.66:51515", ATTACK.plusMillis(2)));
        assertContainedWithinASecond(BuiltInBehaviours.SHARED_CREDENTIALS, "dev-8");
    }

    @Test
    void sharedCredentials_aDeviceThatRoamsCleanly_isNotAlarmed() {
        engine.observe(new Observation.Connected("dev-8", "mqtt 10.0.0.8:40001", ATTACK.minusSeconds(5)));
        engine.observe(new Observation.Disconnected("dev-8", "mqtt 10.0.0.8:40001", ATTACK.minusSeconds(1)));
        engine.observe(new Observation.Connected("dev-8", "mqtt 100.64.7.8:40001", ATTACK));
        assertThat(alarms.raised).isEmpty();
    }

    @Test
    void partnerExfiltration_requestsBeyondAgreements() {
        attack(100, i -> i % 10 == 0
                ? signal(SignalType.COMMAND_REFUSED, at(i, 50), "org-shady", "client shady-1")
                : new Observation.PartnerRequest("org-shady", "records", false, at(i, 50)));
        assertContainedWithinASecond(BuiltInBehaviours.PARTNER_EXFILTRATION, "org-shady");
    }

    @Test
    void outOfProfileValue_spoofedReading() {
        engine.observe(new Observation.ValueObserved("dev-9", "meter", "power", 50_000, ATTACK));
        assertContainedWithinASecond(BuiltInBehaviours.OUT_OF_PROFILE_VALUE, "dev-9");
        assertThat(alarms.raised.get(0).field()).isEqualTo("power");
    }

    @Test
    void attackThatStops_clearsAfterItsCalmSeconds() {
        attack(200, i -> signal(SignalType.AUTHENTICATION_FAILURE, at(i, 50), "guess-" + i,
                "mqtt 203.0.113.9:" + (50000 + i)));
        for (int s = 1; s <= 100; s++) {
            engine.tick(ATTACK.plusSeconds(s));
        }
        assertThat(alarms.cleared).singleElement().satisfies(c -> {
            assertThat(c.behaviour()).isEqualTo("credential-stuffing");
            // the 10 s window empties 14 s in (the attack lasted 4 s), then 60 calm seconds
            assertThat(c.clearedAt()).isBetween(ATTACK.plusSeconds(70), ATTACK.plusSeconds(80));
        });
    }
}
