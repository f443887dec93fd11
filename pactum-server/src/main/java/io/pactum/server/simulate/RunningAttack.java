package io.pactum.server.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** An attack under way: when its hostile part started, and its result once it stopped by itself. */
public final class RunningAttack {
    private final Attack attack;
    private final AttackTally tally;
    private final CompletableFuture<AttackResult> result;

    RunningAttack(Attack attack, AttackTally tally, CompletableFuture<AttackResult> result) {
        this.attack = Objects.requireNonNull(attack, "attack");
        this.tally = tally;
        this.result = result;
    }

    public Attack attack() {
        return attack;
    }

    /** Completes when the hostile part begins, after any preparation. */
    public CompletableFuture<Instant> started() {
        return tally.started();
    }

    /** Completes when the attack stopped: its bounds reached, or {@link #stop()} called. */
    public CompletableFuture<AttackResult> result() {
        return result;
    }

    /** Asks the script to stop after its current step. */
    public void stop() {
        tally.stop();
    }

    /** The start of the hostile part, waiting for it at most {@code timeout}. */
    public Instant awaitStart(Duration timeout) {
        return await(started(), timeout, "start");
    }

    /** The result, waiting at most {@code timeout}. */
    public AttackResult awaitResult(Duration timeout) {
        return await(result, timeout, "finish");
    }

    private <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + attack.name() + " to " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(attack.name() + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(attack.name() + " did not " + what + " within " + timeout, e);
        }
    }
}
