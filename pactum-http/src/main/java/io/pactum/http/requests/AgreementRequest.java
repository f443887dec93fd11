package io.pactum.http.requests;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.sharing.CommandGrant;
import io.pactum.core.sharing.LegalBasis;
import io.pactum.core.sharing.NewAgreement;
import io.pactum.core.sharing.Purpose;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/agreements}: an agreement as the operator writes it. {@code rateLimitPerMinute}
 * defaults to {@link NewAgreement#DEFAULT_RATE_PER_MINUTE}; {@code timeResolution} is
 * {@code minutes}, {@code hours} or {@code days} (absent: exact times).
 */
public record AgreementRequest(
        @Nullable String recipientId,
        @Nullable Set<String> productIds,
        @Nullable Set<String> deviceGroupIds,
        @Nullable Map<String, FieldRule> fields,
        @Nullable Purpose purpose,
        @Nullable LegalBasis legalBasis,
        @Nullable Instant validFrom,
        @Nullable Instant validUntil,
        @Nullable Integer rateLimitPerMinute,
        @Nullable String timeResolution,
        @Nullable List<CommandGrant> commands) {

    /** The time resolutions an agreement may ask for, in their wire form. */
    public static final List<String> TIME_RESOLUTIONS = List.of("minutes", "hours", "days");

    public AgreementRequest {
        resolution(timeResolution);
    }

    /** The core request; refuses what an agreement may not be, naming the member. */
    public NewAgreement toNewAgreement() {
        Map<String, FieldTransform> transforms = null;
        if (fields != null) {
            // A field mapped to null stays null here, so that the agreement's own check names it.
            transforms = new LinkedHashMap<>();
            for (Map.Entry<String, FieldRule> entry : fields.entrySet()) {
                FieldRule rule = entry.getValue();
                transforms.put(entry.getKey(), rule == null ? null : rule.toTransform());
            }
        }
        return new NewAgreement(recipientId, productIds, deviceGroupIds, transforms, purpose, legalBasis, validFrom,
                validUntil, rateLimitPerMinute == null ? NewAgreement.DEFAULT_RATE_PER_MINUTE : rateLimitPerMinute,
                resolution(timeResolution), commands);
    }

    /** The wire name of a resolution, e.g. {@code hours}; absent for exact times. */
    public static @Nullable String wireName(@Nullable ChronoUnit unit) {
        return unit == null ? null : unit.name().toLowerCase(Locale.ROOT);
    }

    private static @Nullable ChronoUnit resolution(@Nullable String timeResolution) {
        if (timeResolution == null) {
            return null;
        }
        return switch (timeResolution.strip().toLowerCase(Locale.ROOT)) {
            case "minutes" -> ChronoUnit.MINUTES;
            case "hours" -> ChronoUnit.HOURS;
            case "days" -> ChronoUnit.DAYS;
            default -> throw new InvalidInputException("timeResolution",
                    "timeResolution must be one of: " + String.join(", ", TIME_RESOLUTIONS) + "; absent for exact times");
        };
    }
}
