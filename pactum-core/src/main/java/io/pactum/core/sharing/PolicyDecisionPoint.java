package io.pactum.core.sharing;

import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.FieldValue;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.registry.DeviceGroup;
import io.pactum.core.sharing.SharingIndex.Compiled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Decides what leaves the hub, to whom, and why. Default deny: data goes to a recipient only under an
 * agreement that covers the record's device or product, is active and within its validity, names the
 * field, has consent standing where its legal basis is consent, and whose rate limit holds.
 *
 * <p>Agreements and group memberships are compiled into an index when they change
 * ({@link #recompile}); a decision only looks up the agreements indexed under the record's product and
 * device. The index is swapped in whole through a volatile reference, so a decision sees either the
 * old or the new agreements, never half of a change; a revocation, suspension or membership change
 * applies from the next decision after {@code recompile} returns. Expiry needs no recompile: validity
 * is checked against the {@code now} of each decision. Consent is read from the {@link ConsentLedger}
 * at each decision, so a withdrawal applies to the very next one.
 *
 * <p>Rate limits are token buckets per agreement (one for records, one for commands), in memory; a
 * token is taken only by an allowing decision. Thread-safe.
 */
public final class PolicyDecisionPoint {
    private final ConsentLedger consents;
    private final Object recompileLock = new Object();
    private volatile SharingIndex index = SharingIndex.EMPTY;
    private volatile long version;

    public PolicyDecisionPoint(ConsentLedger consents) {
        this.consents = Objects.requireNonNull(consents, "consents");
    }

    /** Compiles the agreements against group memberships ({@code groupId -> deviceIds}) and swaps them in. */
    public void recompile(Collection<Agreement> agreements, Map<String, ? extends Collection<String>> groupMembers) {
        Objects.requireNonNull(agreements, "agreements");
        Objects.requireNonNull(groupMembers, "groupMembers");
        synchronized (recompileLock) {
            index = SharingIndex.compile(agreements, groupMembers, index);
            version++;
        }
    }

    /** Compiles the agreements against the device groups and swaps them in. */
    public void recompileWithGroups(Collection<Agreement> agreements, Collection<DeviceGroup> groups) {
        Map<String, Set<String>> members = new HashMap<>();
        for (DeviceGroup group : groups) {
            members.put(group.id(), group.deviceIds());
        }
        recompile(agreements, members);
    }

    /** The agreement with this id as last compiled, if any. */
    public java.util.Optional<Agreement> agreement(String agreementId) {
        Compiled c = index.byId(agreementId);
        return java.util.Optional.ofNullable(c == null ? null : c.agreement);
    }

    /**
     * Whether something released earlier under the agreement may still be delivered now: the
     * agreement is still compiled, active and valid, and consent (where it is the legal basis) still
     * stands for the subject. Rate limits are not consulted again: the release already paid.
     * So a revocation, suspension, expiry or withdrawal also stops what is still waiting in an outbox.
     */
    public Decision recheck(String agreementId, @Nullable String subjectId, Instant now) {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(now, "now");
        Compiled c = index.byId(agreementId);
        if (c == null) {
            return Decision.deny(DecisionReason.NO_AGREEMENT, agreementId, null,
                    "agreement " + agreementId + " is no longer known");
        }
        Agreement a = c.agreement;
        Decision standing = standing(a, now);
        if (standing != null) {
            return standing;
        }
        return consentOrAllow(a, subjectId, c.records, now, Rate.PAID,
                "agreement " + a.id() + " still allows delivery to " + a.recipientId());
    }

    /** The recipient's agreements as last compiled, in agreement-id order. */
    public List<Agreement> agreementsOf(String recipientId) {
        return index.agreementsOf(recipientId);
    }

    /** Grows with every {@link #recompile}: tells caches built from the agreements that they are stale. */
    public long version() {
        return version;
    }

    /** Number of agreements in the current index. */
    public int agreementCount() {
        return index.size();
    }

    /**
     * What of this record may go to whom: one allowed release per agreement that lets data leave. Draws
     * one token from each such agreement's rate limit.
     */
    public List<Release> releases(CanonicalRecord record, Instant now) {
        List<Release> outcomes = evaluate(record, now);
        List<Release> allowed = new ArrayList<>(outcomes.size());
        for (Release release : outcomes) {
            if (release.allowed()) {
                allowed.add(release);
            }
        }
        return allowed;
    }

    /**
     * The outcome of every agreement whose scope covers the record's device or product, allowed or
     * denied, for the audit trail. Allowed outcomes draw a token from their agreement's rate limit.
     */
    public List<Release> evaluate(CanonicalRecord record, Instant now) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(now, "now");
        List<Compiled> candidates = index.covering(record.productId(), record.deviceId());
        List<Release> outcomes = new ArrayList<>(candidates.size());
        for (Compiled c : candidates) {
            outcomes.add(release(c, record, now));
        }
        return outcomes;
    }

    /**
     * Whether the record may go to the recipient for the purpose, and why. Draws a token from the
     * rate limit of the agreement that allows it.
     */
    public Decision decide(String recipientId, CanonicalRecord record, Purpose purpose, Instant now) {
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(now, "now");
        return decideForPurpose(recipientId, record, purpose, c -> release(c, record, now).decision());
    }

    /**
     * Whether one field of the record may go to the recipient for the purpose, and why: explains a
     * request for a field, in particular one out of scope ({@link DecisionReason#FIELD_OUT_OF_SCOPE}).
     * Takes no token: a {@link DecisionReason#RATE_LIMITED} answer means the limit is exhausted now.
     */
    public Decision decideField(String recipientId, CanonicalRecord record, Purpose purpose, String field,
            Instant now) {
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(now, "now");
        return decideForPurpose(recipientId, record, purpose, c -> {
            Agreement a = c.agreement;
            if (a.releasedTransform(field) == null) {
                return Decision.deny(DecisionReason.FIELD_OUT_OF_SCOPE, a.id(), null,
                        "field '" + field + "' is not released under agreement " + a.id());
            }
            Decision standing = standing(a, now);
            return standing != null ? standing : consentOrAllow(a, record.subjectId(), c.records, now, Rate.LOOK,
                    "field '" + field + "' may go to " + recipientId + " under agreement " + a.id()
                            + " for " + a.purpose().wireName());
        });
    }

    /**
     * Decides over the recipient's agreements that cover the record: none, or none for the
     * purpose, is explained as such; otherwise the first agreement that allows wins, and if none
     * does, the first denial explains why.
     */
    private Decision decideForPurpose(String recipientId, CanonicalRecord record, Purpose purpose,
            Function<Compiled, Decision> decideOne) {
        List<Compiled> forRecipient = forRecipient(record.productId(), record.deviceId(), recipientId);
        if (forRecipient.isEmpty()) {
            return noAgreement(recipientId, record.deviceId(), record.productId());
        }
        List<Compiled> forPurpose = forPurpose(forRecipient, purpose);
        if (forPurpose.isEmpty()) {
            return wrongPurpose(recipientId, forRecipient, purpose);
        }
        return Objects.requireNonNull(firstAllowedOrFirstDenial(forPurpose, decideOne));
    }

    /** The first allowing decision, else the first denial; null if every candidate was skipped (null). */
    private static @Nullable Decision firstAllowedOrFirstDenial(List<Compiled> candidates,
            Function<Compiled, @Nullable Decision> decideOne) {
        Decision first = null;
        for (Compiled c : candidates) {
            Decision decision = decideOne.apply(c);
            if (decision == null) {
                continue;
            }
            if (decision.allowed()) {
                return decision;
            }
            first = first == null ? decision : first;
        }
        return first;
    }

    /**
     * Whether the recipient may send the command to the device, and why. Any of the recipient's
     * agreements covering the device may grant it, whatever its purpose. Draws a token from the
     * command rate limit of the agreement that allows it.
     */
    public Decision decideCommand(String recipientId, CommandTarget target, String command, Instant now) {
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(now, "now");
        List<Compiled> forRecipient = forRecipient(target.productId(), target.deviceId(), recipientId);
        if (forRecipient.isEmpty()) {
            return noAgreement(recipientId, target.deviceId(), target.productId());
        }
        Decision first = firstAllowedOrFirstDenial(forRecipient, c -> {
            if (!c.grants(command, target.deviceId())) {
                return null;
            }
            Agreement a = c.agreement;
            Decision standing = standing(a, now);
            if (standing != null) {
                return standing;
            }
            if (!target.active()) {
                return Decision.deny(DecisionReason.DEVICE_NOT_ACTIVE, a.id(), null,
                        "device " + target.deviceId() + " is not active and takes no partner commands");
            }
            return consentOrAllow(a, target.subjectId(), c.commands, now, Rate.TAKE,
                    "command '" + command + "' to device " + target.deviceId() + " is granted to "
                            + recipientId + " by agreement " + a.id());
        });
        if (first != null) {
            return first;
        }
        return Decision.deny(DecisionReason.COMMAND_NOT_GRANTED, forRecipient.get(0).agreement.id(), null,
                "no agreement of " + recipientId + " grants command '" + command + "' for device "
                        + target.deviceId());
    }

    private Release release(Compiled c, CanonicalRecord record, Instant now) {
        Agreement a = c.agreement;
        Instant time = a.timeResolution() == null ? record.time() : record.time().truncatedTo(a.timeResolution());
        Decision decision = standing(a, now);
        List<ReleasedField> fields = List.of();
        if (decision == null) {
            fields = inScope(a, record);
            if (fields.isEmpty()) {
                decision = Decision.deny(DecisionReason.FIELD_OUT_OF_SCOPE, a.id(), null,
                        "none of the record's fields is released under agreement " + a.id());
            }
        }
        if (decision == null) {
            decision = consentOrAllow(a, record.subjectId(), c.records, now, Rate.TAKE,
                    fields.size() + " field(s) may go to " + a.recipientId() + " under agreement " + a.id()
                            + " for " + a.purpose().wireName());
        }
        return new Release(a.recipientId(), a.id(), a.purpose(), record.id(), time,
                decision.allowed() ? fields : List.of(), decision);
    }

    private static List<ReleasedField> inScope(Agreement a, CanonicalRecord record) {
        List<ReleasedField> fields = new ArrayList<>(record.fields().size());
        for (FieldValue value : record.fields()) {
            FieldTransform transform = a.releasedTransform(value.name());
            if (transform != null) {
                fields.add(new ReleasedField(value, transform));
            }
        }
        return fields;
    }

    /** The denial for an agreement that is not in force at {@code now}, or null if it is. */
    private static @Nullable Decision standing(Agreement a, Instant now) {
        switch (a.state()) {
            case REVOKED:
                return Decision.deny(DecisionReason.REVOKED, a.id(), null, "agreement " + a.id() + " is revoked");
            case SUSPENDED:
                return Decision.deny(DecisionReason.SUSPENDED, a.id(), null, "agreement " + a.id() + " is suspended");
            case ACTIVE:
                break;
        }
        if (now.isBefore(a.validFrom())) {
            return Decision.deny(DecisionReason.NOT_YET_VALID, a.id(), null,
                    "agreement " + a.id() + " is valid from " + a.validFrom());
        }
        Instant until = a.validUntil();
        if (until != null && !now.isBefore(until)) {
            return Decision.deny(DecisionReason.EXPIRED, a.id(), null, "agreement " + a.id() + " expired at " + until);
        }
        return null;
    }

    /** Checks consent (where the legal basis is consent) and the rate limit; allows if both hold. */
    /** What a decision does with the agreement's rate limit. */
    private enum Rate {
        /** An allowing decision takes a token: a record or a command goes out. */
        TAKE,
        /** Only looks: a question about a field, nothing goes out. */
        LOOK,
        /** Not consulted: a release already paid, it is re-checked before delivery. */
        PAID
    }

    private Decision consentOrAllow(Agreement a, @Nullable String subjectId, RateLimiter limiter, Instant now,
            Rate rate, String allowedExplanation) {
        String receiptId = null;
        if (a.legalBasis().requiresConsent()) {
            if (subjectId == null) {
                return Decision.deny(DecisionReason.CONSENT_MISSING, a.id(), null,
                        "agreement " + a.id() + " rests on consent and the data has no data subject");
            }
            ConsentReceipt receipt = consents.latest(subjectId, a.recipientId(), a.purpose()).orElse(null);
            if (receipt == null) {
                return Decision.deny(DecisionReason.CONSENT_MISSING, a.id(), null,
                        "agreement " + a.id() + " rests on consent and the data subject has not given it for "
                                + a.purpose().wireName());
            }
            if (!receipt.given()) {
                return Decision.deny(DecisionReason.CONSENT_WITHDRAWN, a.id(), receipt.receiptId(),
                        "the data subject withdrew consent for " + a.purpose().wireName() + " (receipt "
                                + receipt.receiptId() + ")");
            }
            receiptId = receipt.receiptId();
        }
        boolean withinLimit = switch (rate) {
            case TAKE -> limiter.tryAcquire(now);
            case LOOK -> limiter.available(now);
            case PAID -> true;
        };
        if (!withinLimit) {
            return Decision.deny(DecisionReason.RATE_LIMITED, a.id(), receiptId,
                    "agreement " + a.id() + " allows " + a.rateLimitPerMinute() + " per minute");
        }
        return new Decision(DecisionReason.ALLOWED, a.id(), receiptId,
                receiptId == null ? allowedExplanation : allowedExplanation + ", consent receipt " + receiptId);
    }

    private List<Compiled> forRecipient(String productId, String deviceId, String recipientId) {
        List<Compiled> covering = index.covering(productId, deviceId);
        List<Compiled> result = new ArrayList<>(Math.min(covering.size(), 4));
        for (Compiled c : covering) {
            if (c.agreement.recipientId().equals(recipientId)) {
                result.add(c);
            }
        }
        return result;
    }

    private static List<Compiled> forPurpose(List<Compiled> candidates, Purpose purpose) {
        List<Compiled> result = new ArrayList<>(candidates.size());
        for (Compiled c : candidates) {
            if (c.agreement.purpose() == purpose) {
                result.add(c);
            }
        }
        return result;
    }

    private static Decision noAgreement(String recipientId, String deviceId, String productId) {
        return Decision.deny(DecisionReason.NO_AGREEMENT, null, null,
                "no agreement of " + recipientId + " covers device " + deviceId + " or product " + productId);
    }

    private static Decision wrongPurpose(String recipientId, List<Compiled> candidates, Purpose purpose) {
        Set<String> purposes = candidates.stream().map(c -> c.agreement.purpose().wireName())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return Decision.deny(DecisionReason.WRONG_PURPOSE, candidates.get(0).agreement.id(), null,
                "the agreements of " + recipientId + " covering this data are for " + String.join(", ", purposes)
                        + ", not " + purpose.wireName());
    }
}
