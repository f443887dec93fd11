/**
 * Device side of Pactum's wire formats: creating protected device messages (COSE_Mac0 and
 * COSE_Sign1 with a monotonic counter; see {@code docs/device-messages.md}). Independent of the
 * hub's code by design: a device needs this package, Jackson CBOR and the JDK, nothing else.
 */
@NullMarked
package io.pactum.sdk;

import org.jspecify.annotations.NullMarked;
