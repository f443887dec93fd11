package io.pactum.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalDisplayTest {
    private static final String NL = System.lineSeparator();

    private final StringWriter written = new StringWriter();

    private TerminalDisplay display(boolean interactive) {
        return new TerminalDisplay(new PrintWriter(written), interactive);
    }

    private static DemoSnapshot at(int seconds) {
        return new SnapshotBuilder().elapsed(Duration.ofSeconds(seconds)).build();
    }

    private static String block(List<String> lines) {
        return String.join(NL, lines) + NL;
    }

    /** Cursor up {@code lines} lines, to the start of the line, and clear to the end of the screen. */
    private static String upAndClear(int lines) {
        return "\033[" + lines + "A\r\033[J";
    }

    @Test
    void plain_eventIsPrintedWithItsTimeIntoTheRun() {
        TerminalDisplay display = display(false);

        display.event(Duration.ofSeconds(65), "the attack begins");
        display.event(Duration.ofMillis(3723_400), "still running");

        assertThat(written).hasToString("[1:05] the attack begins" + NL + "[1:02:03] still running" + NL);
    }

    @Test
    void plain_summaryIsPrintedAtMostEvery15SecondsOfTheRun() {
        TerminalDisplay display = display(false);

        for (int second = 1; second <= 31; second++) {
            display.summary(at(second));
        }

        assertThat(written).hasToString(block(at(15).lines()) + NL + block(at(30).lines()) + NL);
        assertThat(written.toString()).doesNotContain("\033[");
    }

    @Test
    void plain_summariesDoNotHideEvents() {
        TerminalDisplay display = display(false);

        display.summary(at(15));
        display.event(Duration.ofSeconds(16), "something happened");
        display.summary(at(17));

        assertThat(written).hasToString(block(at(15).lines()) + NL + "[0:16] something happened" + NL);
    }

    @Test
    void plain_finishPrintsTheLastSummary() {
        TerminalDisplay display = display(false);
        display.summary(at(5));

        display.finish(at(8));

        assertThat(written).hasToString(block(at(8).lines()));
    }

    @Test
    void interactive_firstSummaryIsDrawnAsIs() {
        TerminalDisplay display = display(true);

        display.summary(at(1));

        assertThat(written).hasToString(block(at(1).lines()));
    }

    @Test
    void interactive_nextSummaryReplacesTheLinesDrawnBefore() {
        TerminalDisplay display = display(true);
        DemoSnapshot first = new SnapshotBuilder().elapsed(Duration.ofSeconds(1)).build();
        DemoSnapshot second = new SnapshotBuilder().elapsed(Duration.ofSeconds(2)).containedClone().build();

        display.summary(first);
        display.summary(second);
        display.summary(at(3));

        assertThat(first.lines()).hasSize(7);
        assertThat(second.lines()).hasSize(8);
        assertThat(written).hasToString(block(first.lines()) + upAndClear(7) + block(second.lines())
                + upAndClear(8) + block(at(3).lines()));
    }

    @Test
    void interactive_eventGoesAboveTheSummary_whichIsRedrawnBelowIt() {
        TerminalDisplay display = display(true);
        DemoSnapshot longer = new SnapshotBuilder().elapsed(Duration.ofSeconds(1)).containedClone()
                .incident("message-flood", "thermostat-0002", "open", null).build();

        display.summary(longer);
        display.event(Duration.ofSeconds(1), "ATTACK: a clone connects");
        display.summary(at(2));

        assertThat(longer.lines()).hasSize(9);
        assertThat(written).hasToString(block(longer.lines())
                + upAndClear(9) + "[0:01] ATTACK: a clone connects" + NL + block(longer.lines())
                + upAndClear(9) + block(at(2).lines()));
    }

    @Test
    void interactive_eventBeforeAnySummary_isPrintedAlone() {
        TerminalDisplay display = display(true);

        display.event(Duration.ZERO, "connected");

        assertThat(written).hasToString("[0:00] connected" + NL);
    }

    @Test
    void interactive_finishReplacesTheLiveSummary_andLeavesItInPlace() {
        TerminalDisplay display = display(true);
        display.summary(at(1));

        display.finish(at(2));
        display.event(Duration.ofSeconds(3), "report written");

        assertThat(written).hasToString(block(at(1).lines()) + upAndClear(7) + block(at(2).lines())
                + "[0:03] report written" + NL);
    }

    @Test
    void interactive_cutsALongLine_soThatTheTerminalCannotWrapIt_butFinishShowsItWhole() {
        TerminalDisplay display = display(true);
        DemoSnapshot wide = new SnapshotBuilder().elapsed(Duration.ofSeconds(1))
                .delivered("A partner with a name much longer than any terminal line is wide", 1).build();

        display.summary(wide);
        String drawn = written.toString();
        display.finish(wide);

        assertThat(drawn.split(NL)).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(TerminalDisplay.WIDTH));
        assertThat(drawn).contains("…" + NL);
        assertThat(written.toString().substring(drawn.length())).contains("is wide" + NL);
    }
}
