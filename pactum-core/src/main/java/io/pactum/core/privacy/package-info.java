/**
 * Privacy transforms applied per recipient before any data leaves the hub: dropping fields,
 * keyed pseudonymisation (a key per recipient), and generalisation.
 */
@NullMarked
package io.pactum.core.privacy;

import org.jspecify.annotations.NullMarked;
