/**
 * Breach assessment and notification drafts: from the hub's own ledger, which data subjects' data
 * (which categories) reached which recipients from which devices during an incident's window
 * ({@link io.pactum.core.incident.breach.BreachAssessor}), how risky that is
 * ({@link io.pactum.core.incident.breach.BreachRisk}), and drafts of the GDPR Art. 33 notification to
 * the supervisory authority and the Art. 34 communication to data subjects
 * ({@link io.pactum.core.incident.breach.BreachDrafts}). Drafts are for the operator to review and
 * send; the hub sends nothing itself.
 *
 * <p>An assessment names data subjects, so it is personal data: never log it.
 */
@NullMarked
package io.pactum.core.incident.breach;

import org.jspecify.annotations.NullMarked;
