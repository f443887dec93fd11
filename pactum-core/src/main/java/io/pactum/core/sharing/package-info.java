/**
 * Least-privilege sharing between organisations: data-sharing {@link io.pactum.core.sharing.Agreement
 * agreements}, the purpose and legal-basis vocabulary, consent receipts and the
 * {@link io.pactum.core.sharing.ConsentLedger ledger} of where consent stands, and the
 * {@link io.pactum.core.sharing.PolicyDecisionPoint policy decision point} that says, per record and
 * recipient, whether anything may leave, which fields, and why. Default deny: nothing leaves unless an
 * active agreement for the recipient covers the record, names the field, and (for consent) consent
 * stands. Pure: no storage, no I/O; time is passed in.
 */
@NullMarked
package io.pactum.core.sharing;

import org.jspecify.annotations.NullMarked;
