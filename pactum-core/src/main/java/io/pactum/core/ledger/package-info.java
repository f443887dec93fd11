/**
 * The tamper-evident audit ledger (issue #5): entries with a documented canonical encoding, kept in
 * an append-only Merkle tree (RFC 9162 hashing, {@code merkle}) whose heads are signed as C2SP
 * checkpoints ({@code checkpoint}).
 */
@NullMarked
package io.pactum.core.ledger;

import org.jspecify.annotations.NullMarked;
