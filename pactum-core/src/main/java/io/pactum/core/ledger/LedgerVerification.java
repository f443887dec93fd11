package io.pactum.core.ledger;

import java.util.List;
import java.util.OptionalLong;

/**
 * What {@link LedgerVerifier#verify()} found.
 *
 * @param entriesChecked entries read and checked (all of them, unless the scan stopped after
 *     {@link LedgerVerifier#MAX_PROBLEMS} entry problems)
 * @param checkpointsChecked stored checkpoints whose signature was checked (all of them)
 * @param problems the problems found, by index (those without one last), at most
 *     {@link LedgerVerifier#MAX_PROBLEMS}
 * @param problemsFound how many problems were found, listed or not
 * @param provenSize the largest tree size a trusted checkpoint vouches for; entries from there on
 *     are consistent but not yet covered by any signature
 */
public record LedgerVerification(long entriesChecked, int checkpointsChecked, List<LedgerProblem> problems,
        int problemsFound, long provenSize) {
    public LedgerVerification {
        problems = List.copyOf(problems);
        if (problemsFound < problems.size()) {
            throw new IllegalArgumentException("problemsFound counts at least the listed problems");
        }
    }

    /** True when nothing was wrong: every entry, kept hash and checkpoint agrees. */
    public boolean ok() {
        return problemsFound == 0;
    }

    /** The first entry index in doubt: exact for damage the entries themselves show, else a proven lower bound. */
    public OptionalLong firstBadIndex() {
        // problems are sorted by index, so the first one that has an index has the smallest
        for (LedgerProblem problem : problems) {
            if (problem.index() != null) {
                return OptionalLong.of(problem.index());
            }
        }
        return OptionalLong.empty();
    }

    /** The problems' messages, in order. */
    public List<String> messages() {
        return problems.stream().map(LedgerProblem::message).toList();
    }
}
