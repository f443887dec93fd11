/**
 * The hand-off of what must be accountable afterwards — releases of data, denials, consent and
 * agreement changes, partner commands — to an audit trail. Issue #5 makes it a tamper-evident ledger.
 */
@NullMarked
package io.pactum.core.audit;

import org.jspecify.annotations.NullMarked;
