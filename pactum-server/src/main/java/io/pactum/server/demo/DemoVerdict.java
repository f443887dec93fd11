package io.pactum.server.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a run showed what the demo claims, claim by claim: each partner received data; the
 * withdrawing patient's records reached the clinic before the withdrawal and none measured after;
 * the attack was contained and nothing else raised an incident; the ledger verifies. A run stopped
 * early says which claims it did not reach rather than pass them over.
 */
public record DemoVerdict(boolean shown, List<String> lines) {
    private static final String CLONE_DETECTOR = "shared-credentials";

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
        if (last.withdrawnAt() != null) {
            shown &= claim(lines, last.withdrawnPatientBefore() > 0 && last.withdrawnPatientAfter() == 0,
                    "records of " + last.withdrawingPatient() + " at the clinic: " + last.withdrawnPatientBefore()
                            + " measured before the withdrawal, " + last.withdrawnPatientAfter() + " after");
        } else {
            notReached(lines, "the consent withdrawal");
        }
        List<DemoSnapshot.IncidentLine> attackIncidents = last.incidents().stream()
                .filter(incident -> isTheAttack(incident, last, settings)).toList();
        if (settings.attack() && last.attackedDevice() != null) {
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
        shown &= claim(lines, ledgerVerifies, "the audit ledger verifies against the checkpoint signed at the end");
        boolean stoppedEarly = last.elapsed().compareTo(last.duration()) < 0;
        lines.add(0, !shown ? "The demo did NOT show everything it claims:"
                : stoppedEarly ? "Stopped early at " + Durations.clock(last.elapsed()) + "; what the demo showed so far:"
                : "The demo showed what it claims:");
        return new DemoVerdict(shown, lines);
    }

    /** The attack's own incident: about the attacked device, from the clone detector, in a run with the attack. */
    private static boolean isTheAttack(DemoSnapshot.IncidentLine incident, DemoSnapshot last, DemoSettings settings) {
        return settings.attack() && incident.detector().equals(CLONE_DETECTOR)
                && incident.subject().equals(last.attackedDevice());
    }

    private static boolean claim(List<String> lines, boolean holds, String text) {
        lines.add((holds ? "  [ok]     " : "  [FAILED] ") + text);
        return holds;
    }

    private static void notReached(List<String> lines, String what) {
        lines.add("  [--]     " + what + " did not come: the run ended before it");
    }
}
