package io.pactum.mqtt;

/** What went wrong on a connection, read through the causes Netty and Vert.x wrap it in. */
final class Failures {
    private Failures() {}

    static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
