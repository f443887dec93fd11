package io.pactum.mqtt;

import io.pactum.core.ingest.AuthenticatedDevice;
import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.FieldValue;
import io.pactum.core.ingest.InboundMessage;
import io.pactum.core.ingest.IngestOutcome;
import io.pactum.core.ingest.MessageIngest;
import io.pactum.core.ingest.Provenance;
import io.pactum.core.integrity.IntegrityMethod;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.FieldType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A stand-in for the ingest pipeline: records what the adapter passes in, answers what the test
 * sets up, and can be held so that messages pile up behind it.
 */
final class RecordingIngest implements MessageIngest {
    /** One call, as the pipeline would have seen it. */
    record Call(String deviceId, InboundMessage message, String threadName) {
        String text() {
            return new String(message.payload(), StandardCharsets.UTF_8);
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Function<InboundMessage, IngestOutcome> answer = RecordingIngest::accept;
    private volatile CountDownLatch hold = new CountDownLatch(0);

    @Override
    public IngestOutcome ingest(AuthenticatedDevice device, InboundMessage message) {
        try {
            if (!hold.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test never released the ingest");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        calls.add(new Call(device.deviceId(), message, Thread.currentThread().getName()));
        return answer.apply(message);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<String> texts() {
        return calls.stream().map(Call::text).toList();
    }

    void answerWith(Function<InboundMessage, IngestOutcome> answer) {
        this.answer = answer;
    }

    /** Makes every ingest wait until {@link #release()}. */
    void hold() {
        hold = new CountDownLatch(1);
    }

    void release() {
        hold.countDown();
    }

    static IngestOutcome accept(InboundMessage message) {
        return new IngestOutcome.Accepted(List.of(new CanonicalRecord(UUID.randomUUID().toString(), "device", "product", null,
                message.channel(), message.receivedAt(), message.receivedAt(),
                List.of(new FieldValue("value", FieldType.NUMBER, 1.0, null, DataCategory.TECHNICAL)),
                new Provenance(message.adapter(), IntegrityMethod.NONE, null), false)));
    }
}
