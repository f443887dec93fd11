package io.pactum.core.ledger;

import io.pactum.core.audit.AuditEvent;

/**
 * Turns an event's personal details into what the ledger may keep before it is encoded and hashed:
 * a data subject's id or pseudonym is replaced by a ciphertext under that subject's own key, so
 * that erasing the key (crypto-shredding) makes the entries unreadable while the hashes, which
 * cover the ciphertext, still verify.
 */
@FunctionalInterface
public interface EntrySealer {
    /** Keeps events as they are: for tests and tools that write no personal data. */
    EntrySealer NONE = event -> event;

    AuditEvent seal(AuditEvent event);
}
