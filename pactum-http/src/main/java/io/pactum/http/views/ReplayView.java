package io.pactum.http.views;

/** How many dead letters were marked for delivery again. */
public record ReplayView(int replayed) {}
