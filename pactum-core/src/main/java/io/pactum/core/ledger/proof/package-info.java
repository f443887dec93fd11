/**
 * Proofs over the audit ledger as documents (issue #5): an inclusion proof for one entry and a
 * consistency proof between two tree sizes, each with the signed checkpoints that anchor it, in a
 * documented JSON form ({@link io.pactum.core.ledger.proof.ProofJson}) that anyone can check offline
 * with only the hub's public key ({@link io.pactum.core.ledger.proof.ProofCheck}).
 */
@NullMarked
package io.pactum.core.ledger.proof;

import org.jspecify.annotations.NullMarked;
