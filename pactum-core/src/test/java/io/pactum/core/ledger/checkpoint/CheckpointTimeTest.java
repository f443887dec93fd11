package io.pactum.core.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.error.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue #5: a checkpoint carries (size, root hash, time); the time is a "time" extension line. */
class CheckpointTimeTest {
    private static final Checkpoint HEAD = new Checkpoint("pactum.example/ledger", 3, new byte[32]);

    @Test
    void withTime_addsATimeLine_inRfc3339Utc_toTheSecond() {
        Checkpoint timed = HEAD.withTime(Instant.parse("2026-11-23T18:55:43.987654Z"));

        assertThat(timed.extensions()).containsExactly("time 2026-11-23T18:55:43Z");
        assertThat(timed.body()).endsWith("\ntime 2026-11-23T18:55:43Z\n");
        assertThat(timed.time()).contains(Instant.parse("2026-11-23T18:55:43Z"));
    }

    @Test
    void time_survivesBodyRoundTrip_andIsAbsentWithoutTheLine() {
        Checkpoint timed = HEAD.withTime(Instant.parse("2026-01-31T00:00:00Z"));

        assertThat(Checkpoint.parse(timed.body()).time()).contains(Instant.parse("2026-01-31T00:00:00Z"));
        assertThat(HEAD.time()).isEmpty();
        assertThat(new Checkpoint("o", 1, new byte[32], List.of("timestamp 5")).time()).isEmpty();
    }

    @Test
    void aSecondTime_isRefused() {
        Checkpoint timed = HEAD.withTime(Instant.EPOCH);

        assertThatThrownBy(() -> timed.withTime(Instant.EPOCH)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Checkpoint("o", 1, new byte[32],
                List.of("time 2026-01-31T00:00:00Z", "time 2026-01-31T00:00:01Z")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("more than one time line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"time", "time ", "time 2026-01-31T00:00:00+00:00", "time 2026-01-31T00:00:00.5Z",
        "time 2026-01-31 00:00:00Z", "time 2026-02-30T00:00:00Z", "time 2026-01-31T24:00:00Z", "time  2026-01-31T00:00:00Z",
        "time 2026-01-31t00:00:00z"})
    void malformedTimeLines_areRejected_whenTheCheckpointIsRead(String line) {
        String body = HEAD.body() + line + "\n";

        assertThatThrownBy(() -> Checkpoint.parse(body))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("time");
    }
}
