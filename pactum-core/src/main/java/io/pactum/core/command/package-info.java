/**
 * Commands to devices: issued through the API, signed by the hub, delivered on the device's
 * command topic, and correlated with the device's response. A command that cannot be delivered
 * is recorded with the reason, never silently dropped.
 */
@NullMarked
package io.pactum.core.command;

import org.jspecify.annotations.NullMarked;
