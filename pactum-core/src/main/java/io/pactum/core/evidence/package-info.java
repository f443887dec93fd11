/**
 * Evidence export: one bundle, for an auditor or a supervisory authority, of what the hub did during a
 * period: the record of processing (GDPR Art. 30), the agreements, consents and approvals in force, the
 * incidents, and every ledger entry of the period with a proof against one signed checkpoint.
 */
@NullMarked
package io.pactum.core.evidence;

import org.jspecify.annotations.NullMarked;
