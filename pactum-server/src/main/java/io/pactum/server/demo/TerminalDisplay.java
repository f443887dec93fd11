package io.pactum.server.demo;

import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The demo's terminal: events scroll, each with its time into the run; the summary stays below them.
 * On an interactive terminal the summary is redrawn in place every second; otherwise (a pipe, a log
 * file) it is printed every {@link #PLAIN_EVERY} so that the output stays readable. Redrawn lines are
 * cut at {@link #WIDTH} characters: a line the terminal wraps would throw the redraw's count off.
 */
public final class TerminalDisplay implements DemoRun.Display {
    static final Duration PLAIN_EVERY = Duration.ofSeconds(15);
    static final int WIDTH = 79;
    private static final String UP_AND_CLEAR = "\033[%dA\r\033[J";

    private final PrintWriter out;
    private final boolean redraw;
    private List<String> shown = List.of();
    private Duration lastPlain = Duration.ZERO;

    /** On standard output, redrawing in place when that is a terminal. */
    public static TerminalDisplay onStandardOutput(PrintWriter out) {
        return new TerminalDisplay(out, standardOutputIsATerminal());
    }

    /**
     * Up to JDK 21 a console exists only when standard input and output are both a terminal; from 22
     * on it may exist for a redirected output too, and {@code Console.isTerminal()} (22+) tells.
     */
    static boolean standardOutputIsATerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException olderJdk) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** {@code interactive}: the output is a terminal that understands cursor movement. */
    public TerminalDisplay(PrintWriter out, boolean interactive) {
        this.out = Objects.requireNonNull(out, "out");
        this.redraw = interactive;
    }

    @Override
    public void event(Duration at, String text) {
        erase();
        out.println("[" + Durations.clock(at) + "] " + text);
        if (redraw) {
            shown.forEach(out::println);
        }
        out.flush();
    }

    @Override
    public void summary(DemoSnapshot snapshot) {
        List<String> lines = redraw ? snapshot.lines().stream().map(TerminalDisplay::clip).toList() : snapshot.lines();
        if (redraw) {
            erase();
            lines.forEach(out::println);
            shown = lines;
        } else if (snapshot.elapsed().minus(lastPlain).compareTo(PLAIN_EVERY) >= 0) {
            lastPlain = snapshot.elapsed();
            lines.forEach(out::println);
            out.println();
        }
        out.flush();
    }

    /** Ends the live part with the last summary, which stays; what follows goes below it. */
    public void finish(DemoSnapshot last) {
        erase();
        last.lines().forEach(out::println); // in full: nothing is redrawn over it
        shown = List.of();
        out.flush();
    }

    private static String clip(String line) {
        return line.length() <= WIDTH ? line : line.substring(0, WIDTH - 1) + "…";
    }

    private void erase() {
        if (redraw && !shown.isEmpty()) {
            out.print(String.format(UP_AND_CLEAR, shown.size()));
        }
    }
}
