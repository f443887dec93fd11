package io.pactum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.incident.Severity;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every authenticated endpoint, called by every kind of caller: the operator, a supplier (A) that
 * owns the resources, another supplier (B) acting on A's resources, a partner and a researcher, with
 * full and read-only tokens. Each refusal must change nothing (everything the hub holds, registry and
 * sharing, is compared before and after); and every endpoint refuses a missing, malformed, wrong,
 * revoked or expired token with 401.
 *
 * <p>To extend: add a row to {@link #matrix()}; {@link #matrix_coversEveryAuthenticatedEndpoint()}
 * fails until every route of the router has one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixIT {
    private static final String V1 = "/api/v1";

    // Columns of the matrix, in this order.
    private static final List<String> CALLERS = List.of(
            "operator", "operator (read)", "supplier A", "supplier A (read)", "supplier B", "partner", "researcher");

    private TestHub hub;
    private Api api;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final AtomicInteger unique = new AtomicInteger();
    private String orgA;
    private String orgB;
    private String clientA;
    private String productA;
    private String pendingProductA;
    private String deviceA;
    private String groupA;
    private String groupB;
    private String subject;
    private String partner;
    private String agreement;
    private String webhook;
    private String commandA;
    private String pseudonymOfDeviceA;
    private String incident;
    private String revokedToken;
    private String expiredToken;

    @BeforeAll
    void setUp(@TempDir Path dataDir) {
        hub = startHub(dataDir);
        api = hub.api;
        String op = hub.operatorToken;
        String operatorOrg = api.get(V1 + "/me", op).text("/organisationId");
        orgA = created(api.post(V1 + "/organisations", op, "{\"name\": \"Supplier A\", \"role\": \"supplier\"}")).text("/id");
        orgB = created(api.post(V1 + "/organisations", op, "{\"name\": \"Supplier B\", \"role\": \"supplier\"}")).text("/id");
        partner = created(api.post(V1 + "/organisations", op, "{\"name\": \"Partner\", \"role\": \"partner\"}")).text("/id");
        String researcher = created(api.post(V1 + "/organisations", op, "{\"name\": \"Researcher\", \"role\": \"researcher\"}"))
                .text("/id");

        tokens.put("operator", op);
        tokens.put("operator (read)", token(operatorOrg, "reader", "[\"read\"]"));
        tokens.put("supplier A", token(orgA, "admin", "[\"read\", \"write\", \"admin\"]"));
        tokens.put("supplier A (read)", token(orgA, "reader", "[\"read\"]"));
        tokens.put("supplier B", token(orgB, "admin", "[\"read\", \"write\", \"admin\"]"));
        tokens.put("partner", token(partner, "admin", "[\"read\", \"write\", \"admin\"]"));
        tokens.put("researcher", token(researcher, "admin", "[\"read\", \"write\", \"admin\"]"));
        clientA = api.get(V1 + "/me", tokens.get("supplier A (read)")).text("/clientId");

        String a = tokens.get("supplier A");
        productA = created(api.post(V1 + "/products", a, product(null, "Thermo"))).text("/id");
        assertThat(api.put(V1 + "/products/" + productA + "/approval", op, "{\"state\": \"approved\"}").status()).isEqualTo(200);
        pendingProductA = created(api.post(V1 + "/products", a, product(null, "Hygro"))).text("/id");
        deviceA = created(api.post(V1 + "/devices", a, "{\"productId\": \"" + productA + "\"}")).text("/device/id");
        groupA = created(api.post(V1 + "/device-groups", a, "{\"name\": \"A's ward\", \"deviceIds\": [\"" + deviceA + "\"]}"))
                .text("/id");
        groupB = created(api.post(V1 + "/device-groups", tokens.get("supplier B"), "{\"name\": \"B's ward\"}")).text("/id");
        subject = created(api.post(V1 + "/subjects", op, "{}")).text("/id");
        agreement = freshAgreement();
        webhook = freshWebhook();
        commandA = created(api.post(V1 + "/devices/" + deviceA + "/commands", op, "{\"name\": \"reboot\"}")).text("/id");
        pseudonymOfDeviceA = hub.pseudonym(partner, deviceA);
        for (int i = 0; i < 5; i++) {
            hub.auditLedger.append(new AuditEvent(AuditEventType.SECURITY_SIGNAL, Instant.now(), AuditEvent.HUB,
                    Map.of("n", Integer.toString(i))));
        }
        hub.checkpoints.checkpoint();
        incident = hub.raiseIncident("matrix", Severity.HIGH, deviceA);

        revokedToken = token(orgA, "to be revoked", "[\"read\"]");
        String revokedId = api.get(V1 + "/me", revokedToken).text("/clientId");
        assertThat(api.delete(V1 + "/clients/" + revokedId, a).status()).isEqualTo(200);

        expiredToken = created(api.post(V1 + "/organisations/" + orgA + "/clients", a,
                "{\"name\": \"short-lived\", \"scopes\": [\"read\"], \"expiresAt\": \"" + hub.clock.instant().plus(Duration.ofHours(1))
                        + "\"}")).text("/token");
        assertThat(api.get(V1 + "/me", expiredToken).status()).isEqualTo(200);
        hub.clock.advance(Duration.ofHours(2));
    }

    @AfterAll
    void tearDown() throws Exception {
        hub.close();
    }

    /** One endpoint and the status each caller gets, in the order of {@link #CALLERS}. */
    record Row(String method, String template, Supplier<String> path, Supplier<@Nullable String> body,
            Supplier<Map<String, String>> headers, int[] expected) {
        String endpoint() {
            return method + " " + template;
        }
    }

    private static Row row(String method, String template, Supplier<String> path, Supplier<@Nullable String> body, int... expected) {
        return versionedRow(method, template, path, body, Map::of, expected);
    }

    /** A row whose requests also send {@code headers}, e.g. the {@code If-Match} a versioned change needs. */
    private static Row versionedRow(String method, String template, Supplier<String> path, Supplier<@Nullable String> body,
            Supplier<Map<String, String>> headers, int... expected) {
        assertThat(expected).as("one status per caller for %s %s", method, template).hasSameSizeAs(CALLERS.toArray());
        return new Row(method, template, path, body, headers, expected);
    }

    private List<Row> matrix() {
        List<Row> rows = new ArrayList<>();
        Supplier<@Nullable String> none = () -> null;
        //                                                                              op   opR  A    A-R  B    part res
        rows.add(row("GET", V1 + "/me", () -> V1 + "/me", none,                         200, 200, 200, 200, 200, 200, 200));
        rows.add(row("POST", V1 + "/organisations", () -> V1 + "/organisations",
                () -> "{\"name\": \"Org " + next() + "\", \"role\": \"partner\"}",      201, 403, 403, 403, 403, 403, 403));
        rows.add(row("GET", V1 + "/organisations", () -> V1 + "/organisations", none,   200, 200, 200, 200, 200, 200, 200));
        rows.add(row("GET", V1 + "/organisations/{id}", () -> V1 + "/organisations/" + orgA, none,
                                                                                        200, 200, 200, 200, 404, 404, 404));
        rows.add(row("POST", V1 + "/organisations/{id}/clients", () -> V1 + "/organisations/" + orgA + "/clients",
                () -> "{\"name\": \"client " + next() + "\", \"scopes\": [\"read\"]}",  201, 403, 201, 403, 404, 404, 404));
        rows.add(row("GET", V1 + "/organisations/{id}/clients", () -> V1 + "/organisations/" + orgA + "/clients", none,
                                                                                        200, 403, 200, 403, 404, 404, 404));
        rows.add(row("GET", V1 + "/clients/{id}", () -> V1 + "/clients/" + clientA, none,
                                                                                        200, 403, 200, 403, 404, 404, 404));
        rows.add(row("DELETE", V1 + "/clients/{id}", () -> V1 + "/clients/" + freshClientOfA(), none,
                                                                                        200, 403, 200, 403, 404, 404, 404));
        rows.add(row("POST", V1 + "/products", () -> V1 + "/products", () -> product(orgA, "Model " + next()),
                                                                                        201, 403, 201, 403, 403, 403, 403));
        rows.add(row("GET", V1 + "/products", () -> V1 + "/products", none,             200, 200, 200, 200, 200, 403, 403));
        rows.add(row("GET", V1 + "/products/{id}", () -> V1 + "/products/" + productA, none,
                                                                                        200, 200, 200, 200, 404, 403, 403));
        rows.add(row("PATCH", V1 + "/products/{id}", () -> V1 + "/products/" + pendingProductA,
                () -> "{\"model\": \"Hygro " + next() + "\"}",                          200, 403, 200, 403, 404, 403, 403));
        rows.add(row("PUT", V1 + "/products/{id}/approval", () -> V1 + "/products/" + pendingProductA + "/approval",
                () -> "{\"state\": \"pending\"}",                                       200, 403, 403, 403, 403, 403, 403));
        // B names A's product in the body, not the path: refused as a product B may not provision (400 on
        // productId), the same answer as for a product that does not exist, so A's ids cannot be probed.
        rows.add(row("POST", V1 + "/devices", () -> V1 + "/devices", () -> "{\"productId\": \"" + productA + "\"}",
                                                                                        201, 403, 201, 403, 400, 403, 403));
        rows.add(row("GET", V1 + "/devices", () -> V1 + "/devices", none,               200, 200, 200, 200, 200, 403, 403));
        rows.add(row("GET", V1 + "/devices/{id}", () -> V1 + "/devices/" + deviceA, none,
                                                                                        200, 200, 200, 200, 404, 403, 403));
        rows.add(row("PUT", V1 + "/devices/{id}/state", () -> V1 + "/devices/" + deviceA + "/state",
                () -> "{\"state\": \"active\", \"reason\": \"check\"}",                 200, 403, 200, 403, 404, 403, 403));
        rows.add(row("POST", V1 + "/subjects", () -> V1 + "/subjects", () -> "{}",      201, 403, 403, 403, 403, 403, 403));
        rows.add(row("GET", V1 + "/subjects", () -> V1 + "/subjects", none,             200, 200, 403, 403, 403, 403, 403));
        rows.add(row("GET", V1 + "/subjects/{id}", () -> V1 + "/subjects/" + subject, none,
                                                                                        200, 200, 403, 403, 403, 403, 403));
        rows.add(row("POST", V1 + "/device-groups", () -> V1 + "/device-groups",
                () -> "{\"ownerId\": \"" + orgA + "\", \"name\": \"group " + next() + "\", \"deviceIds\": [\"" + deviceA + "\"]}",
                                                                                        201, 403, 201, 403, 403, 403, 403));
        rows.add(row("GET", V1 + "/device-groups", () -> V1 + "/device-groups", none,   200, 200, 200, 200, 200, 403, 403));
        rows.add(row("GET", V1 + "/device-groups/{id}", () -> V1 + "/device-groups/" + groupA, none,
                                                                                        200, 200, 200, 200, 404, 403, 403));
        rows.add(row("PUT", V1 + "/device-groups/{id}/members", () -> V1 + "/device-groups/" + groupA + "/members",
                () -> "{\"deviceIds\": [\"" + deviceA + "\"]}",                         200, 403, 200, 403, 404, 403, 403));
        // Commands to devices, the hub key and stored records: the operator's, except the public key.
        rows.add(row("POST", V1 + "/devices/{id}/commands", () -> V1 + "/devices/" + deviceA + "/commands",
                () -> "{\"name\": \"reboot\"}",                                          201, 403, 403, 403, 403, 403, 403));
        rows.add(row("GET", V1 + "/devices/{id}/commands", () -> V1 + "/devices/" + deviceA + "/commands", none,
                                                                                        200, 200, 403, 403, 403, 403, 403));
        rows.add(row("GET", V1 + "/devices/{id}/commands/{commandId}",
                () -> V1 + "/devices/" + deviceA + "/commands/" + commandA, none,       200, 200, 403, 403, 403, 403, 403));
        rows.add(row("GET", V1 + "/hub/key", () -> V1 + "/hub/key", none,               200, 200, 200, 200, 200, 200, 200));
        rows.add(row("GET", V1 + "/devices/{id}/records", () -> V1 + "/devices/" + deviceA + "/records", none,
                                                                                        200, 200, 403, 403, 403, 403, 403));
        // Agreements: the operator decides them; a recipient reads its own (the partner's here), others see none.
        rows.add(row("POST", V1 + "/agreements", () -> V1 + "/agreements", this::agreementBody,
                                                                                        201, 403, 403, 403, 403, 403, 403));
        rows.add(row("GET", V1 + "/agreements", () -> V1 + "/agreements", none,         200, 200, 200, 200, 200, 200, 403));
        rows.add(row("GET", V1 + "/agreements/{id}", () -> V1 + "/agreements/" + agreement, none,
                                                                                        200, 200, 404, 404, 404, 200, 403));
        for (String action : List.of("suspend", "resume", "revoke")) {
            // Revoking is for good, so each call gets an agreement of its own.
            Supplier<String> target = action.equals("revoke") ? this::freshAgreement : () -> agreement;
            rows.add(row("POST", V1 + "/agreements/{id}/" + action, () -> V1 + "/agreements/" + target.get() + "/" + action,
                    none,                                                               200, 403, 403, 403, 403, 403, 403));
        }
        // Consent: the operator records it and reads the receipts (it alone holds raw subject ids).
        rows.add(row("POST", V1 + "/consents", () -> V1 + "/consents",
                () -> "{\"subjectId\": \"" + subject + "\", \"recipientId\": \"" + partner
                        + "\", \"purpose\": \"healthcare\", \"action\": \"given\"}",        201, 403, 403, 403, 403, 403, 403));
        rows.add(row("GET", V1 + "/subjects/{id}/consents", () -> V1 + "/subjects/" + subject + "/consents", none,
                                                                                        200, 200, 403, 403, 403, 403, 403));
        // Deliveries: recipients (partners, suppliers) read their own; the operator receives none.
        rows.add(row("GET", V1 + "/deliveries", () -> V1 + "/deliveries", none,         403, 403, 200, 200, 200, 200, 403));
        rows.add(row("GET", V1 + "/deliveries/stream", () -> V1 + "/deliveries/stream", none,
                                                                                        403, 403, 200, 200, 200, 200, 403));
        // Webhooks: a recipient manages its own (the partner's here); the operator reads any, changes none.
        rows.add(row("POST", V1 + "/webhooks", () -> V1 + "/webhooks",
                () -> "{\"url\": \"https://hooks.example.org/pactum/" + next() + "\"}",    403, 403, 201, 403, 201, 201, 403));
        rows.add(row("GET", V1 + "/webhooks", () -> V1 + "/webhooks", none,             200, 200, 200, 200, 200, 200, 403));
        rows.add(row("GET", V1 + "/webhooks/{id}", () -> V1 + "/webhooks/" + webhook, none,
                                                                                        200, 200, 404, 404, 404, 200, 403));
        rows.add(row("POST", V1 + "/webhooks/{id}/disable", () -> V1 + "/webhooks/" + webhook + "/disable", none,
                                                                                        403, 403, 404, 403, 404, 200, 403));
        rows.add(row("POST", V1 + "/webhooks/{id}/enable", () -> V1 + "/webhooks/" + webhook + "/enable", none,
                                                                                        403, 403, 404, 403, 404, 200, 403));
        rows.add(row("DELETE", V1 + "/webhooks/{id}", () -> V1 + "/webhooks/" + freshWebhook(), none,
                                                                                        403, 403, 404, 403, 404, 204, 403));
        rows.add(row("GET", V1 + "/webhooks/{id}/dead-letters", () -> V1 + "/webhooks/" + webhook + "/dead-letters", none,
                                                                                        200, 200, 404, 404, 404, 200, 403));
        rows.add(row("POST", V1 + "/webhooks/{id}/dead-letters/replay",
                () -> V1 + "/webhooks/" + webhook + "/dead-letters/replay", () -> "{\"eventIds\": []}",
                                                                                        403, 403, 404, 403, 404, 200, 403));
        // Partner commands: by the caller's own pseudonym of the device, which only the partner's agreement reaches.
        // Others' agreements reach no device under that name (404, as an unknown pseudonym); the operator is no
        // recipient and sends no partner commands (403).
        rows.add(row("POST", V1 + "/shared-devices/{pseudonym}/commands",
                () -> V1 + "/shared-devices/" + pseudonymOfDeviceA + "/commands", () -> "{\"name\": \"reboot\"}",
                                                                                        403, 403, 404, 403, 404, 201, 403));
        // The audit ledger: the operator's alone, reading with the read scope, signing a checkpoint with write.
        for (String read : List.of("", "/entries", "/checkpoints")) {
            rows.add(row("GET", V1 + "/ledger" + read, () -> V1 + "/ledger" + read, none,
                                                                                        200, 200, 403, 403, 403, 403, 403));
        }
        rows.add(row("POST", V1 + "/ledger/checkpoints", () -> V1 + "/ledger/checkpoints", none,
                                                                                        201, 403, 403, 403, 403, 403, 403));
        rows.add(row("GET", V1 + "/ledger/proofs/inclusion", () -> V1 + "/ledger/proofs/inclusion?index=1", none,
                                                                                        200, 200, 403, 403, 403, 403, 403));
        rows.add(row("GET", V1 + "/ledger/proofs/consistency", () -> V1 + "/ledger/proofs/consistency?from=1", none,
                                                                                        200, 200, 403, 403, 403, 403, 403));
        // Incidents: the operator's alone, reading with the read scope, changing with write. Status and assignee
        // changes name the version they change (a fresh incident each, so version 1 and a move that is allowed).
        rows.add(row("GET", V1 + "/incidents", () -> V1 + "/incidents", none,           200, 200, 403, 403, 403, 403, 403));
        rows.add(row("GET", V1 + "/incidents/{id}", () -> V1 + "/incidents/" + incident, none,
                                                                                        200, 200, 403, 403, 403, 403, 403));
        rows.add(row("GET", V1 + "/incidents/{id}/timeline", () -> V1 + "/incidents/" + incident + "/timeline", none,
                                                                                        200, 200, 403, 403, 403, 403, 403));
        Supplier<Map<String, String>> firstVersion = () -> Map.of("If-Match", "\"1\"");
        rows.add(versionedRow("PUT", V1 + "/incidents/{id}/status", () -> V1 + "/incidents/" + freshIncident() + "/status",
                () -> "{\"status\": \"contained\", \"reason\": \"matrix\"}", firstVersion,
                                                                                        200, 403, 403, 403, 403, 403, 403));
        rows.add(versionedRow("PUT", V1 + "/incidents/{id}/assignee", () -> V1 + "/incidents/" + freshIncident() + "/assignee",
                () -> "{\"assignee\": \"responder\"}", firstVersion,                    200, 403, 403, 403, 403, 403, 403));
        rows.add(row("POST", V1 + "/incidents/{id}/notes", () -> V1 + "/incidents/" + incident + "/notes",
                () -> "{\"text\": \"note " + next() + "\"}",                              201, 403, 403, 403, 403, 403, 403));
        rows.add(row("POST", V1 + "/incidents/{id}/actions", () -> V1 + "/incidents/" + incident + "/actions",
                () -> "{\"action\": \"" + FlagDeviceAction.NAME + "\", \"target\": \"" + deviceA + "\"}",
                                                                                        201, 403, 403, 403, 403, 403, 403));
        rows.add(row("POST", V1 + "/incidents/{id}/actions/reverse",
                () -> V1 + "/incidents/" + freshIncidentWithFlag() + "/actions/reverse",
                () -> "{\"action\": \"" + FlagDeviceAction.NAME + "\", \"target\": \"" + deviceA + "\"}",
                                                                                        201, 403, 403, 403, 403, 403, 403));
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> everyEndpoint_answersEachCaller_asTheMatrixSays_andRefusalsChangeNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : matrix()) {
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                int expected = row.expected()[i];
                tests.add(DynamicTest.dynamicTest(row.endpoint() + " as " + caller + " -> " + expected, () -> {
                    String path = row.path().get();
                    String body = row.body().get();
                    String before = hub.snapshot();
                    Api.Reply reply = api.send(row.method(), path, tokens.get(caller), body, body == null ? null : "application/json",
                            row.headers().get());
                    assertThat(reply.status()).as("%s %s as %s: %s", row.method(), path, caller, reply).isEqualTo(expected);
                    if (expected >= 400) {
                        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                        assertThat(hub.snapshot()).as("registry after a refused %s", row.endpoint()).isEqualTo(before);
                    } else if (row.template().startsWith(V1 + "/ledger")) {
                        // Merkle hashes (rootHash, leafHash, audit paths) are public evidence, not secrets' hashes.
                        assertThat(reply.raw()).doesNotContain(tokens.values());
                    } else {
                        assertThat(reply.raw()).doesNotContainIgnoringCase("hash").doesNotContainIgnoringCase("sealed");
                    }
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyEndpoint_refusesMissingMalformedWrongRevokedAndExpiredTokens_with401() {
        String wrongSecret = tokens.get("supplier A").substring(0, tokens.get("supplier A").length() - 4) + "AAAA";
        Map<String, @Nullable String> credentials = new LinkedHashMap<>();
        credentials.put("no Authorization header", null);
        credentials.put("empty bearer token", "Bearer ");
        credentials.put("malformed token", "Bearer not-a-pactum-token");
        credentials.put("another scheme", "Basic " + tokens.get("supplier A"));
        credentials.put("wrong secret", "Bearer " + wrongSecret);
        credentials.put("unknown client", "Bearer pct_nobody_" + "A".repeat(43));
        credentials.put("revoked token", "Bearer " + revokedToken);
        credentials.put("expired token", "Bearer " + expiredToken);
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : matrix()) {
            credentials.forEach((what, authorization) -> tests.add(DynamicTest.dynamicTest(row.endpoint() + " with " + what, () -> {
                String path = row.path().get();
                String body = row.body().get();
                String before = hub.snapshot();
                Api.Reply reply = api.exchange(row.method(), path, authorization,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body),
                        body == null ? null : "application/json", row.headers().get());
                assertThat(reply.status()).as("%s", reply).isEqualTo(401);
                assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
                assertThat(reply.text("/type")).isEqualTo("https://pactum.io/problems/unauthenticated");
                assertThat(hub.snapshot()).isEqualTo(before);
            })));
        }
        return tests.stream();
    }

    @Test
    void matrix_coversEveryAuthenticatedEndpoint() {
        Set<String> covered = new TreeSet<>();
        matrix().forEach(r -> covered.add(r.endpoint()));
        Set<String> routed = new TreeSet<>();
        Endpoint.of(ApiRouter.create(hub.vertx, hub.registry, HttpSettings.defaults("127.0.0.1", 0), () -> true,
                        hub.everything))
                .stream().filter(e -> !e.path().startsWith("/ingest/")) // devices' own credentials, see DeviceIngestIT
                .forEach(e -> routed.add(e.toString()));
        routed.removeAll(Set.of("GET /health", "GET /ready", "GET " + V1 + "/openapi.json"));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(routed);
    }

    @Test
    void foreignSupplier_listsNoneOfAnotherOrganisationsResources() {
        String b = tokens.get("supplier B");
        assertThat(ids(api.get(V1 + "/organisations", b))).containsExactly(orgB);
        assertThat(ids(api.get(V1 + "/products", b))).doesNotContain(productA, pendingProductA);
        assertThat(ids(api.get(V1 + "/devices", b))).doesNotContain(deviceA);
        assertThat(ids(api.get(V1 + "/device-groups", b))).containsExactly(groupB);
        for (String kind : List.of("/products", "/devices", "/device-groups")) {
            assertThat(api.get(V1 + kind, b).json().get("items")).allSatisfy(item -> assertThat(
                    item.has("supplierId") ? item.get("supplierId").asText() : item.get("ownerId").asText()).isEqualTo(orgB));
        }
    }

    @Test
    void recipients_listOnlyTheirOwnAgreementsAndWebhooks_andTheOperatorAll() {
        assertThat(ids(api.get(V1 + "/agreements", tokens.get("partner")))).contains(agreement);
        assertThat(ids(api.get(V1 + "/agreements", tokens.get("supplier B")))).isEmpty();
        assertThat(ids(api.get(V1 + "/agreements", tokens.get("operator (read)")))).contains(agreement);
        String ownHook = created(api.post(V1 + "/webhooks", tokens.get("supplier B"),
                "{\"url\": \"https://hooks.example.org/b/" + next() + "\"}")).text("/webhook/id");
        assertThat(ids(api.get(V1 + "/webhooks", tokens.get("supplier B")))).contains(ownHook).doesNotContain(webhook);
        assertThat(api.get(V1 + "/webhooks", tokens.get("supplier B")).json().get("items"))
                .allSatisfy(item -> assertThat(item.get("recipientId").asText()).isEqualTo(orgB));
        assertThat(ids(api.get(V1 + "/webhooks", tokens.get("partner")))).contains(webhook).doesNotContain(ownHook);
        assertThat(ids(api.get(V1 + "/webhooks", tokens.get("operator (read)")))).contains(webhook, ownHook);
    }

    @Test
    void owner_andOperator_seeTheOwnersResources() {
        for (String caller : List.of("supplier A (read)", "operator (read)")) {
            String token = tokens.get(caller);
            assertThat(ids(api.get(V1 + "/products", token))).as(caller).contains(productA, pendingProductA);
            assertThat(ids(api.get(V1 + "/devices", token))).as(caller).contains(deviceA);
            assertThat(ids(api.get(V1 + "/device-groups", token))).as(caller).contains(groupA);
        }
        assertThat(ids(api.get(V1 + "/organisations", tokens.get("operator (read)")))).contains(orgA, orgB);
    }

    @Test
    void foreignDevicesNamedInABody_areRefused_andChangeNothing() throws Exception {
        String b = tokens.get("supplier B");
        String before = hub.snapshot();
        Api.Reply intoNewGroup = api.post(V1 + "/device-groups", b, "{\"name\": \"stolen\", \"deviceIds\": [\"" + deviceA + "\"]}");
        Api.Reply intoOwnGroup = api.put(V1 + "/device-groups/" + groupB + "/members", b, "{\"deviceIds\": [\"" + deviceA + "\"]}");
        Api.Reply onOwnProduct = api.post(V1 + "/devices", b, "{\"productId\": \"" + productA + "\", \"ownerId\": \"" + orgA + "\"}");
        for (Api.Reply reply : List.of(intoNewGroup, intoOwnGroup, onOwnProduct)) {
            assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        }
        assertThat(intoNewGroup.field()).isEqualTo("deviceIds");
        assertThat(intoOwnGroup.field()).isEqualTo("deviceIds");
        assertThat(onOwnProduct.field()).isEqualTo("productId");
        assertThat(hub.snapshot()).isEqualTo(before);
    }

    @Test
    void createdSecrets_appearOnlyInTheCreatingResponse() {
        String a = tokens.get("supplier A");
        Api.Reply device = created(api.post(V1 + "/devices", a, "{\"productId\": \"" + productA + "\"}"));
        String secret = device.text("/secret");
        String macKey = device.text("/macKey");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(16);
        assertThat(macKey).hasSizeGreaterThanOrEqualTo(43);
        assertThat(device.headers().firstValue("Location")).hasValue(V1 + "/devices/" + device.text("/device/id"));
        Api.Reply read = api.get(V1 + "/devices/" + device.text("/device/id"), a);
        assertThat(fieldNames(read.json())).containsExactlyInAnyOrder("id", "productId", "ownerId", "state", "createdAt", "updatedAt");
        assertThat(api.get(V1 + "/devices", a).raw()).doesNotContain(secret, macKey);

        Api.Reply client = created(api.post(V1 + "/organisations/" + orgA + "/clients", a, "{\"name\": \"once\", \"scopes\": [\"read\"]}"));
        String token = client.text("/token");
        assertThat(token).startsWith("pct_" + client.text("/client/id") + "_");
        assertThat(api.get(V1 + "/clients/" + client.text("/client/id"), a).raw()).doesNotContain(token);
        assertThat(api.get(V1 + "/organisations/" + orgA + "/clients", a).raw()).doesNotContain(token).doesNotContainIgnoringCase("hash");
    }

    @Test
    void me_describesTheCallersToken() {
        Api.Reply me = api.get(V1 + "/me", tokens.get("supplier A (read)"));
        assertThat(me.text("/organisationId")).isEqualTo(orgA);
        assertThat(me.text("/role")).isEqualTo("supplier");
        assertThat(me.json().get("scopes").toString()).isEqualTo("[\"read\"]");
    }

    @Test
    void publicEndpoints_needNoToken() {
        assertThat(api.get("/health", null).json().get("status").asText()).isEqualTo("up");
        assertThat(api.get("/ready", null).status()).isEqualTo(200);
        assertThat(api.get(V1 + "/openapi.json", null).text("/openapi")).startsWith("3.1");
    }

    private String token(String organisationId, String name, String scopes) {
        return created(api.post(V1 + "/organisations/" + organisationId + "/clients", hub.operatorToken,
                "{\"name\": \"" + name + " " + next() + "\", \"scopes\": " + scopes + "}")).text("/token");
    }

    /** An open incident of its own, at version 1. */
    private String freshIncident() {
        return hub.raiseIncident("matrix " + next(), Severity.MEDIUM, deviceA);
    }

    /** A fresh incident in which A's device is flagged, so that there is an action to reverse. */
    private String freshIncidentWithFlag() {
        String id = freshIncident();
        hub.incidentResponse.take(hub.operator(), id, FlagDeviceAction.NAME, deviceA, "for the matrix");
        return id;
    }

    /** An agreement for the partner over A's approved product, with a command grant for A's device. */
    private String freshAgreement() {
        return created(api.post(V1 + "/agreements", hub.operatorToken, agreementBody())).text("/id");
    }

    private String agreementBody() {
        return "{\"recipientId\": \"" + partner + "\", \"productIds\": [\"" + productA + "\"], "
                + "\"fields\": {\"heartRate\": {\"transform\": \"round\", \"step\": 5}}, \"purpose\": \"healthcare\", "
                + "\"legalBasis\": \"contract\", \"commands\": [{\"command\": \"reboot\"}]}";
    }

    private String freshWebhook() {
        return created(api.post(V1 + "/webhooks", tokens.get("partner"),
                "{\"url\": \"https://hooks.example.org/pactum/" + next() + "\"}")).text("/webhook/id");
    }

    private String freshClientOfA() {
        return created(api.post(V1 + "/organisations/" + orgA + "/clients", hub.operatorToken,
                "{\"name\": \"victim " + next() + "\", \"scopes\": [\"read\"]}")).text("/client/id");
    }

    private int next() {
        return unique.incrementAndGet();
    }

    private static String product(@Nullable String supplierId, String model) {
        return "{" + (supplierId == null ? "" : "\"supplierId\": \"" + supplierId + "\", ")
                + "\"model\": \"" + model + "\", \"firmwareVersion\": \"1.0\", \"payloadFormat\": \"senml_json\", "
                + "\"dataModel\": {\"fields\": [{\"name\": \"heartRate\", \"type\": \"integer\", \"unit\": \"beat/min\", "
                + "\"min\": 20, \"max\": 250, \"category\": \"health\"}]}}";
    }

    private static Set<String> ids(Api.Reply list) {
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        Set<String> ids = new HashSet<>();
        list.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Api.Reply created(Api.Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        assertThat(reply.headers().firstValue("Location")).isPresent();
        return reply;
    }

    private static TestHub startHub(Path dataDir) {
        try {
            return TestHub.withSharing(dataDir);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
