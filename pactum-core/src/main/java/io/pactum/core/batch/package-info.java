/**
 * Group commit: one writer thread that commits whatever queued while its previous commit ran, so
 * the cost of a commit is shared by many callers instead of paid by each.
 */
@NullMarked
package io.pactum.core.batch;

import org.jspecify.annotations.NullMarked;
