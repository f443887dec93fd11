package io.pactum.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parse_plainSeconds_areSeconds() {
        assertThat(Durations.parse("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void parse_eachUnitAndTheirCombination() {
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("1h2m3s")).isEqualTo(Duration.ofSeconds(3723));
    }

    @Test
    void parse_ignoresCaseAndSurroundingSpace() {
        assertThat(Durations.parse(" 2M ")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1H30S")).isEqualTo(Duration.ofSeconds(3630));
    }

    @Test
    void parse_refusesWhatIsNotADuration_quotingItAndShowingExamples() {
        for (String text : List.of("", "  ", "abc", "1x", "-5s", "1.5m", "s", "2m1h", "1234567")) {
            assertThatThrownBy(() -> Durations.parse(text), text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + text + "' is not a duration")
                    .hasMessageContaining("90s, 2m, 1m30s or 1h");
        }
    }

    @Test
    void clock_showsMinutesAndSeconds_andHoursFromAnHourOn() {
        assertThat(Durations.clock(Duration.ZERO)).isEqualTo("0:00");
        assertThat(Durations.clock(Duration.ofSeconds(65))).isEqualTo("1:05");
        assertThat(Durations.clock(Duration.ofSeconds(3599))).isEqualTo("59:59");
        assertThat(Durations.clock(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
    }

    @Test
    void clock_ofANegativeDuration_isZero() {
        assertThat(Durations.clock(Duration.ofSeconds(-3))).isEqualTo("0:00");
    }

    @Test
    void format_usesTheLargestWholeUnit() {
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90 s");
        assertThat(Durations.format(Duration.ofSeconds(120))).isEqualTo("2 min");
        assertThat(Durations.format(Duration.ofSeconds(3600))).isEqualTo("1 h");
        assertThat(Durations.format(Duration.ofSeconds(5400))).isEqualTo("90 min");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0 s");
    }
}
