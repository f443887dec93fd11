package io.pactum.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.signal.LoggedSecuritySignals;
import io.pactum.core.signal.SecuritySignal;
import io.pactum.core.signal.SignalType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionSignalsTest {

    @Test
    void signalsRaisedThroughTheLog_reachDetection() {
        RecordingAlarms alarms = new RecordingAlarms();
        DetectionEngine engine = new DetectionEngine(List.of(BuiltInBehaviours.INTEGRITY_FAILURE_BURST), alarms);
        LoggedSecuritySignals signals = new LoggedSecuritySignals(16, new DetectionSignals(engine));
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        for (int i = 0; i < 6; i++) {
            signals.raise(new SecuritySignal(SignalType.INTEGRITY_FAILURE, t0.plusMillis(i), "dev-1",
                    "coap [2001:db8::7]:5684", "tag does not verify"));
        }
        assertThat(alarms.raised).singleElement().satisfies(a -> assertThat(a.subject()).isEqualTo("dev-1"));
    }
}
