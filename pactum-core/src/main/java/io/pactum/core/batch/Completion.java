package io.pactum.core.batch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Waiting for a queued item's commit, with the writer's failure rethrown as it was. */
public final class Completion {
    private Completion() {}

    /** The result once {@code done} completes; its runtime failure is rethrown unchanged. */
    public static <T> T await(CompletableFuture<T> done, String what) {
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(what + " failed", e.getCause());
        }
    }
}
