package io.pactum.core.sharing;

import static io.pactum.core.sharing.Sharing.CARE;
import static io.pactum.core.sharing.Sharing.DEVICE;
import static io.pactum.core.sharing.Sharing.PRODUCT;
import static io.pactum.core.sharing.Sharing.SUBJECT;
import static io.pactum.core.sharing.Sharing.T0;
import static io.pactum.core.sharing.Sharing.agreement;
import static io.pactum.core.sharing.Sharing.basis;
import static io.pactum.core.sharing.Sharing.consent;
import static io.pactum.core.sharing.Sharing.rate;
import static io.pactum.core.sharing.Sharing.reading;
import static io.pactum.core.sharing.Sharing.validity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decision table of issue 4: each row sets up agreements and consent, asks one question, and
 * names the reason, agreement and consent receipt the answer must carry.
 */
class PolicyDecisionTableTest {

    /** The world of one row: the agreements in force, the consent ledger, and a clock we move by hand. */
    static final class World {
        final ConsentLedger consents = new ConsentLedger();
        final PolicyDecisionPoint pdp = new PolicyDecisionPoint(consents);
        Instant now = T0;

        World agreements(Agreement... agreements) {
            pdp.recompile(List.of(agreements), Map.of());
            return this;
        }

        World consent(String receiptId, ConsentAction action) {
            consents.apply(Sharing.consent(receiptId, action, now));
            now = now.plusSeconds(1);
            return this;
        }

        Decision readingForCare() {
            return pdp.decide(CARE, reading(SUBJECT), Purpose.HEALTHCARE, now);
        }

        Decision command(String command, boolean active) {
            return pdp.decideCommand(CARE, new CommandTarget(DEVICE, PRODUCT, SUBJECT, active), command, now);
        }
    }

    record Row(Function<World, Decision> question, DecisionReason reason, @Nullable String agreementId,
            @Nullable String consentReceiptId) {}

    private static Arguments row(String name, Function<World, Decision> question, DecisionReason reason,
            @Nullable String agreementId, @Nullable String consentReceiptId) {
        return arguments(named(name, new Row(question, reason, agreementId, consentReceiptId)));
    }

    static Stream<Arguments> table() {
        Agreement a = agreement("agr-1");
        Agreement onConsent = basis(a, LegalBasis.CONSENT);
        return Stream.of(
                row("allowed under an active contract agreement",
                        w -> w.agreements(a).readingForCare(), DecisionReason.ALLOWED, "agr-1", null),
                row("no agreement at all",
                        w -> w.agreements().readingForCare(), DecisionReason.NO_AGREEMENT, null, null),
                row("an agreement for another recipient only",
                        w -> w.agreements(a).pdp.decide("org-insurer", reading(SUBJECT), Purpose.HEALTHCARE, w.now),
                        DecisionReason.NO_AGREEMENT, null, null),
                row("an agreement for another product only",
                        w -> w.agreements(a).pdp.decide(CARE,
                                Sharing.record("r-2", "scale-1", "prod-scale", SUBJECT, reading(SUBJECT).fields()),
                                Purpose.HEALTHCARE, w.now),
                        DecisionReason.NO_AGREEMENT, null, null),
                row("expired: validUntil has passed",
                        w -> w.agreements(validity(a, T0.minus(Duration.ofDays(30)), T0.minus(Duration.ofDays(1))))
                                .readingForCare(),
                        DecisionReason.EXPIRED, "agr-1", null),
                row("expired: exactly at validUntil (exclusive)",
                        w -> w.agreements(validity(a, T0.minus(Duration.ofDays(30)), T0)).readingForCare(),
                        DecisionReason.EXPIRED, "agr-1", null),
                row("not yet valid",
                        w -> w.agreements(validity(a, T0.plusSeconds(1), null)).readingForCare(),
                        DecisionReason.NOT_YET_VALID, "agr-1", null),
                row("suspended",
                        w -> w.agreements(Sharing.with(a, AgreementState.SUSPENDED)).readingForCare(),
                        DecisionReason.SUSPENDED, "agr-1", null),
                row("revoked",
                        w -> w.agreements(Sharing.with(a, AgreementState.REVOKED)).readingForCare(),
                        DecisionReason.REVOKED, "agr-1", null),
                row("out-of-scope field requested (location is not in the agreement)",
                        w -> w.agreements(a).pdp.decideField(CARE, reading(SUBJECT), Purpose.HEALTHCARE, "latitude", w.now),
                        DecisionReason.FIELD_OUT_OF_SCOPE, "agr-1", null),
                row("in-scope field requested",
                        w -> w.agreements(a).pdp.decideField(CARE, reading(SUBJECT), Purpose.HEALTHCARE, "glucose", w.now),
                        DecisionReason.ALLOWED, "agr-1", null),
                row("record with none of the agreement's fields",
                        w -> w.agreements(a).pdp.decide(CARE, Sharing.record("r-3", DEVICE, PRODUCT, SUBJECT,
                                List.of(Sharing.number("latitude", 52.3, io.pactum.core.registry.DataCategory.LOCATION))),
                                Purpose.HEALTHCARE, w.now),
                        DecisionReason.FIELD_OUT_OF_SCOPE, "agr-1", null),
                row("wrong purpose: care agreement, marketing asked",
                        w -> w.agreements(a).pdp.decide(CARE, reading(SUBJECT), Purpose.MARKETING, w.now),
                        DecisionReason.WRONG_PURPOSE, "agr-1", null),
                row("consent missing: never given",
                        w -> w.agreements(onConsent).readingForCare(),
                        DecisionReason.CONSENT_MISSING, "agr-1", null),
                row("consent missing: the record has no data subject",
                        w -> w.agreements(onConsent).consent("cr-1", ConsentAction.GIVEN)
                                .pdp.decide(CARE, reading(null), Purpose.HEALTHCARE, w.now),
                        DecisionReason.CONSENT_MISSING, "agr-1", null),
                row("consent missing: given for another purpose only",
                        w -> {
                            w.agreements(onConsent).consents.apply(new ConsentChange(SUBJECT, CARE, Purpose.RESEARCH,
                                    ConsentAction.GIVEN, "api").toReceipt("cr-r", "org-operator", "client-app", w.now));
                            return w.readingForCare();
                        },
                        DecisionReason.CONSENT_MISSING, "agr-1", null),
                row("consent given",
                        w -> w.agreements(onConsent).consent("cr-1", ConsentAction.GIVEN).readingForCare(),
                        DecisionReason.ALLOWED, "agr-1", "cr-1"),
                row("consent withdrawn",
                        w -> w.agreements(onConsent).consent("cr-1", ConsentAction.GIVEN)
                                .consent("cr-2", ConsentAction.WITHDRAWN).readingForCare(),
                        DecisionReason.CONSENT_WITHDRAWN, "agr-1", "cr-2"),
                row("consent given again after withdrawal",
                        w -> w.agreements(onConsent).consent("cr-1", ConsentAction.GIVEN)
                                .consent("cr-2", ConsentAction.WITHDRAWN).consent("cr-3", ConsentAction.GIVEN)
                                .readingForCare(),
                        DecisionReason.ALLOWED, "agr-1", "cr-3"),
                row("consent withdrawn between two messages: the second is denied",
                        w -> {
                            w.agreements(onConsent).consent("cr-1", ConsentAction.GIVEN);
                            assertThat(w.readingForCare().allowed()).isTrue();
                            w.consent("cr-2", ConsentAction.WITHDRAWN);
                            return w.readingForCare();
                        },
                        DecisionReason.CONSENT_WITHDRAWN, "agr-1", "cr-2"),
                row("rate limit exceeded: the third record in the same minute at 2/min",
                        w -> {
                            w.agreements(rate(a, 2));
                            assertThat(w.readingForCare().allowed()).isTrue();
                            assertThat(w.readingForCare().allowed()).isTrue();
                            return w.readingForCare();
                        },
                        DecisionReason.RATE_LIMITED, "agr-1", null),
                row("rate limit refilled after a minute",
                        w -> {
                            w.agreements(rate(a, 2));
                            w.readingForCare();
                            w.readingForCare();
                            assertThat(w.readingForCare().reason()).isEqualTo(DecisionReason.RATE_LIMITED);
                            w.now = w.now.plus(Duration.ofMinutes(1));
                            return w.readingForCare();
                        },
                        DecisionReason.ALLOWED, "agr-1", null),
                row("rate limited under consent names the receipt",
                        w -> {
                            w.agreements(rate(onConsent, 1)).consent("cr-1", ConsentAction.GIVEN).readingForCare();
                            return w.readingForCare();
                        },
                        DecisionReason.RATE_LIMITED, "agr-1", "cr-1"),
                row("command granted to an active device",
                        w -> w.agreements(a).command("calibrate", true), DecisionReason.ALLOWED, "agr-1", null),
                row("command not granted",
                        w -> w.agreements(a).command("reboot", true), DecisionReason.COMMAND_NOT_GRANTED, "agr-1", null),
                row("command granted for another device only",
                        w -> w.agreements(a).pdp.decideCommand(CARE,
                                new CommandTarget("glucose-2", PRODUCT, SUBJECT, true), "calibrate", w.now),
                        DecisionReason.COMMAND_NOT_GRANTED, "agr-1", null),
                row("command to an inactive device",
                        w -> w.agreements(a).command("calibrate", false), DecisionReason.DEVICE_NOT_ACTIVE, "agr-1", null),
                row("command under a suspended agreement",
                        w -> w.agreements(Sharing.with(a, AgreementState.SUSPENDED)).command("calibrate", true),
                        DecisionReason.SUSPENDED, "agr-1", null),
                row("command without any agreement",
                        w -> w.agreements().command("calibrate", true), DecisionReason.NO_AGREEMENT, null, null),
                row("command rate limit exceeded",
                        w -> {
                            w.agreements(rate(a, 1)).command("calibrate", true);
                            return w.command("calibrate", true);
                        },
                        DecisionReason.RATE_LIMITED, "agr-1", null),
                row("commands and records have separate buckets",
                        w -> {
                            w.agreements(rate(a, 1)).readingForCare();
                            return w.command("calibrate", true);
                        },
                        DecisionReason.ALLOWED, "agr-1", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decision(Row row) {
        Decision decision = row.question().apply(new World());

        assertThat(decision.reason()).isEqualTo(row.reason());
        assertThat(decision.allowed()).isEqualTo(row.reason() == DecisionReason.ALLOWED);
        assertThat(decision.agreementId()).isEqualTo(row.agreementId());
        assertThat(decision.consentReceiptId()).isEqualTo(row.consentReceiptId());
        assertThat(decision.explanation()).isNotBlank().doesNotContain(SUBJECT);
    }
}
