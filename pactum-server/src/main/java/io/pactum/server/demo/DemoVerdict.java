package io.pactum.server.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a run showed what the demo claims, claim by claim: each partner received data; the
 * withdrawing patient's records reached the clinic before the withdrawal, none measured after and
 * none late, while other patients' still came; both partners' sessions held;
 * the attack was contained and nothing else raised an incident; the ledger verifies. A run stopped
 * early says which claims it did not reach rather than pass them over.
 */
public record DemoVerdict(boolean shown, List<String> lines) {
    public DemoVerdict {
        lines = List.copyOf(lines);
    }

    public static DemoVerdict of(DemoSnapshot last, DemoSettings settings, boolean ledgerVerifies) {
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(settings, "settings");
        List<String> lines = new ArrayList<>();
        boolean shown = true;
        for (Map.Entry<String, Long> partner : last.deliveredByPartner().entrySet()) {
            shown &= claim(lines, partner.getValue() > 0, partner.getKey() + " received " + partner.getValue()
                    + " records under its agreement");
        }
        Withdrawal withdrawal = last.withdrawal();
        if (withdrawal.at() != null) {
            shown &= claim(lines, withdrawal.honoured(), "records of " + withdrawal.patient() + " at the clinic: "
                    + withdrawal.before() + " measured before the withdrawal, " + withdrawal.after() + " after ("
                    + withdrawal.arrivedLate() + " late; " + withdrawal.othersAfter() + " of other patients after)");
        } else {
            notReached(lines, "the consent withdrawal");
        }
        List<DemoSnapshot.IncidentLine> attackIncidents = last.incidents().stream().filter(last::isTheAttack).toList();
        if (last.attackedDevice() != null) {
            Optional<DemoSnapshot.IncidentLine> contained = attackIncidents.stream()
                    .filter(incident -> incident.secondsToContainment() != null).findFirst();
            shown &= claim(lines, contained.isPresent(), "the cloned credential of " + last.attackedDevice()
                    + " was detected and contained" + contained.map(incident -> String.format(Locale.ROOT,
                            " in %.3f s", incident.secondsToContainment())).orElse(""));
        } else if (settings.attack()) {
            notReached(lines, "the attack");
        }
        long others = last.incidents().size() - attackIncidents.size();
        shown &= claim(lines, others == 0, others + " incident(s) from well-behaved devices and partners");
        shown &= claim(lines, last.partnersConnected(), "both partners stayed connected and could read every"
                + " delivery");
        shown &= claim(lines, ledgerVerifies, "the audit ledger verifies against the checkpoint signed at the end");
        boolean stoppedEarly = last.elapsed().compareTo(last.duration()) < 0;
        lines.add(0, !shown ? "The demo did NOT show everything it claims:"
                : stoppedEarly ? "Stopped early at " + Durations.clock(last.elapsed()) + "; what the demo showed so far:"
                : "The demo showed what it claims:");
        return new DemoVerdict(shown, lines);
    }

    private static boolean claim(List<String> lines, boolean holds, String text) {
        lines.add((holds ? "  [ok]     " : "  [FAILED] ") + text);
        return holds;
    }

    private static void notReached(List<String> lines, String what) {
        lines.add("  [--]     " + what + " did not come: the run ended before it");
    }
}
