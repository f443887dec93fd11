package io.pactum.core.ledger.merkle;

/** Why a Merkle proof was rejected; stable codes for logs and API problem documents. */
public enum ProofFailure {
    /** The index or tree sizes are impossible (index ≥ size, size1 > size2, proof from size 0). */
    SIZES_OUT_OF_RANGE,
    /** The proof has more nodes than the tree sizes call for. */
    PROOF_TOO_LONG,
    /** The proof has fewer nodes than the tree sizes call for. */
    PROOF_TOO_SHORT,
    /** The proof does not lead to the claimed root (for consistency: the newer root). */
    ROOT_MISMATCH,
    /** A consistency proof does not lead to the claimed older root. */
    OLD_ROOT_MISMATCH
}
