package io.pactum.core.evidence;

import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerCheckpoints;
import io.pactum.core.registry.RegistryStores;
import io.pactum.core.sharing.AgreementStore;
import io.pactum.core.sharing.ConsentStore;
import java.time.Clock;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What an export reads: the registry, agreements, consent receipts and the ledger, the checkpoints
 * that sign a fresh tree head for the proofs, and how a data subject's id appears in the bundle
 * ({@code subjectView}: e.g. sealed under the subject's ledger key, never in clear).
 */
public record EvidenceSources(
        RegistryStores registry,
        AgreementStore agreements,
        ConsentStore consents,
        Ledger ledger,
        LedgerCheckpoints checkpoints,
        UnaryOperator<String> subjectView,
        Clock clock) {

    public EvidenceSources {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(agreements, "agreements");
        Objects.requireNonNull(consents, "consents");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(subjectView, "subjectView");
        Objects.requireNonNull(clock, "clock");
    }
}
