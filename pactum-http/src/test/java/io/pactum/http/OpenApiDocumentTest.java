package io.pactum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.http.routes.OpenApiRoute;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written OpenAPI document describes exactly the routes the router serves, so it cannot drift.
 * It is compared with the router as a hub with device ingest, sharing, the ledger and incidents builds it, which
 * serves every route.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Set<Endpoint> PUBLIC = Set.of(
            new Endpoint("GET", "/health"), new Endpoint("GET", "/ready"), new Endpoint("GET", "/api/v1/openapi.json"));
    private static final Set<Endpoint> DEVICE_INGEST = Set.of(
            new Endpoint("POST", "/ingest/v1/devices/{deviceId}/telemetry"),
            new Endpoint("POST", "/ingest/v1/devices/{deviceId}/events"));
    private static final Set<Endpoint> COMMANDS = Set.of(
            new Endpoint("POST", "/api/v1/devices/{id}/commands"),
            new Endpoint("GET", "/api/v1/devices/{id}/commands"),
            new Endpoint("GET", "/api/v1/devices/{id}/commands/{commandId}"),
            new Endpoint("GET", "/api/v1/hub/key"),
            new Endpoint("GET", "/api/v1/devices/{id}/records"));
    private static final Set<Endpoint> SHARING = Set.of(
            new Endpoint("POST", "/api/v1/agreements"),
            new Endpoint("GET", "/api/v1/agreements"),
            new Endpoint("GET", "/api/v1/agreements/{id}"),
            new Endpoint("POST", "/api/v1/agreements/{id}/suspend"),
            new Endpoint("POST", "/api/v1/agreements/{id}/resume"),
            new Endpoint("POST", "/api/v1/agreements/{id}/revoke"),
            new Endpoint("POST", "/api/v1/consents"),
            new Endpoint("GET", "/api/v1/subjects/{id}/consents"),
            new Endpoint("GET", "/api/v1/deliveries"),
            new Endpoint("GET", "/api/v1/deliveries/stream"),
            new Endpoint("POST", "/api/v1/webhooks"),
            new Endpoint("GET", "/api/v1/webhooks"),
            new Endpoint("GET", "/api/v1/webhooks/{id}"),
            new Endpoint("DELETE", "/api/v1/webhooks/{id}"),
            new Endpoint("POST", "/api/v1/webhooks/{id}/disable"),
            new Endpoint("POST", "/api/v1/webhooks/{id}/enable"),
            new Endpoint("GET", "/api/v1/webhooks/{id}/dead-letters"),
            new Endpoint("POST", "/api/v1/webhooks/{id}/dead-letters/replay"),
            new Endpoint("POST", "/api/v1/shared-devices/{pseudonym}/commands"));
    private static final Set<Endpoint> LEDGER = Set.of(
            new Endpoint("GET", "/api/v1/ledger"),
            new Endpoint("GET", "/api/v1/ledger/entries"),
            new Endpoint("GET", "/api/v1/ledger/checkpoints"),
            new Endpoint("POST", "/api/v1/ledger/checkpoints"),
            new Endpoint("GET", "/api/v1/ledger/proofs/inclusion"),
            new Endpoint("GET", "/api/v1/ledger/proofs/consistency"));
    private static final Set<Endpoint> INCIDENTS = Set.of(
            new Endpoint("GET", "/api/v1/incidents"),
            new Endpoint("GET", "/api/v1/incidents/{id}"),
            new Endpoint("GET", "/api/v1/incidents/{id}/timeline"),
            new Endpoint("PUT", "/api/v1/incidents/{id}/status"),
            new Endpoint("PUT", "/api/v1/incidents/{id}/assignee"),
            new Endpoint("POST", "/api/v1/incidents/{id}/notes"),
            new Endpoint("POST", "/api/v1/incidents/{id}/actions"),
            new Endpoint("POST", "/api/v1/incidents/{id}/actions/reverse"));
    /** Changes that must name the version they were made from. */
    private static final Set<Endpoint> VERSIONED = Set.of(
            new Endpoint("PUT", "/api/v1/incidents/{id}/status"),
            new Endpoint("PUT", "/api/v1/incidents/{id}/assignee"));
    /** Actions on a resource that take no body: the path says it all. */
    private static final Set<Endpoint> BODYLESS_POSTS = Set.of(
            new Endpoint("POST", "/api/v1/agreements/{id}/suspend"),
            new Endpoint("POST", "/api/v1/agreements/{id}/resume"),
            new Endpoint("POST", "/api/v1/agreements/{id}/revoke"),
            new Endpoint("POST", "/api/v1/webhooks/{id}/disable"),
            new Endpoint("POST", "/api/v1/webhooks/{id}/enable"),
            new Endpoint("POST", "/api/v1/ledger/checkpoints"));

    private TestHub hub;
    private Router router;
    private JsonNode document;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        hub = TestHub.start(dataDir);
        router = ApiRouter.create(hub.vertx, hub.registry, HttpSettings.defaults("127.0.0.1", 0), () -> true,
                hub.everything);
        document = new ObjectMapper().readTree(OpenApiRoute.load());
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
    }

    @Test
    void document_listsExactlyTheRoutesOfTheRouter() {
        Set<Endpoint> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(op -> HTTP_METHODS.contains(op.getKey()))
                .forEach(op -> documented.add(new Endpoint(op.getKey(), path.getKey()))));

        assertThat(Endpoint.of(router)).hasSizeGreaterThan(20).containsAll(PUBLIC).containsAll(DEVICE_INGEST)
                .containsAll(COMMANDS).containsAll(SHARING).containsAll(LEDGER).containsAll(INCIDENTS);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(Endpoint.of(router));
    }

    @Test
    void routerWithoutSharing_servesNoneOfItsRoutes_andOtherwiseTheSameRoutes() {
        Set<Endpoint> withoutSharing = Endpoint.of(ApiRouter.create(hub.vertx, hub.registry,
                HttpSettings.defaults("127.0.0.1", 0), () -> true, hub.ingestion, hub.devices));

        assertThat(withoutSharing).doesNotContainAnyElementsOf(SHARING).doesNotContainAnyElementsOf(LEDGER)
                .doesNotContainAnyElementsOf(INCIDENTS);
        Set<Endpoint> all = new TreeSet<>(withoutSharing);
        all.addAll(SHARING);
        all.addAll(LEDGER);
        all.addAll(INCIDENTS);
        assertThat(Endpoint.of(router)).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void routerWithoutLedger_servesNoneOfItsRoutes_andOtherwiseTheSameRoutes() {
        Set<Endpoint> withoutLedger = Endpoint.of(ApiRouter.create(hub.vertx, hub.registry,
                HttpSettings.defaults("127.0.0.1", 0), () -> true, hub.ingestion, hub.devices, hub.sharing));

        assertThat(withoutLedger).doesNotContainAnyElementsOf(LEDGER).containsAll(SHARING);
        Set<Endpoint> all = new TreeSet<>(withoutLedger);
        all.addAll(LEDGER);
        all.addAll(INCIDENTS);
        assertThat(Endpoint.of(router)).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void routerWithoutIncidents_servesNoneOfTheirRoutes_andOtherwiseTheSameRoutes() {
        Set<Endpoint> withoutIncidents = Endpoint.of(ApiRouter.create(hub.vertx, hub.registry,
                HttpSettings.defaults("127.0.0.1", 0), () -> true, hub.ingestion, hub.devices, hub.sharing,
                hub.ledgerServices));

        assertThat(withoutIncidents).doesNotContainAnyElementsOf(INCIDENTS).containsAll(LEDGER);
        Set<Endpoint> all = new TreeSet<>(withoutIncidents);
        all.addAll(INCIDENTS);
        assertThat(Endpoint.of(router)).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void versionedChanges_requireIfMatch_andAnswer412And428_andReadsGiveTheETag() {
        for (Endpoint endpoint : VERSIONED) {
            JsonNode op = document.at("/paths/" + endpoint.path().replace("/", "~1") + "/" + endpoint.method());
            List<String> headers = new ArrayList<>();
            op.get("parameters").forEach(p -> {
                if (p.get("in").asText().equals("header")) {
                    headers.add(p.get("name").asText() + (p.path("required").asBoolean() ? " (required)" : ""));
                }
            });
            assertThat(headers).as("%s", endpoint).containsExactly("If-Match (required)");
            assertThat(fieldNames(op.get("responses"))).as("%s", endpoint).contains("200", "409", "412", "428");
            assertThat(op.at("/responses/200/headers/ETag").isMissingNode()).as("%s", endpoint).isFalse();
        }
        assertThat(document.at("/paths/~1api~1v1~1incidents~1{id}/get/responses/200/headers/ETag").isMissingNode())
                .isFalse();
    }

    @Test
    void routerWithoutIngestionAndCommands_servesNeither_andOtherwiseTheSameRoutes() {
        Set<Endpoint> withoutIngestion = Endpoint.of(
                ApiRouter.create(hub.vertx, hub.registry, HttpSettings.defaults("127.0.0.1", 0), () -> true));

        assertThat(withoutIngestion).doesNotContainAnyElementsOf(DEVICE_INGEST)
                .allSatisfy(e -> assertThat(e.path()).doesNotStartWith("/ingest/"));
        Set<Endpoint> all = new TreeSet<>(withoutIngestion);
        all.addAll(DEVICE_INGEST);
        assertThat(withoutIngestion).doesNotContainAnyElementsOf(COMMANDS);
        all.addAll(COMMANDS);
        all.addAll(SHARING);
        all.addAll(LEDGER);
        all.addAll(INCIDENTS);
        assertThat(Endpoint.of(router)).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void document_isOpenApi31_withBearerSecurityByDefault_andOnlyHealthReadyAndItselfPublic() {
        assertThat(document.get("openapi").asText()).startsWith("3.1.");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/security/0").has("bearer")).isTrue();

        Set<Endpoint> publicOnes = new HashSet<>();
        Set<Endpoint> deviceAuthenticated = new HashSet<>();
        forEachOperation((endpoint, op) -> {
            if (op.has("security") && op.get("security").isEmpty()) {
                publicOnes.add(endpoint);
            } else if (isDeviceIngest(op)) {
                deviceAuthenticated.add(endpoint);
                assertThat(op.get("security")).as("security of %s", endpoint).hasSize(1);
                assertThat(op.at("/responses/401/$ref").asText()).as("401 of %s", endpoint)
                        .isEqualTo("#/components/responses/DeviceUnauthenticated");
            } else {
                assertThat(op.at("/responses/401/$ref").asText()).as("401 of %s", endpoint)
                        .isEqualTo("#/components/responses/Unauthenticated");
            }
        });
        assertThat(publicOnes).containsExactlyInAnyOrderElementsOf(PUBLIC);
        // Devices authenticate with their id and secret, and only on the ingest routes.
        assertThat(deviceAuthenticated).containsExactlyInAnyOrderElementsOf(DEVICE_INGEST);
        assertThat(document.at("/components/securitySchemes/deviceBasic/type").asText()).isEqualTo("http");
        assertThat(document.at("/components/securitySchemes/deviceBasic/scheme").asText()).isEqualTo("basic");
        assertThat(document.at("/components/responses/DeviceUnauthenticated/headers/WWW-Authenticate/description").asText())
                .isEqualTo("Basic realm=\"pactum-devices\"");
    }

    @Test
    void deviceIngest_takesAnyMediaTypeAsRawBytes_andAnswersWithTheRecordIds_orAProblemForEachRejection() {
        for (Endpoint endpoint : DEVICE_INGEST) {
            JsonNode op = document.at("/paths/" + endpoint.path().replace("/", "~1") + "/" + endpoint.method());
            assertThat(op.at("/requestBody/required").asBoolean()).as("%s", endpoint).isTrue();
            // Raw bytes of any media type: one entry, */*, without a schema (OpenAPI 3.1's way for binary bodies).
            assertThat(fieldNames(op.at("/requestBody/content"))).as("%s", endpoint).containsExactly("*/*");
            assertThat(op.at("/requestBody/content/*~1*").has("schema")).isFalse();
            assertThat(op.at("/responses/200/content/application~1json/schema/$ref").asText())
                    .isEqualTo("#/components/schemas/IngestReceipt");
            assertThat(fieldNames(op.get("responses"))).containsExactlyInAnyOrder(
                    "200", "400", "401", "403", "409", "413", "422", "500");
        }
        assertThat(document.at("/components/schemas/IngestReceipt/required/0").asText()).isEqualTo("records");
        assertClosed(document.at("/components/schemas/IngestReceipt"), "IngestReceipt");
    }

    @Test
    void deliveryStream_isDocumentedAsServerSentEvents_resumingFromLastEventId() {
        JsonNode op = document.at("/paths/~1api~1v1~1deliveries~1stream/get");
        assertThat(fieldNames(op.at("/responses/200/content"))).containsExactly("text/event-stream");
        List<String> parameters = new ArrayList<>();
        op.get("parameters").forEach(p -> parameters.add(p.get("in").asText() + ":" + p.get("name").asText()));
        assertThat(parameters).containsExactlyInAnyOrder("header:Last-Event-ID", "query:after", "query:from");
        assertThat(document.at("/paths/~1api~1v1~1webhooks~1{id}~1dead-letters~1replay/post/requestBody/required")
                .asBoolean()).as("replay body is optional").isFalse();
    }

    @Test
    void requestBodies_refuseUnknownMembers_atEveryObjectLevel() {
        List<String> bodySchemas = new ArrayList<>();
        forEachOperation((endpoint, op) -> {
            boolean sendsBody = Set.of("post", "put", "patch").contains(endpoint.method()) && !BODYLESS_POSTS.contains(endpoint);
            assertThat(op.has("requestBody")).as("%s declares a request body", endpoint).isEqualTo(sendsBody);
            if (op.has("requestBody") && !isDeviceIngest(op)) {
                String ref = op.at("/requestBody/content/application~1json/schema/$ref").asText();
                assertThat(ref).as("request body of %s", endpoint).startsWith("#/components/schemas/");
                bodySchemas.add(ref);
            }
        });
        assertThat(bodySchemas).hasSize(21);
        for (String ref : bodySchemas) {
            assertClosed(resolve(ref), ref);
        }
    }

    @Test
    void everyReference_resolves_andEveryErrorResponseIsAProblemDocument() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(resolve(ref).isMissingNode()).as(ref).isFalse());
        document.at("/components/responses").properties().forEach(response -> assertThat(
                response.getValue().at("/content/application~1problem+json/schema/$ref").asText())
                .as(response.getKey()).isEqualTo("#/components/schemas/Problem"));
    }

    private void assertClosed(JsonNode schema, String where) {
        if (schema.has("$ref")) {
            assertClosed(resolve(schema.get("$ref").asText()), schema.get("$ref").asText());
            return;
        }
        if ("object".equals(schema.path("type").asText()) && !schema.path("x-pactum-free-form").asBoolean()) {
            JsonNode additional = schema.path("additionalProperties");
            if (additional.isObject()) {
                // A map (an agreement's fields by name): its keys are the client's, its values closed.
                assertClosed(additional, where + ".*");
                return;
            }
            // Free-form objects (command parameters, in the device's own vocabulary) must say so explicitly.
            assertThat(additional.isBoolean() && !additional.asBoolean())
                    .as("%s has additionalProperties: false", where).isTrue();
            schema.path("properties").properties().forEach(p -> assertClosed(p.getValue(), where + "." + p.getKey()));
        }
        if (schema.has("items")) {
            assertClosed(schema.get("items"), where + "[]");
        }
    }

    /** Operations that devices call with their id and secret instead of a bearer token. */
    private static boolean isDeviceIngest(JsonNode op) {
        return op.has("security") && op.get("security").size() == 1 && op.at("/security/0").has("deviceBasic");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode resolve(String ref) {
        return document.at(ref.substring(1));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    private void forEachOperation(java.util.function.BiConsumer<Endpoint, JsonNode> action) {
        document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(op -> HTTP_METHODS.contains(op.getKey()))
                .forEach(op -> action.accept(new Endpoint(op.getKey(), path.getKey()), op.getValue())));
    }
}
