package io.pactum.core.ledger.proof;

/** A proof document as exchanged in JSON: an inclusion or a consistency proof for one ledger. */
public sealed interface ProofDocument permits InclusionProofDocument, ConsistencyProofDocument {
    /** The ledger's origin, the first line of its checkpoints, e.g. {@code pactum.example/ledger}. */
    String origin();
}
