package io.pactum.http.views;

import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.AgreementState;
import io.pactum.core.sharing.CommandGrant;
import io.pactum.core.sharing.LegalBasis;
import io.pactum.core.sharing.Purpose;
import io.pactum.http.requests.AgreementRequest;
import io.pactum.http.requests.FieldRule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An agreement as the API shows it, ids and fields in a stable order. A recipient knows devices
 * only by its own pseudonyms of them, so its view of a command grant leaves the raw device ids out.
 */
public record AgreementView(
        String id,
        String recipientId,
        List<String> productIds,
        List<String> deviceGroupIds,
        Map<String, FieldRuleView> fields,
        Purpose purpose,
        LegalBasis legalBasis,
        Instant validFrom,
        @Nullable Instant validUntil,
        int rateLimitPerMinute,
        @Nullable String timeResolution,
        List<CommandGrantView> commands,
        AgreementState state,
        Instant createdAt,
        Instant updatedAt) {

    /** One field's transform: {@code {"transform": "round", "step": 5.0}}. */
    public record FieldRuleView(String transform, @Nullable Double step) {
        static FieldRuleView of(FieldTransform t) {
            return new FieldRuleView(FieldRule.wireName(t.kind()), t.step());
        }
    }

    /** A command grant; {@code deviceIds} only for the operator. */
    public record CommandGrantView(String command, @Nullable List<String> deviceIds, List<String> deviceGroupIds,
            boolean coversWholeScope) {
        static CommandGrantView of(CommandGrant g, boolean showDeviceIds) {
            return new CommandGrantView(g.command(), showDeviceIds ? sorted(g.deviceIds()) : null,
                    sorted(g.deviceGroupIds()), g.coversWholeScope());
        }
    }

    /** The operator's view: everything. */
    public static AgreementView of(Agreement a) {
        return of(a, true);
    }

    /** The view for {@code operator}'s or a recipient's eyes. */
    public static AgreementView of(Agreement a, boolean operator) {
        Map<String, FieldRuleView> fields = new TreeMap<>();
        a.fields().forEach((name, t) -> fields.put(name, FieldRuleView.of(t)));
        return new AgreementView(a.id(), a.recipientId(), sorted(a.productIds()), sorted(a.deviceGroupIds()), fields,
                a.purpose(), a.legalBasis(), a.validFrom(), a.validUntil(), a.rateLimitPerMinute(),
                AgreementRequest.wireName(a.timeResolution()),
                a.commands().stream().map(g -> CommandGrantView.of(g, operator)).toList(), a.state(), a.createdAt(),
                a.updatedAt());
    }

    private static List<String> sorted(java.util.Set<String> ids) {
        return ids.stream().sorted().toList();
    }
}
