package io.pactum.core.sharing;

import java.util.List;

/**
 * The log of consent receipts: append-only, one receipt per change, never updated or deleted, so
 * it shows what stood at any time.
 */
public interface ConsentStore {
    /** Appends a receipt; returns once it is durable. */
    void append(ConsentReceipt receipt);

    /** Every receipt in the order appended: what {@link ConsentLedger} is rebuilt from at start. */
    List<ConsentReceipt> list();

    /** The subject's receipts in the order appended. */
    List<ConsentReceipt> listBySubject(String subjectId);
}
