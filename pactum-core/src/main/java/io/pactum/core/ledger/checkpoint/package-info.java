/**
 * Signed tree heads of the audit ledger in the C2SP formats, so that any C2SP tool (witnesses,
 * monitors, Go's {@code sumdb/note}) can check them: {@link io.pactum.core.ledger.checkpoint.Checkpoint}
 * is the body of c2sp.org/tlog-checkpoint, {@link io.pactum.core.ledger.checkpoint.SignedNote}
 * with {@link io.pactum.core.ledger.checkpoint.NoteSigner} and
 * {@link io.pactum.core.ledger.checkpoint.NoteVerifierKey} is c2sp.org/signed-note with Ed25519
 * keys, and {@link io.pactum.core.ledger.checkpoint.CheckpointNotes} joins the two.
 *
 * <p>Malformed input is an {@link io.pactum.core.error.InvalidInputException}; a note that no
 * trusted key vouches for is an {@link io.pactum.core.error.UnauthenticatedException}.
 */
@NullMarked
package io.pactum.core.ledger.checkpoint;

import org.jspecify.annotations.NullMarked;
