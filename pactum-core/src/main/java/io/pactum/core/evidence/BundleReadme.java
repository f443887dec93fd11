package io.pactum.core.evidence;

import io.pactum.core.ledger.StoredCheckpoint;

/** The bundle's README.md: what each file is and how to check it. */
final class BundleReadme {
    private BundleReadme() {}

    static String text(EvidencePeriod period, String origin, String verifierKey, StoredCheckpoint checkpoint) {
        return """
                # Pactum evidence bundle

                Evidence of what the hub `%1$s` did from %2$s (inclusive) to %3$s (exclusive),
                generated with `pactum evidence export`. Times are UTC (ISO 8601).

                | file | what it holds |
                | --- | --- |
                | `manifest.json` | the period, when the bundle was made, the ledger's origin and verifier key, the tree size every proof is against, and the SHA-256 of every other file |
                | `record-of-processing.json` | the record of processing activities (GDPR Art. 30(1)): controller, purposes and legal bases, categories of data subjects, of personal data and of recipients, transfers to third countries, time limits for erasure, security measures; derived from the agreements in force, the products and their data categories |
                | `agreements.json` | the data-sharing agreements in force at some time during the period (validity overlaps it, not revoked before it began), and the ledger's AGREEMENT_CHANGE entries of the period |
                | `consents.json` | consent receipts that stood during the period (`inForce`) and those recorded within it (`changedInPeriod`); data subjects appear sealed, never in clear |
                | `approvals.json` | products approved during or before the period, and their `product.approval` ledger entries of the period |
                | `incidents.json` | the period's INCIDENT_ACTION ledger entries grouped by incident, in time order. Incident handling is not built yet (issue #6), so this is empty for now |
                | `checkpoints.json` | the signed checkpoints made during the period, and `proofsAgainst`: the checkpoint signed for this export, which covers every entry below |
                | `entries.jsonl` | one line per ledger entry with its time in the period: the decoded entry and, under `proof`, its inclusion proof |

                Personal details in ledger entries (`subjectId`, `subjectPseudonym`) are exported as the ledger
                keeps them: sealed (`sealed:v1:...`) under each data subject's key. The bundle holds none in clear.

                ## How to verify

                1. Check each file against its SHA-256 in `manifest.json`, e.g. `sha256sum entries.jsonl`.
                2. Obtain the ledger's verifier key from the operator through a channel apart from this bundle,
                   and compare it with the one in `manifest.json`:

                       %4$s

                3. Check a proof offline, with the key alone: write the `proof` object of a line of
                   `entries.jsonl` to a file, then

                       pactum audit verify --proof proof.json --key '%4$s'

                   `VALID` means the entry is in the ledger whose tree of %5$d entries the checkpoint in
                   `proofsAgainst` signs. Each proof's `entry` is the entry's canonical encoding (base64), so
                   the decoded fields beside it can be compared with what was proved.
                4. With access to the hub, check the whole stored log against all its checkpoints:

                       pactum audit verify --key '%4$s'
                """.formatted(origin, period.from(), period.to(), verifierKey, checkpoint.size());
    }
}
