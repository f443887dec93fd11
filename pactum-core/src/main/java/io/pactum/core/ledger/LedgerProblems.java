package io.pactum.core.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problems of one verification: counts them all but keeps only the {@code max} with the lowest
 * indexes (those without an index last), so a badly damaged ledger cannot fill the memory.
 */
final class LedgerProblems {
    private static final Comparator<LedgerProblem> BY_INDEX = Comparator.comparing(LedgerProblem::index,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private final int max;
    private final List<LedgerProblem> kept = new ArrayList<>();
    private int found;

    LedgerProblems(int max) {
        this.max = max;
    }

    void add(LedgerProblem problem) {
        found++;
        kept.add(problem);
        kept.sort(BY_INDEX); // stable: problems at one index stay in the order found
        if (kept.size() > max) {
            kept.remove(kept.size() - 1);
        }
    }

    List<LedgerProblem> kept() {
        return List.copyOf(kept);
    }

    int found() {
        return found;
    }
}
