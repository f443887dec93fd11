package io.pactum.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs fan-out rounds against one system: the devices publish a round's messages at QoS 1 (bounded
 * in-flight per connection, {@link LoadClients}), timed from the first publish until every recipient
 * received every message and every PUBACK arrived, bounded by a timeout; then, after a short settle,
 * counts exactly what arrived and asks the system's own {@link Check}.
 */
final class FanOutRunner {
    private static final long SETTLE_MILLIS = 500;

    /** What a system can confirm about a round beyond what the recipients saw. */
    interface Check {
        Check NONE = new Check() {
            @Override
            public void before() { }

            @Override
            public List<String> after(long messages) {
                return List.of();
            }
        };

        void before();

        /** Problems found once the round settled, none if all is well. */
        List<String> after(long messages);
    }

    private final String system;
    private final LoadClients clients;
    private final Subscribers recipients;
    private final RecipientInbox inbox;
    private final int recipientCount;
    private final int timeoutSeconds;
    private final Check check;

    FanOutRunner(String system, LoadClients clients, Subscribers recipients, RecipientInbox inbox, int recipientCount,
            int timeoutSeconds, Check check) {
        this.system = system;
        this.clients = clients;
        this.recipients = recipients;
        this.inbox = inbox;
        this.recipientCount = recipientCount;
        this.timeoutSeconds = timeoutSeconds;
        this.check = check;
    }

    FanOutResult run(String label, boolean warmup, JsonTelemetry.Round messages) {
        clients.connect();
        check.before();
        FanOutRound round = new FanOutRound(recipientCount, messages.firstSeq(), messages.count());
        inbox.use(round);
        long unreadableBefore = inbox.unreadable.get();
        int clientDrops = clients.unexpectedDisconnects.get();
        int recipientDrops = recipients.unexpectedDisconnects.get();
        BooleanSupplier brokenOff = () -> clients.unexpectedDisconnects.get() > clientDrops
                || recipients.unexpectedDisconnects.get() > recipientDrops;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);

        LoadClients.PublishRound published = clients.publish(messages.messages(), MqttQoS.AT_LEAST_ONCE, 0,
                () -> 0, new LoadClients.SendObserver() {
                    @Override
                    public void sent(int device, int index, long nanoTime) {
                        round.sent(messages.seq(device, index), nanoTime);
                    }

                    @Override
                    public void acknowledged(int device, int index, long nanoTime) {
                        round.acknowledged(messages.seq(device, index), nanoTime);
                    }
                });
        published.acknowledged.await(deadline, brokenOff);
        round.delivered.await(deadline, brokenOff);
        long acked = published.acknowledged.reachedAt();
        long delivered = round.delivered.reachedAt();

        Harness.sleep(SETTLE_MILLIS);
        List<String> problems = new ArrayList<>();
        long expected = (long) recipientCount * messages.count();
        if (round.delivered.count() != expected) {
            problems.add("recipients received " + round.delivered.count() + " of " + expected + " deliveries");
        }
        if (round.releasedTwice.get() > 0) {
            problems.add(round.releasedTwice.get() + " messages arrived under a second event id (released twice)");
        }
        long unreadable = inbox.unreadable.get() - unreadableBefore;
        if (unreadable > 0) {
            problems.add(unreadable + " deliveries could not be read");
        }
        if (published.failures.get() > 0) {
            problems.add(published.failures.get() + " publishes failed in the client");
        }
        int drops = clients.unexpectedDisconnects.get() - clientDrops
                + recipients.unexpectedDisconnects.get() - recipientDrops;
        if (drops > 0) {
            problems.add(drops + " connections closed by the server");
        }
        if (acked == 0 || delivered == 0) {
            problems.add("did not complete within " + timeoutSeconds + " s");
        }
        problems.addAll(check.after(messages.count()));
        List<Percentiles> perRecipient = new ArrayList<>();
        for (int r = 0; r < recipientCount; r++) {
            perRecipient.add(round.latency(r));
        }
        long fastestDevice = Long.MAX_VALUE;
        long slowestDevice = 0;
        for (int d = 0; d < messages.messages().length; d++) {
            long p50 = round.latencyToAll(messages.offsets()[d], messages.end(d)).p50();
            fastestDevice = Math.min(fastestDevice, p50);
            slowestDevice = Math.max(slowestDevice, p50);
        }
        long start = published.startedAt;
        FanOutResult result = new FanOutResult(system, label, warmup, messages.count(), recipientCount,
                acked == 0 ? 0 : acked - start, delivered == 0 ? 0 : delivered - start, round.latencyToAck(),
                round.latencyToAll(), perRecipient, fastestDevice, slowestDevice, round.redeliveries.get(), problems);
        System.out.println("  " + result.line());
        return result;
    }
}
