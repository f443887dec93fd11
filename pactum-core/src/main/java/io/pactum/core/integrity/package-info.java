/**
 * End-to-end integrity of device messages: COSE_Mac0 and COSE_Sign1 verification (RFC 9052/9053)
 * of Pactum's device message format (see {@code docs/device-messages.md}), and the per-device
 * replay window over the message counter.
 */
@NullMarked
package io.pactum.core.integrity;

import org.jspecify.annotations.NullMarked;
