package io.pactum.server.simulate;

import io.vertx.core.Vertx;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What every attack shares: a script run on a thread of its own (so it may block on its clients
 * with bounded waits) against a loopback target, within its bounds.
 */
abstract class ScriptedAttack implements Attack {
    protected final LoopbackTarget target;
    protected final AttackBounds bounds;

    ScriptedAttack(LoopbackTarget target, AttackBounds bounds) {
        this.target = Objects.requireNonNull(target, "target");
        this.bounds = Objects.requireNonNull(bounds, "bounds");
    }

    /** The attack itself; calls {@link AttackTally#markStarted()} when its hostile part begins. */
    abstract void script(Vertx vertx, AttackTally tally) throws Exception;

    @Override
    public final RunningAttack start(Vertx vertx) {
        Objects.requireNonNull(vertx, "vertx");
        AttackTally tally = new AttackTally(bounds);
        CompletableFuture<AttackResult> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                script(vertx, tally);
                result.complete(tally.result(name()));
            } catch (Exception | Error e) {
                tally.markStarted();
                result.completeExceptionally(e);
            }
        }, "simulate-" + name().replace(' ', '-'));
        thread.setDaemon(true);
        thread.start();
        return new RunningAttack(this, tally, result);
    }

    @Override
    public String toString() {
        return name() + " (" + detector() + " on " + subject() + ")";
    }
}
