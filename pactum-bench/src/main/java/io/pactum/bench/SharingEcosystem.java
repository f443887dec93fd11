package io.pactum.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.bench.BenchFleet.BenchDevice;
import io.pactum.bench.Subscribers.Subscription;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.IngestPolicy;
import io.pactum.core.registry.NewProduct;
import io.pactum.core.registry.PayloadFormat;
import io.pactum.core.translate.TranslationSpec;
import io.pactum.server.Hub;
import java.util.ArrayList;
import java.util.List;

/**
 * The sharing benchmark's ecosystem, set up as {@code SharingEndToEndIT} does: a supplier's approved
 * JSON glucose monitor (unprotected messages allowed) with one data subject per device, and two
 * partner organisations, each with an API token (scope {@code read}) and one agreement over the
 * product:
 * <ul>
 *   <li>a clinic: healthcare, on consent (given for every subject), glucose and battery kept;</li>
 *   <li>an analytics company: product improvement, legitimate interest, glucose rounded to 1,
 *       latitude coarsened to 0.1, time truncated to the hour.</li>
 * </ul>
 * Both agreements also keep {@code seq}, a technical message number the harness uses to match each
 * delivery to its publish. Rate limits are set to the maximum so that none bites.
 */
final class SharingEcosystem {
    /** A receiving partner: its organisation, and its MQTT identity (API client id and bearer token). */
    record Recipient(String name, String organisationId, String clientId, String token) {
        /** Its MQTT subscription: persistent session on its organisation's records topic. */
        Subscription subscription() {
            return new Subscription(clientId, "partners/" + organisationId + "/records", clientId, token, false);
        }
    }

    private static final int RATE_PER_MINUTE = 1_000_000;

    final BenchFleet fleet;
    final List<Recipient> recipients;

    private SharingEcosystem(BenchFleet fleet, List<Recipient> recipients) {
        this.fleet = fleet;
        this.recipients = List.copyOf(recipients);
    }

    static SharingEcosystem create(Hub hub, int deviceCount) {
        HubApi api = new HubApi(hub.httpPort(), hub.firstAdminToken().orElseThrow(
                () -> new IllegalStateException("the hub did not create an admin token (not a fresh data dir?)"))
                .token());
        BenchFleet fleet = BenchFleet.create(hub.registry(), deviceCount, "share", SharingEcosystem::jsonProduct);
        Recipient clinic = recipient(api, "City Clinic");
        Recipient analytics = recipient(api, "Insight Analytics");
        api.post("/agreements", """
                {"recipientId":"%s","productIds":["%s"],
                 "fields":{"glucose":{"transform":"keep"},"battery":{"transform":"keep"},"seq":{"transform":"keep"}},
                 "purpose":"healthcare","legalBasis":"consent","rateLimitPerMinute":%d}"""
                .formatted(clinic.organisationId(), fleet.product.id(), RATE_PER_MINUTE));
        api.post("/agreements", """
                {"recipientId":"%s","productIds":["%s"],
                 "fields":{"glucose":{"transform":"round","step":1},
                           "latitude":{"transform":"coarsen_location","step":0.1},"seq":{"transform":"keep"}},
                 "purpose":"product_improvement","legalBasis":"legitimate_interest","rateLimitPerMinute":%d,
                 "timeResolution":"hours"}""".formatted(analytics.organisationId(), fleet.product.id(),
                RATE_PER_MINUTE));
        for (BenchDevice device : fleet.devices) {
            api.post("/consents", """
                    {"subjectId":"%s","recipientId":"%s","purpose":"healthcare","action":"given",
                     "method":"operator-on-behalf"}""".formatted(device.subjectId(), clinic.organisationId()));
        }
        return new SharingEcosystem(fleet, List.of(clinic, analytics));
    }

    List<Subscription> subscriptions() {
        List<Subscription> subscriptions = new ArrayList<>();
        recipients.forEach(r -> subscriptions.add(r.subscription()));
        return subscriptions;
    }

    private static Recipient recipient(HubApi api, String name) {
        String organisation = api.post("/organisations", "{\"name\":\"" + name + "\",\"role\":\"partner\"}")
                .get("id").asText();
        JsonNode issued = api.post("/organisations/" + organisation + "/clients",
                "{\"name\":\"bench\",\"scopes\":[\"read\"]}");
        String token = issued.get("token").asText();
        return new Recipient(name, organisation, clientIdOf(token), token);
    }

    /** The API client id inside a bearer token {@code pct_<clientId>_<43 characters>}. */
    private static String clientIdOf(String token) {
        return token.substring("pct_".length(), token.length() - 44);
    }

    private static NewProduct jsonProduct(String supplier) {
        return new NewProduct(supplier, "Glucose Share Bench", "1.0", new DataModel(List.of(
                new FieldSpec("glucose", FieldType.NUMBER, "mmol/L", 0.0, 40.0, DataCategory.HEALTH),
                new FieldSpec("battery", FieldType.NUMBER, "%", 0.0, 100.0, DataCategory.TECHNICAL),
                new FieldSpec("latitude", FieldType.NUMBER, "deg", -90.0, 90.0, DataCategory.LOCATION),
                new FieldSpec("seq", FieldType.INTEGER, null, null, null, DataCategory.TECHNICAL))),
                PayloadFormat.JSON, TranslationSpec.DEFAULTS, new IngestPolicy(false, null, null));
    }
}
