package io.pactum.core.sharing;

import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.registry.Checks;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Request to create an agreement, validated as the agreement itself is. {@code validFrom} absent means
 * from creation on. {@link #DEFAULT_RATE_PER_MINUTE} is the rate the
 * API offers when a request names none.
 */
public record NewAgreement(
        String recipientId,
        Set<String> productIds,
        Set<String> deviceGroupIds,
        Map<String, FieldTransform> fields,
        Purpose purpose,
        LegalBasis legalBasis,
        @Nullable Instant validFrom,
        @Nullable Instant validUntil,
        int rateLimitPerMinute,
        @Nullable ChronoUnit timeResolution,
        List<CommandGrant> commands) {
    public static final int DEFAULT_RATE_PER_MINUTE = 600;

    public NewAgreement(
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
            @Nullable List<CommandGrant> commands) {
        this.recipientId = Checks.identifier("recipientId", recipientId);
        this.productIds = AgreementChecks.identifiers("productIds", productIds, AgreementChecks.MAX_SCOPE);
        this.deviceGroupIds = AgreementChecks.identifiers("deviceGroupIds", deviceGroupIds, AgreementChecks.MAX_SCOPE);
        AgreementChecks.scope(this.productIds, this.deviceGroupIds);
        this.fields = AgreementChecks.fields(fields == null ? Map.of() : fields);
        this.purpose = AgreementChecks.present("purpose", purpose);
        this.legalBasis = AgreementChecks.present("legalBasis", legalBasis);
        if (validFrom != null) {
            AgreementChecks.validity(validFrom, validUntil);
        }
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.rateLimitPerMinute = AgreementChecks.rate(rateLimitPerMinute);
        this.timeResolution = AgreementChecks.timeResolution(timeResolution);
        this.commands = AgreementChecks.commands(commands);
        AgreementChecks.grantsSomething(this.fields, this.commands);
    }

    /** The active agreement this request creates, under the given id, at {@code now}. */
    public Agreement toAgreement(String id, Instant now) {
        Objects.requireNonNull(now, "now");
        return new Agreement(id, recipientId, productIds, deviceGroupIds, fields, purpose, legalBasis,
                validFrom == null ? now : validFrom, validUntil, rateLimitPerMinute, timeResolution, commands,
                AgreementState.ACTIVE, now, now);
    }
}
