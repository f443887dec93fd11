package io.pactum.server.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a run showed what the demo claims, claim by claim: each partner received data; the
 * withdrawing patient's records reached the clinic before the withdrawal and none measured after;
 * the attack was contained and nothing else raised an incident; the ledger verifies.
 */
public record DemoVerdict(boolean shown, List<String> lines) {
    public DemoVerdict {
        lines = List.copyOf(lines);
    }

    public static DemoVerdict of(DemoSnapshot last, DemoSettings settings, boolean ledgerVerifies) {
        Objects.requireNonNull(last, "last");
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
        }
        long attackIncidents = last.incidents().stream().filter(DemoVerdict::containedCloneIncident).count();
        long others = last.incidents().size() - attackIncidents;
        if (settings.attack() && !last.elapsed().minus(settings.attackAt()).isNegative()) {
            shown &= claim(lines, attackIncidents == 1, "the cloned credential was detected and contained"
                    + last.incidents().stream().filter(DemoVerdict::containedCloneIncident).findFirst()
                            .map(i -> String.format(Locale.ROOT, " in %.3f s", i.secondsToContainment()))
                            .orElse(""));
        }
        shown &= claim(lines, others == 0, others + " incident(s) from well-behaved devices and partners");
        shown &= claim(lines, ledgerVerifies, "the audit ledger verifies against the checkpoint signed at the end");
        lines.add(0, shown ? "The demo showed what it claims:" : "The demo did NOT show everything it claims:");
        return new DemoVerdict(shown, lines);
    }

    private static boolean containedCloneIncident(DemoSnapshot.IncidentLine incident) {
        return incident.detector().equals("shared-credentials") && incident.secondsToContainment() != null;
    }

    private static boolean claim(List<String> lines, boolean holds, String text) {
        lines.add((holds ? "  [ok]     " : "  [FAILED] ") + text);
        return holds;
    }
}
