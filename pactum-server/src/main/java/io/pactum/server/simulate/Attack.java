package io.pactum.server.simulate;

import io.vertx.core.Vertx;

/**
 * One scripted attack against a hub on loopback. It runs on its own thread, bounded in count and
 * time, and stops by itself; its clients use the given Vert.x runtime (the caller's, not the hub's).
 */
public interface Attack {
    /** A short human name, e.g. "telemetry flood". */
    String name();

    /** The built-in behaviour expected to detect it, e.g. {@code message-flood}. */
    String detector();

    /** The incident's expected subject: the device id, source host or organisation id it is about. */
    String subject();

    /** Starts the attack and returns at once. */
    RunningAttack start(Vertx vertx);
}
