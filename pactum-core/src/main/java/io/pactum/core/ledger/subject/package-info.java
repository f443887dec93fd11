/**
 * Crypto-shredding for the audit ledger: a data subject's id and pseudonyms are sealed under a key
 * of that subject's own before entries are hashed, so erasing the key makes the subject's entries
 * unreadable while the log, whose hashes cover the ciphertext, still verifies.
 */
@NullMarked
package io.pactum.core.ledger.subject;

import org.jspecify.annotations.NullMarked;
