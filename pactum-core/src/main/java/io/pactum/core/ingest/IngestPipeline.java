package io.pactum.core.ingest;

import io.pactum.core.delivery.OutboxEntry;
import io.pactum.core.detect.Observations;
import io.pactum.core.detect.RecordObservations;
import io.pactum.core.integrity.IntegrityException;
import io.pactum.core.integrity.IntegrityMethod;
import io.pactum.core.integrity.MessageVerifier;
import io.pactum.core.integrity.ReplayWindow;
import io.pactum.core.integrity.VerifiedMessage;
import io.pactum.core.registry.Ids;
import io.pactum.core.registry.ImplausibleValuePolicy;
import io.pactum.core.signal.SecuritySignal;
import io.pactum.core.signal.SecuritySignals;
import io.pactum.core.signal.SignalType;
import io.pactum.core.translate.Readings;
import io.pactum.core.translate.TranslationException;
import io.pactum.core.translate.TypedReading;
import io.pactum.core.translate.ValidationResult;
import io.pactum.core.translate.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The path every device message takes, whatever adapter received it: verify its integrity and
 * freshness, translate it, validate it against the product's data model, store it. Each step
 * either passes the message on or rejects it with a reason and a security signal; nothing
 * rejected is stored, and nothing is acknowledged before it is stored.
 *
 * <p>Messages of one device are processed one at a time (a striped lock), so its replay window
 * is read and advanced without races.
 */
public final class IngestPipeline implements MessageIngest {
    private static final int LOCK_STRIPES = 256;
    /** Device messages carry no external AAD (docs/device-messages.md). */
    private static final byte[] NO_EXTERNAL_AAD = new byte[0];

    private final RecordStore records;
    private final DeviceKeyring keyring;
    private final SecuritySignals signals;
    private final Clock clock;
    private final ProductReader readers;
    private final RecordSharing sharing;
    private final Observations observations;
    private final Object[] locks = new Object[LOCK_STRIPES];

    public IngestPipeline(RecordStore records, DeviceKeyring keyring, SecuritySignals signals, Clock clock) {
        this(records, keyring, signals, clock, RecordSharing.NONE);
    }

    /** A pipeline that releases every accepted record to recipients as {@code sharing} decides. */
    public IngestPipeline(RecordStore records, DeviceKeyring keyring, SecuritySignals signals, Clock clock,
            RecordSharing sharing) {
        this(records, keyring, signals, clock, sharing, Observations.NONE);
    }

    /** As above, and tells detection about every accepted message: its size and its values. */
    public IngestPipeline(RecordStore records, DeviceKeyring keyring, SecuritySignals signals, Clock clock,
            RecordSharing sharing, Observations observations) {
        this.observations = Objects.requireNonNull(observations, "observations");
        this.sharing = Objects.requireNonNull(sharing, "sharing");
        this.records = Objects.requireNonNull(records, "records");
        this.keyring = Objects.requireNonNull(keyring, "keyring");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.readers = new ProductReader(clock);
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    @Override
    public IngestOutcome ingest(AuthenticatedDevice device, InboundMessage message) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(message, "message");
        synchronized (locks[Math.floorMod(device.deviceId().hashCode(), LOCK_STRIPES)]) {
            return ingestInOrder(device, message);
        }
    }

    private IngestOutcome ingestInOrder(AuthenticatedDevice device, InboundMessage message) {
        VerifiedMessage verified;
        if (MessageVerifier.isCose(message.payload())) {
            try {
                verified = MessageVerifier.verify(message.payload(), device.deviceId(), keyring.keysOf(device.device()),
                        NO_EXTERNAL_AAD);
            } catch (IntegrityException e) {
                return reject(device, message, SignalType.INTEGRITY_FAILURE, RejectReason.INTEGRITY_FAILURE,
                        e.getMessage());
            }
        } else if (device.product().ingestPolicy().protectionRequired()) {
            return reject(device, message, SignalType.UNPROTECTED_MESSAGE, RejectReason.UNPROTECTED,
                    "product requires COSE_Mac0 or COSE_Sign1 protected messages");
        } else {
            verified = VerifiedMessage.unprotected(message.payload());
        }

        ReplayWindow window = null;
        if (verified.method() != IntegrityMethod.NONE) {
            ReplayWindow.Decision decision = records.replayWindow(device.deviceId()).check(verified.counter());
            if (!decision.accepted()) {
                if (decision.verdict() == ReplayWindow.Verdict.DUPLICATE && message.redelivery()) {
                    return new IngestOutcome.Duplicate(verified.counter());
                }
                return reject(device, message, SignalType.REPLAY, RejectReason.REPLAY,
                        "counter " + verified.counter() + " was already used or is too old");
            }
            window = decision.window();
        }
        return translateAndStore(device, message, verified, window);
    }

    private IngestOutcome translateAndStore(AuthenticatedDevice device, InboundMessage message,
            VerifiedMessage verified, @Nullable ReplayWindow window) {
        ProductReader.Reader reader = readers.of(device.product());
        Readings readings;
        try {
            readings = reader.translator().translate(verified.payload());
        } catch (TranslationException e) {
            return rejectAuthentic(device, message, window, SignalType.MALFORMED_PAYLOAD, RejectReason.MALFORMED_PAYLOAD,
                    e.getMessage());
        }
        ValidationResult result = reader.validator().validate(readings);
        boolean flagged = false;
        if (!result.valid()) {
            boolean reject = !result.wellFormed()
                    || device.product().ingestPolicy().implausibleValues() == ImplausibleValuePolicy.REJECT;
            String summary = summary(result.violations());
            if (reject) {
                return rejectAuthentic(device, message, window, SignalType.IMPLAUSIBLE_VALUE, RejectReason.INVALID_VALUE,
                        describe(result.violations()), summary);
            }
            raise(device, message, SignalType.IMPLAUSIBLE_VALUE, summary + " (stored flagged)");
            flagged = true;
        }
        List<CanonicalRecord> stored = records(device, message, verified, result.values(), flagged);
        SharingPlan plan = sharing.plan(stored);
        records.appendAll(List.of(new RecordStore.Append(stored, window, plan.deliveries(), plan.audit())));
        if (!plan.deliveries().isEmpty()) {
            sharing.stored(plan.deliveries());
        }
        RecordObservations.observe(observations, stored, message.payload().length);
        return new IngestOutcome.Accepted(stored);
    }

    /** One record per measurement time; readings without a time were measured when received. */
    private static List<CanonicalRecord> records(AuthenticatedDevice device, InboundMessage message,
            VerifiedMessage verified, List<TypedReading> values, boolean flagged) {
        Map<Instant, List<FieldValue>> byTime = new LinkedHashMap<>();
        for (TypedReading value : values) {
            Instant time = value.time() != null ? value.time() : message.receivedAt();
            byTime.computeIfAbsent(time, t -> new ArrayList<>()).add(
                    new FieldValue(value.field(), value.type(), value.value(), value.unit(), value.category()));
        }
        Long counter = verified.method() == IntegrityMethod.NONE ? null : verified.counter();
        Provenance provenance = new Provenance(message.adapter(), verified.method(), counter);
        List<CanonicalRecord> result = new ArrayList<>(byTime.size());
        byTime.forEach((time, fields) -> result.add(new CanonicalRecord(Ids.newId(), device.deviceId(),
                device.product().id(), device.device().subjectId(), message.channel(), time, message.receivedAt(),
                fields, provenance, flagged)));
        return result;
    }

    /**
     * Rejects an authentic message: its counter is used up all the same, so that sending it again
     * is a replay rather than a second chance.
     */
    private IngestOutcome rejectAuthentic(AuthenticatedDevice device, InboundMessage message,
            @Nullable ReplayWindow window, SignalType signal, RejectReason reason, String detail) {
        return rejectAuthentic(device, message, window, signal, reason, detail, detail);
    }

    private IngestOutcome rejectAuthentic(AuthenticatedDevice device, InboundMessage message,
            @Nullable ReplayWindow window, SignalType signal, RejectReason reason, String detail, String signalDetail) {
        if (window != null) {
            records.saveReplayWindow(device.deviceId(), window);
        }
        raise(device, message, signal, signalDetail);
        return new IngestOutcome.Rejected(reason, detail);
    }

    private IngestOutcome reject(AuthenticatedDevice device, InboundMessage message, SignalType signal,
            RejectReason reason, String detail) {
        raise(device, message, signal, detail);
        return new IngestOutcome.Rejected(reason, detail);
    }

    private void raise(AuthenticatedDevice device, InboundMessage message, SignalType type, String detail) {
        signals.raise(new SecuritySignal(type, clock.instant(), device.deviceId(), message.adapter()
                + (message.source() != null ? " " + message.source() : ""), detail));
    }

    /** For the device: every violation, with its message. */
    private static String describe(List<Violation> violations) {
        return violations.stream().map(Violation::message).collect(Collectors.joining("; "));
    }

    /** For the security log: kinds and field names only, never the values, which may be personal data. */
    private static String summary(List<Violation> violations) {
        return violations.stream()
                .map(v -> v.kind() + (v.field() != null ? " on " + v.field() : ""))
                .distinct()
                .collect(Collectors.joining(", "));
    }
}
