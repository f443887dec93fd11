package io.pactum.core.delivery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.RecordSharing;
import io.pactum.core.ingest.SharingPlan;
import io.pactum.core.privacy.PrivacyTransformer;
import io.pactum.core.privacy.RecordView;
import io.pactum.core.privacy.ViewSpec;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.PolicyDecisionPoint;
import io.pactum.core.sharing.Release;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides, for every accepted record, which recipients receive what: each agreement covering the
 * record is evaluated by the {@link PolicyDecisionPoint}; each allowed release becomes the
 * recipient's view ({@link PrivacyTransformer}) in an {@link OutboxEntry}, stored with the record.
 * Every release and every denial becomes an audit event of the plan, which the record store writes
 * to the ledger in the record's transaction. After the commit, the recipients' channels are woken
 * through the {@link OutboxListener}.
 */
public final class ReleasePlanner implements RecordSharing {
    private final PolicyDecisionPoint decisions;
    private final PrivacyTransformer transformer;
    private final Clock clock;
    private final Map<String, ViewSpec> specs = new ConcurrentHashMap<>();
    private volatile OutboxListener listener = recipients -> {};

    public ReleasePlanner(PolicyDecisionPoint decisions, PrivacyTransformer transformer, Clock clock) {
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.transformer = Objects.requireNonNull(transformer, "transformer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Sets who is woken after entries are stored. */
    public void useListener(OutboxListener next) {
        this.listener = Objects.requireNonNull(next, "listener");
    }

    @Override
    public SharingPlan plan(List<CanonicalRecord> records) {
        Instant now = clock.instant();
        List<OutboxEntry> entries = new ArrayList<>(2);
        List<AuditEvent> audit = new ArrayList<>(2);
        for (CanonicalRecord record : records) {
            for (Release release : decisions.evaluate(record, now)) {
                if (!release.allowed()) {
                    audit.add(denial(release, record, now));
                    continue;
                }
                Agreement agreement = decisions.agreement(release.agreementId()).orElse(null);
                if (agreement == null) {
                    continue; // recompiled away between the decision and now: nothing leaves
                }
                RecordView view = transformer.view(record, specOf(agreement));
                entries.add(new OutboxEntry(release.recipientId(), release.agreementId(), release.purpose(),
                        record.id(), record.subjectId(), now, body(release, record, view), record.deviceId()));
                audit.add(released(release, record, view, now));
            }
        }
        return new SharingPlan(entries, audit);
    }

    @Override
    public void stored(List<OutboxEntry> entries) {
        Set<String> recipients = new HashSet<>(4);
        for (OutboxEntry entry : entries) {
            recipients.add(entry.recipientId());
        }
        listener.appended(recipients);
    }

    /** The view spec of an agreement; its fields and resolution never change, only its state does. */
    private ViewSpec specOf(Agreement agreement) {
        return specs.computeIfAbsent(agreement.id(),
                id -> new ViewSpec(agreement.recipientId(), agreement.fields(), agreement.timeResolution()));
    }

    private static String body(Release release, CanonicalRecord record, RecordView view) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("agreementId", release.agreementId());
        node.put("purpose", release.purpose().wireName());
        node.put("productId", record.productId());
        node.put("channel", record.channel().name().toLowerCase(Locale.ROOT));
        node.set("record", view.toJsonNode());
        return node.toString();
    }

    /** The subject's id is personal data: the ledger seals it under the subject's own key. */
    private static AuditEvent released(Release release, CanonicalRecord record, RecordView view, Instant now) {
        List<String> fields = new ArrayList<>(view.fields().size());
        view.fields().forEach(f -> fields.add(f.name()));
        return new AuditEvent(AuditEventType.DATA_RELEASED, now, AuditEvent.HUB, Map.of(
                "recipientId", release.recipientId(),
                "agreementId", release.agreementId(),
                "purpose", release.purpose().wireName(),
                "recordPseudonym", view.recordId(),
                "deviceId", record.deviceId(),
                "productId", record.productId(),
                "subjectId", nullToEmpty(record.subjectId()),
                "subjectPseudonym", view.subjectPseudonym() == null ? "" : view.subjectPseudonym(),
                "fields", String.join(",", fields),
                "consentReceiptId", nullToEmpty(release.decision().consentReceiptId())));
    }

    private static AuditEvent denial(Release release, CanonicalRecord record, Instant now) {
        return new AuditEvent(AuditEventType.RELEASE_DENIED, now, AuditEvent.HUB, Map.of(
                "recipientId", release.recipientId(),
                "agreementId", release.agreementId(),
                "purpose", release.purpose().wireName(),
                "recordId", record.id(),
                "subjectId", nullToEmpty(record.subjectId()),
                "reason", release.decision().reason().name(),
                "explanation", release.decision().explanation()));
    }

    private static String nullToEmpty(@org.jspecify.annotations.Nullable String value) {
        return value == null ? "" : value;
    }
}
