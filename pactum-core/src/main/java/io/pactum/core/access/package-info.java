/** Who may do what: authentication of bearer tokens and the registry's authorisation rules. */
@NullMarked
package io.pactum.core.access;

import org.jspecify.annotations.NullMarked;
