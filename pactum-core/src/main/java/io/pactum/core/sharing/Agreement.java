package io.pactum.core.sharing;

import io.pactum.core.error.ConflictException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.privacy.TransformKind;
import io.pactum.core.registry.Checks;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A data-sharing agreement: what one recipient organisation may receive, for which purpose, on which
 * legal basis, for how long, how fast and in which form, and which commands it may send.
 *
 * <p>Scope: the devices of the named products and the members of the named device groups (at least
 * one of the two sets is non-empty). Within scope, only the fields named in {@code fields} ever leave,
 * each with its transform; a field absent from the map is never released, and one mapped to
 * {@code DROP} is named only to record the decision. {@code validFrom} is inclusive,
 * {@code validUntil} (absent: open-ended) exclusive. {@code timeResolution} truncates the record time
 * the recipient sees (minutes, hours or days; absent: exact). {@code rateLimitPerMinute} bounds the
 * records released under this agreement, and separately the commands sent under it.
 */
public record Agreement(
        String id,
        String recipientId,
        Set<String> productIds,
        Set<String> deviceGroupIds,
        Map<String, FieldTransform> fields,
        Purpose purpose,
        LegalBasis legalBasis,
        Instant validFrom,
        @Nullable Instant validUntil,
        int rateLimitPerMinute,
        @Nullable ChronoUnit timeResolution,
        List<CommandGrant> commands,
        AgreementState state,
        Instant createdAt,
        Instant updatedAt) {

    public Agreement(
            @Nullable String id,
            @Nullable String recipientId,
            @Nullable Set<String> productIds,
            @Nullable Set<String> deviceGroupIds,
            @Nullable Map<String, FieldTransform> fields,
            @Nullable Purpose purpose,
            @Nullable LegalBasis legalBasis,
            @Nullable Instant validFrom,
            @Nullable Instant validUntil,
            int rateLimitPerMinute,
            @Nullable ChronoUnit timeResolution,
            @Nullable List<CommandGrant> commands,
            @Nullable AgreementState state,
            @Nullable Instant createdAt,
            @Nullable Instant updatedAt) {
        this.id = Checks.identifier("id", id);
        this.recipientId = Checks.identifier("recipientId", recipientId);
        this.productIds = AgreementChecks.identifiers("productIds", productIds, AgreementChecks.MAX_SCOPE);
        this.deviceGroupIds = AgreementChecks.identifiers("deviceGroupIds", deviceGroupIds, AgreementChecks.MAX_SCOPE);
        AgreementChecks.scope(this.productIds, this.deviceGroupIds);
        this.fields = AgreementChecks.fields(fields);
        this.purpose = AgreementChecks.present("purpose", purpose);
        this.legalBasis = AgreementChecks.present("legalBasis", legalBasis);
        this.validFrom = AgreementChecks.present("validFrom", validFrom);
        AgreementChecks.validity(this.validFrom, validUntil);
        this.validUntil = validUntil;
        this.rateLimitPerMinute = AgreementChecks.rate(rateLimitPerMinute);
        this.timeResolution = AgreementChecks.timeResolution(timeResolution);
        this.commands = AgreementChecks.commands(commands);
        AgreementChecks.grantsSomething(this.fields, this.commands);
        this.state = AgreementChecks.present("state", state);
        this.createdAt = AgreementChecks.present("createdAt", createdAt);
        this.updatedAt = AgreementChecks.present("updatedAt", updatedAt);
        if (this.updatedAt.isBefore(this.createdAt)) {
            throw new InvalidInputException("updatedAt", "updatedAt must not be before createdAt");
        }
    }

    /** Whether the period of validity includes {@code now}; says nothing about the state. */
    public boolean isValidAt(Instant now) {
        return !now.isBefore(validFrom) && (validUntil == null || now.isBefore(validUntil));
    }

    /** Whether this agreement may release data or admit commands at {@code now}. */
    public boolean isInForceAt(Instant now) {
        return state == AgreementState.ACTIVE && isValidAt(now);
    }

    /** The transform of a field the recipient may receive; absent for fields out of scope or dropped. */
    public @Nullable FieldTransform releasedTransform(String field) {
        FieldTransform transform = fields.get(field);
        return transform == null || transform.kind() == TransformKind.DROP ? null : transform;
    }

    /** The agreement in a new state; a revoked agreement stays revoked. */
    public Agreement withState(AgreementState next, Instant at) {
        if (!state.canBecome(next)) {
            throw new ConflictException("state", "a revoked agreement cannot become " + next.name().toLowerCase(java.util.Locale.ROOT));
        }
        return new Agreement(id, recipientId, productIds, deviceGroupIds, fields, purpose, legalBasis, validFrom,
                validUntil, rateLimitPerMinute, timeResolution, commands, next, createdAt, at);
    }
}
