/**
 * Merkle tree hashing and proofs of RFC 9162 (Certificate Transparency v2) with SHA-256, the
 * structure under the audit ledger: {@link io.pactum.core.ledger.merkle.MerkleHash leaf and node
 * hashes}, the {@link io.pactum.core.ledger.merkle.MerkleTree tree head, inclusion and consistency
 * proofs} over a {@link io.pactum.core.ledger.merkle.LeafHashes source of leaf hashes}, and the
 * verifiers {@link io.pactum.core.ledger.merkle.InclusionProof} and
 * {@link io.pactum.core.ledger.merkle.ConsistencyProof}, which return a
 * {@link io.pactum.core.ledger.merkle.Verification} that names the reason a proof was rejected.
 * Pure: no storage, no I/O.
 */
@NullMarked
package io.pactum.core.ledger.merkle;

import org.jspecify.annotations.NullMarked;
