/**
 * The attack simulator (issue #6): a benign fleet and scripted attacks against a hub on loopback,
 * each bounded in count and time, used by the integration tests, the demo and the bench harness.
 * Every target must be a loopback address: the simulator is a test tool, never a weapon.
 */
@NullMarked
package io.pactum.server.simulate;

import org.jspecify.annotations.NullMarked;
