package io.pactum.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Bad input of every kind gets a 4xx problem document that names the offending field, and changes
 * nothing in the database (the registry is read before and after each request and compared).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {
    private static final int BODY_LIMIT = 4096;
    private static final String ORGS = "/api/v1/organisations";
    private static final String PRODUCTS = "/api/v1/products";
    private static final String DEVICES = "/api/v1/devices";
    private static final String GROUPS = "/api/v1/device-groups";
    private static final String SUBJECTS = "/api/v1/subjects";
    private static final String AGREEMENTS = "/api/v1/agreements";
    private static final String CONSENTS = "/api/v1/consents";
    private static final String WEBHOOKS = "/api/v1/webhooks";
    private static final String DELIVERIES = "/api/v1/deliveries";

    private TestHub hub;
    private Api api;
    private String op;
    private String supplierId;
    private String supplier;
    private String approvedProductId;
    private String pendingProductId;
    private String partnerId;
    private String partner;
    private String operatorOrganisationId;
    private String revokedAgreementId;
    private String webhookId;

    @BeforeAll
    void setUp(@TempDir Path dataDir) throws Exception {
        hub = TestHub.withSharing(dataDir, BODY_LIMIT);
        api = hub.api;
        op = hub.operatorToken;
        supplierId = created(api.post(ORGS, op, """
                {"name": "Acme Devices", "role": "supplier"}""")).text("/id");
        supplier = created(api.post(ORGS + "/" + supplierId + "/clients", op, """
                {"name": "ci", "scopes": ["read", "write", "admin"]}""")).text("/token");
        approvedProductId = created(api.post(PRODUCTS, supplier, product("Thermo", "1.0"))).text("/id");
        assertThat(api.put(PRODUCTS + "/" + approvedProductId + "/approval", op, """
                {"state": "approved"}""").status()).isEqualTo(200);
        pendingProductId = created(api.post(PRODUCTS, supplier, product("Thermo", "2.0"))).text("/id");
        created(api.post(DEVICES, supplier, """
                {"id": "dev-1", "productId": "%s"}""".formatted(approvedProductId)));
        created(api.post(GROUPS, supplier, """
                {"name": "ward-1", "deviceIds": ["dev-1"]}"""));
        created(api.post(SUBJECTS, op, """
                {"id": "subj-1"}"""));
        operatorOrganisationId = api.get("/api/v1/me", op).text("/organisationId");
        partnerId = created(api.post(ORGS, op, """
                {"name": "Care Partner", "role": "partner"}""")).text("/id");
        partner = created(api.post(ORGS + "/" + partnerId + "/clients", op, """
                {"name": "ci", "scopes": ["read", "write"]}""")).text("/token");
        revokedAgreementId = created(api.post(AGREEMENTS, op, agreement("\"purpose\": \"healthcare\""))).text("/id");
        assertThat(api.post(AGREEMENTS + "/" + revokedAgreementId + "/revoke", op, "").status()).isEqualTo(200);
        webhookId = created(api.post(WEBHOOKS, partner, """
                {"url": "https://hooks.example.org/pactum"}""")).text("/webhook/id");
    }

    @AfterAll
    void tearDown() throws Exception {
        hub.close();
    }

    /** One bad request and the problem it must get; sent with the operator's token unless another is named. */
    record Case(String name, String method, String path, String body, @Nullable String contentType,
            int status, String type, @Nullable String field, String detail, @Nullable String token) {

        Case(String name, String method, String path, String body, @Nullable String contentType,
                int status, String type, @Nullable String field, String detail) {
            this(name, method, path, body, contentType, status, type, field, detail, null);
        }

        static Case bad(String name, String method, String path, String body, @Nullable String field, String detail) {
            return new Case(name, method, path, body, "application/json", 400, "invalid-input", field, detail);
        }

        Case as(String callerToken) {
            return new Case(name, method, path, body, contentType, status, type, field, detail, callerToken);
        }

        @Override
        public String toString() {
            return name + ": " + method + " " + path + " -> " + status + (field == null ? "" : " on " + field);
        }
    }

    private List<Case> cases() {
        String product = PRODUCTS + "/" + pendingProductId;
        String clients = ORGS + "/" + supplierId + "/clients";
        List<Case> cases = new ArrayList<>();
        // Syntax
        cases.add(Case.bad("unterminated object", "POST", ORGS, "{\"name\": \"x\",", null, "malformed JSON at line 1, column"));
        cases.add(Case.bad("missing comma", "POST", ORGS, "{\"name\": \"x\" \"role\": \"partner\"}", null,
                "malformed JSON at line 1, column 14"));
        cases.add(Case.bad("empty body", "POST", ORGS, "", null, "a JSON body is required"));
        cases.add(Case.bad("JSON null", "POST", ORGS, "null", null, "must be a JSON object"));
        cases.add(Case.bad("array instead of object", "POST", ORGS, "[]", null, "must be a JSON object"));
        cases.add(Case.bad("trailing content", "POST", ORGS, "{\"name\": \"T\", \"role\": \"partner\"} {}", null,
                "unexpected content after the JSON value"));
        cases.add(Case.bad("duplicate member", "POST", ORGS, "{\"name\": \"D\", \"name\": \"E\", \"role\": \"partner\"}", null,
                "duplicate member"));
        // Unknown members
        cases.add(Case.bad("unknown member", "POST", ORGS, "{\"name\": \"U\", \"role\": \"partner\", \"colour\": \"red\"}",
                "colour", "unknown member 'colour'"));
        cases.add(Case.bad("unknown nested member", "POST", PRODUCTS,
                productWithField(0, "{\"name\": \"t\", \"type\": \"number\", \"category\": \"technical\", \"colour\": 1}"),
                "dataModel.fields[0].colour", "unknown member 'colour'"));
        // Wrong types, no coercion
        cases.add(Case.bad("string for a number", "POST", PRODUCTS,
                productWithField(0, "{\"name\": \"t\", \"type\": \"number\", \"category\": \"technical\", \"min\": \"5\"}"),
                "dataModel.fields[0].min", "must be a number"));
        cases.add(Case.bad("number for a string", "POST", ORGS, "{\"name\": 5, \"role\": \"partner\"}", "name", "must be a string"));
        cases.add(Case.bad("boolean for a string", "POST", ORGS, "{\"name\": true, \"role\": \"partner\"}", "name", "must be a string"));
        cases.add(Case.bad("object for a string", "POST", ORGS, "{\"name\": {}, \"role\": \"partner\"}", "name", "must be a string"));
        cases.add(Case.bad("string for an array", "POST", clients, "{\"name\": \"s\", \"scopes\": \"read\"}", "scopes", "must be an array"));
        cases.add(Case.bad("number for an enum", "POST", ORGS, "{\"name\": \"N\", \"role\": 1}", "role", "must be one of"));
        cases.add(Case.bad("number for a date-time", "POST", clients,
                "{\"name\": \"s\", \"scopes\": [\"read\"], \"expiresAt\": 1999999999}", "expiresAt", "RFC 3339"));
        cases.add(Case.bad("unparseable date-time", "POST", clients,
                "{\"name\": \"s\", \"scopes\": [\"read\"], \"expiresAt\": \"tomorrow\"}", "expiresAt", "RFC 3339"));
        // Missing required members
        cases.add(Case.bad("missing name", "POST", ORGS, "{\"role\": \"partner\"}", "name", "name is required"));
        cases.add(Case.bad("missing role", "POST", ORGS, "{\"name\": \"R\"}", "role", "role is required"));
        cases.add(Case.bad("missing data model", "POST", PRODUCTS,
                "{\"model\": \"M\", \"firmwareVersion\": \"1\", \"payloadFormat\": \"json\"}", "dataModel", "dataModel is required"));
        cases.add(Case.bad("missing product id", "POST", DEVICES, "{}", "productId", "productId is required"));
        cases.add(Case.bad("missing approval state", "PUT", product + "/approval", "{}", "state", "state is required"));
        cases.add(Case.bad("missing members", "PUT", GROUPS + "/" + groupId() + "/members", "{}", "deviceIds", "deviceIds is required"));
        cases.add(Case.bad("missing nested category", "POST", PRODUCTS,
                productWithField(1, "{\"name\": \"t\", \"type\": \"number\"}"), "dataModel.fields[1].category", "category is required"));
        // Invalid enum values
        cases.add(Case.bad("unknown role", "POST", ORGS, "{\"name\": \"E\", \"role\": \"emperor\"}", "role",
                "must be one of: operator, supplier, partner, researcher"));
        cases.add(Case.bad("unknown scope", "POST", clients, "{\"name\": \"s\", \"scopes\": [\"read\", \"root\"]}", "scopes[1]",
                "must be one of: read, write, admin"));
        cases.add(Case.bad("unknown approval state", "PUT", product + "/approval", "{\"state\": \"maybe\"}", "state",
                "conditionally_approved"));
        cases.add(Case.bad("unknown device state", "PUT", DEVICES + "/dev-1/state", "{\"state\": \"asleep\"}", "state",
                "must be one of: active, quarantined, revoked"));
        cases.add(Case.bad("unknown nested category", "POST", PRODUCTS,
                productWithField(1, "{\"name\": \"t\", \"type\": \"number\", \"category\": \"secret\"}"),
                "dataModel.fields[1].category", "must be one of"));
        // Values the request records refuse, named by their path in the body
        cases.add(Case.bad("min above max in the third field", "POST", PRODUCTS,
                productWithField(2, "{\"name\": \"t\", \"type\": \"number\", \"category\": \"technical\", \"min\": 9, \"max\": 1}"),
                "dataModel.fields[2].min", "min must not be greater than max"));
        cases.add(Case.bad("range on a string field", "POST", PRODUCTS,
                productWithField(0, "{\"name\": \"t\", \"type\": \"string\", \"category\": \"technical\", \"max\": 1}"),
                "dataModel.fields[0].max", "only for number and integer fields"));
        cases.add(Case.bad("field declared twice", "POST", PRODUCTS,
                productWithField(1, "{\"name\": \"a\", \"type\": \"number\", \"category\": \"technical\"}"),
                "dataModel.fields[1].name", "declared twice"));
        cases.add(Case.bad("no fields", "POST", PRODUCTS, product("M", "1", "[]"), "dataModel.fields", "at least one field"));
        cases.add(Case.bad("bad field name in a change", "PATCH", product,
                "{\"dataModel\": {\"fields\": [{\"name\": \"9lives\", \"type\": \"number\", \"category\": \"technical\"}]}}",
                "dataModel.fields[0].name", "must start with a letter"));
        cases.add(Case.bad("empty change", "PATCH", product, "{}", null, "names at least one of"));
        cases.add(Case.bad("blank name", "POST", ORGS, "{\"name\": \"   \", \"role\": \"partner\"}", "name", "must not be blank"));
        cases.add(Case.bad("name too long", "POST", ORGS, "{\"name\": \"" + "n".repeat(201) + "\", \"role\": \"partner\"}",
                "name", "at most 200 characters"));
        cases.add(Case.bad("control character in name", "POST", ORGS, "{\"name\": \"a\\u0007b\", \"role\": \"partner\"}",
                "name", "control characters"));
        cases.add(Case.bad("device id with a space", "POST", DEVICES,
                "{\"id\": \"a b\", \"productId\": \"%s\"}".formatted(approvedProductId), "id", "letters, digits"));
        cases.add(Case.bad("short device secret", "POST", DEVICES,
                "{\"productId\": \"%s\", \"secret\": \"short\"}".formatted(approvedProductId), "secret", "16 to 256 characters"));
        cases.add(Case.bad("bad certificate fingerprint", "POST", DEVICES,
                "{\"productId\": \"%s\", \"certificateFingerprint\": \"zz\"}".formatted(approvedProductId),
                "certificateFingerprint", "64 hex digits"));
        cases.add(Case.bad("no scopes", "POST", clients, "{\"name\": \"s\", \"scopes\": []}", "scopes", "at least one"));
        cases.add(Case.bad("null scope", "POST", clients, "{\"name\": \"s\", \"scopes\": [null]}", "scopes", "must not contain null"));
        cases.add(Case.bad("expiry in the past", "POST", clients,
                "{\"name\": \"s\", \"scopes\": [\"read\"], \"expiresAt\": \"2001-01-01T00:00:00Z\"}", "expiresAt", "in the future"));
        cases.add(Case.bad("operator product without supplier", "POST", PRODUCTS, product("M", "1"), "supplierId",
                "supplierId is required"));
        cases.add(Case.bad("group with an unknown device", "POST", GROUPS, "{\"ownerId\": \"%s\", \"name\": \"g\", \"deviceIds\": [\"nope\"]}"
                .formatted(supplierId), "deviceIds", "is not a device of the group's owner"));
        // Media type
        cases.add(new Case("text body", "POST", ORGS, "{\"name\": \"P\", \"role\": \"partner\"}", "text/plain", 415,
                "unsupported-media-type", null, "application/json"));
        cases.add(new Case("no content type", "POST", ORGS, "{\"name\": \"P\", \"role\": \"partner\"}", null, 415,
                "unsupported-media-type", null, "application/json"));
        // Conflicts with what exists
        cases.add(new Case("organisation name taken", "POST", ORGS, "{\"name\": \"Acme Devices\", \"role\": \"partner\"}",
                "application/json", 409, "conflict", "name", "already exists"));
        cases.add(new Case("client name taken in the organisation", "POST", clients, "{\"name\": \"ci\", \"scopes\": [\"read\"]}",
                "application/json", 409, "conflict", "name", "ci"));
        cases.add(new Case("model and firmware taken for the supplier", "POST", PRODUCTS,
                product("Thermo", "1.0").replaceFirst("\\{", "{\"supplierId\": \"" + supplierId + "\", "),
                "application/json", 409, "conflict", "firmwareVersion", "Thermo"));
        cases.add(new Case("device id taken", "POST", DEVICES, "{\"id\": \"dev-1\", \"productId\": \"%s\"}".formatted(approvedProductId),
                "application/json", 409, "conflict", "id", "already exists"));
        cases.add(new Case("group name taken for the owner", "POST", GROUPS,
                "{\"ownerId\": \"%s\", \"name\": \"ward-1\"}".formatted(supplierId),
                "application/json", 409, "conflict", "name", "ward-1"));
        cases.add(new Case("data subject id taken", "POST", SUBJECTS, "{\"id\": \"subj-1\"}",
                "application/json", 409, "conflict", "id", "already exists"));
        cases.add(new Case("device of a pending product", "POST", DEVICES, "{\"productId\": \"%s\"}".formatted(pendingProductId),
                "application/json", 409, "conflict", "productId", "only devices of approved products"));
        // Agreements
        cases.add(Case.bad("agreement without recipient", "POST", AGREEMENTS, agreement("\"purpose\": \"healthcare\"")
                .replace("\"recipientId\": \"" + partnerId + "\", ", ""), "recipientId", "recipientId is required"));
        cases.add(Case.bad("agreement with an unknown member", "POST", AGREEMENTS,
                agreement("\"purpose\": \"healthcare\", \"colour\": \"red\""), "colour", "unknown member 'colour'"));
        cases.add(Case.bad("agreement without purpose", "POST", AGREEMENTS, agreement("\"rateLimitPerMinute\": 5"),
                "purpose", "purpose is required"));
        cases.add(Case.bad("unknown purpose", "POST", AGREEMENTS, agreement("\"purpose\": \"care\""), "purpose",
                "must be one of: service_provision, healthcare"));
        cases.add(Case.bad("unknown legal basis", "POST", AGREEMENTS,
                agreement("\"purpose\": \"healthcare\"").replace("\"contract\"", "\"whim\""), "legalBasis",
                "must be one of: consent, contract"));
        cases.add(Case.bad("unknown transform", "POST", AGREEMENTS, agreementWithField("{\"transform\": \"blur\"}"),
                "fields.temperature.transform", "transform must be one of: keep, drop, pseudonymise, round, coarsen_location"));
        cases.add(Case.bad("transform as a number", "POST", AGREEMENTS, agreementWithField("{\"transform\": 1}"),
                "fields.temperature.transform", "must be a string"));
        cases.add(Case.bad("field without transform", "POST", AGREEMENTS, agreementWithField("{}"),
                "fields.temperature.transform", "transform is required"));
        cases.add(Case.bad("field mapped to null", "POST", AGREEMENTS, agreementWithField("null"),
                "fields.temperature", "needs a transform"));
        cases.add(Case.bad("rounding without a step", "POST", AGREEMENTS, agreementWithField("{\"transform\": \"round\"}"),
                "fields.temperature.step", "round needs a positive, finite step"));
        cases.add(Case.bad("negative grid", "POST", AGREEMENTS,
                agreementWithField("{\"transform\": \"coarsen-location\", \"step\": -0.01}"),
                "fields.temperature.step", "coarsen_location needs a positive, finite step"));
        cases.add(Case.bad("step on keep", "POST", AGREEMENTS, agreementWithField("{\"transform\": \"keep\", \"step\": 1}"),
                "fields.temperature.step", "step applies only"));
        cases.add(Case.bad("unknown member of a field", "POST", AGREEMENTS,
                agreementWithField("{\"transform\": \"keep\", \"colour\": 1}"), "fields.temperature.colour",
                "unknown member 'colour'"));
        cases.add(Case.bad("field no product in scope has", "POST", AGREEMENTS,
                agreement("\"purpose\": \"healthcare\"").replace("\"temperature\"", "\"humidity\""), "fields.humidity",
                "no product in the agreement's scope has a field 'humidity'"));
        cases.add(Case.bad("nothing granted", "POST", AGREEMENTS,
                agreement("\"purpose\": \"healthcare\"").replaceFirst("\\{\"temperature\": \\{[^}]*}}", "{}"), "fields",
                "at least one field or one command"));
        cases.add(Case.bad("no scope", "POST", AGREEMENTS,
                agreement("\"purpose\": \"healthcare\"").replace("[\"" + approvedProductId + "\"]", "[]"), "productIds",
                "at least one product or device group"));
        cases.add(Case.bad("unknown product", "POST", AGREEMENTS,
                agreement("\"purpose\": \"healthcare\"").replace(approvedProductId, "no-such-product"), "productIds",
                "no product 'no-such-product'"));
        cases.add(Case.bad("recipient that receives nothing", "POST", AGREEMENTS,
                agreement("\"purpose\": \"healthcare\"").replace(partnerId, operatorOrganisationId), "recipientId",
                "only partners and suppliers receive data"));
        cases.add(Case.bad("rate as a string", "POST", AGREEMENTS,
                agreement("\"purpose\": \"healthcare\", \"rateLimitPerMinute\": \"600\""), "rateLimitPerMinute",
                "must be an integer"));
        cases.add(Case.bad("rate of zero", "POST", AGREEMENTS,
                agreement("\"purpose\": \"healthcare\", \"rateLimitPerMinute\": 0"), "rateLimitPerMinute",
                "between 1 and 1000000"));
        cases.add(Case.bad("unknown time resolution", "POST", AGREEMENTS,
                agreement("\"purpose\": \"healthcare\", \"timeResolution\": \"weeks\""), "timeResolution",
                "minutes, hours, days"));
        cases.add(Case.bad("validity ending before it begins", "POST", AGREEMENTS, agreement("\"purpose\": \"healthcare\", "
                + "\"validFrom\": \"2031-01-01T00:00:00Z\", \"validUntil\": \"2030-01-01T00:00:00Z\""), "validUntil",
                "validUntil must be after validFrom"));
        cases.add(Case.bad("validity as a number", "POST", AGREEMENTS,
                agreement("\"purpose\": \"healthcare\", \"validFrom\": 1999999999"), "validFrom", "RFC 3339"));
        cases.add(Case.bad("command grant without command", "POST", AGREEMENTS,
                agreement("\"purpose\": \"healthcare\", \"commands\": [{\"deviceIds\": [\"dev-1\"]}]"), "commands[0].command",
                "command is required"));
        cases.add(Case.bad("command granted twice", "POST", AGREEMENTS,
                agreement("\"purpose\": \"healthcare\", \"commands\": [{\"command\": \"reboot\"}, {\"command\": \"reboot\"}]"),
                "commands[1].command", "granted twice"));
        cases.add(Case.bad("command grant for an unknown device", "POST", AGREEMENTS,
                agreement("\"purpose\": \"healthcare\", \"commands\": [{\"command\": \"reboot\", \"deviceIds\": [\"nope\"]}]"),
                "commands.deviceIds", "no device 'nope'"));
        cases.add(new Case("resuming a revoked agreement", "POST", AGREEMENTS + "/" + revokedAgreementId + "/resume", "",
                null, 409, "conflict", "state", "a revoked agreement cannot become active"));
        cases.add(new Case("suspending a revoked agreement", "POST", AGREEMENTS + "/" + revokedAgreementId + "/suspend", "",
                null, 409, "conflict", "state", "cannot become suspended"));
        // Consent
        cases.add(Case.bad("consent without subject", "POST", CONSENTS, consent("\"action\": \"given\"")
                .replace("\"subjectId\": \"subj-1\", ", ""), "subjectId", "subjectId is required"));
        cases.add(Case.bad("consent of an unknown subject", "POST", CONSENTS, consent("\"action\": \"given\"")
                .replace("subj-1", "nobody"), "subjectId", "no data subject 'nobody'"));
        cases.add(Case.bad("consent for an unknown recipient", "POST", CONSENTS, consent("\"action\": \"given\"")
                .replace(partnerId, "nobody"), "recipientId", "no organisation 'nobody'"));
        cases.add(Case.bad("unknown consent action", "POST", CONSENTS, consent("\"action\": \"maybe\""), "action",
                "must be one of: given, withdrawn"));
        cases.add(Case.bad("unknown collection method", "POST", CONSENTS,
                consent("\"action\": \"given\", \"method\": \"telepathy\""), "method",
                "method must be one of: api, operator-on-behalf"));
        cases.add(Case.bad("consent with an unknown member", "POST", CONSENTS,
                consent("\"action\": \"given\", \"expires\": \"never\""), "expires", "unknown member 'expires'"));
        // Webhooks, as the recipient that registers them
        cases.add(Case.bad("webhook without url", "POST", WEBHOOKS, "{}", "url", "url is required").as(partner));
        cases.add(Case.bad("webhook url as a number", "POST", WEBHOOKS, "{\"url\": 5}", "url", "must be a string").as(partner));
        cases.add(Case.bad("plain http webhook", "POST", WEBHOOKS, "{\"url\": \"http://hooks.example.org/x\"}", "url",
                "must use https").as(partner));
        cases.add(Case.bad("webhook to a private address", "POST", WEBHOOKS, "{\"url\": \"https://10.1.2.3/x\"}", "url",
                "loopback, private or link-local").as(partner));
        cases.add(Case.bad("webhook with user info", "POST", WEBHOOKS, "{\"url\": \"https://me:pw@hooks.example.org/x\"}",
                "url", "no user info").as(partner));
        cases.add(Case.bad("webhook with an unknown member", "POST", WEBHOOKS,
                "{\"url\": \"https://hooks.example.org/x\", \"secret\": \"mine\"}", "secret", "unknown member 'secret'")
                .as(partner));
        String replay = WEBHOOKS + "/" + webhookId + "/dead-letters/replay";
        cases.add(Case.bad("replay of event 0", "POST", replay, "{\"eventIds\": [3, 0]}", "eventIds[1]",
                "must be a positive event id").as(partner));
        cases.add(Case.bad("replay ids as text", "POST", replay, "{\"eventIds\": [\"3\"]}", "eventIds[0]",
                "must be an integer").as(partner));
        cases.add(Case.bad("replay ids not an array", "POST", replay, "{\"eventIds\": 3}", "eventIds",
                "must be an array").as(partner));
        cases.add(Case.bad("dead letters limit of zero", "GET", WEBHOOKS + "/" + webhookId + "/dead-letters?limit=0", "",
                "limit", "limit must be from 1 to 1000").as(partner));
        // Deliveries, as their recipient
        cases.add(Case.bad("negative position", "GET", DELIVERIES + "?after=-1", "", "after", "must be an event id").as(partner));
        cases.add(Case.bad("position as text", "GET", DELIVERIES + "?after=first", "", "after", "must be an event id").as(partner));
        cases.add(Case.bad("page too large", "GET", DELIVERIES + "?limit=5000", "", "limit", "limit must be from 1 to 1000")
                .as(partner));
        cases.add(Case.bad("stream from nowhere", "GET", DELIVERIES + "/stream?from=middle", "", "from",
                "from must be latest or earliest").as(partner));
        cases.add(Case.bad("stream from two places", "GET", DELIVERIES + "/stream?from=latest&after=3", "", "from",
                "not both").as(partner));
        // Partner commands
        cases.add(Case.bad("partner command with a bad name", "POST", "/api/v1/shared-devices/AbCdEf/commands",
                "{\"name\": \"re boot\"}", "name", "letters, digits").as(partner));
        cases.add(Case.bad("partner command with parameters not an object", "POST", "/api/v1/shared-devices/AbCdEf/commands",
                "{\"name\": \"reboot\", \"parameters\": [1]}", "parameters", "must be an object").as(partner));
        // Routing
        cases.add(new Case("no such route", "GET", "/api/v1/nothing-here", "", null, 404, "not-found", null, "no resource"));
        cases.add(new Case("no such resource", "GET", PRODUCTS + "/nope", "", null, 404, "not-found", null, "'nope' does not exist"));
        cases.add(new Case("method not allowed", "DELETE", PRODUCTS, "", null, 405, "method-not-allowed", null, "method"));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> badInput_getsProblemNamingTheField_andChangesNothing() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            String before = hub.snapshot();
            Api.Reply reply = api.send(c.method(), c.path(), c.token() == null ? op : c.token(),
                    c.body().isEmpty() && c.contentType() == null ? null : c.body(), c.contentType());
            assertProblem(reply, c.status(), c.type(), c.path().replaceFirst("\\?.*", ""));
            assertThat(reply.field()).as("field of %s", reply).isEqualTo(c.field());
            assertThat(reply.text("/detail")).as("detail of %s", reply).contains(c.detail())
                    .doesNotContain("com.fasterxml", "io.pactum", "java.");
            assertThat(hub.snapshot()).as("registry after %s", c).isEqualTo(before);
        }));
    }

    @Test
    void oversizedBody_withContentLength_gets413_andIsNotProcessed() throws Exception {
        String before = hub.snapshot();
        String body = "{\"name\": \"Big\", \"role\": \"partner\"" + " ".repeat(BODY_LIMIT) + "}";
        Api.Reply reply = api.post(ORGS, op, body);
        assertProblem(reply, 413, "payload-too-large", ORGS);
        assertThat(reply.text("/detail")).contains(String.valueOf(BODY_LIMIT));
        assertThat(hub.snapshot()).isEqualTo(before);
    }

    @Test
    void oversizedBody_sentChunked_gets413_andIsNotProcessed() throws Exception {
        String before = hub.snapshot();
        byte[] body = ("{\"name\": \"Big\", \"role\": \"partner\"" + " ".repeat(4 * BODY_LIMIT) + "}")
                .getBytes(StandardCharsets.UTF_8);
        Api.Reply reply = api.sendChunked("POST", ORGS, op, body, "application/json");
        assertProblem(reply, 413, "payload-too-large", ORGS);
        assertThat(hub.snapshot()).isEqualTo(before);
    }

    @Test
    void bodyJustUnderTheLimit_isProcessed() {
        String prefix = "{\"name\": \"Fits\", \"role\": \"partner\"";
        String body = prefix + " ".repeat(BODY_LIMIT - prefix.length() - 1) + "}";
        assertThat(body).hasSize(BODY_LIMIT);
        assertThat(api.post(ORGS, op, body).status()).isEqualTo(201);
    }

    @Test
    void enumValues_areAcceptedInAnyCase_andAnsweredInLowerCase() {
        Api.Reply reply = created(api.post(ORGS, op, "{\"name\": \"Case Partner\", \"role\": \"PaRtNeR\"}"));
        assertThat(reply.text("/role")).isEqualTo("partner");
        Api.Reply decided = api.put(PRODUCTS + "/" + pendingProductId + "/approval", op,
                "{\"state\": \"CONDITIONALLY_APPROVED\", \"note\": \"until the audit\"}");
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.text("/approvalState")).isEqualTo("conditionally_approved");
        assertThat(api.put(PRODUCTS + "/" + pendingProductId + "/approval", op, "{\"state\": \"pending\"}").status())
                .isEqualTo(200);
    }

    private static void assertProblem(Api.Reply reply, int status, String type, String path) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(reply.text("/type")).isEqualTo("https://pactum.io/problems/" + type);
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.text("/title")).isNotBlank();
        assertThat(reply.text("/code")).isEqualTo(type.replace('-', '_'));
        assertThat(reply.text("/instance")).isEqualTo(path);
    }

    /** An agreement for the partner over the approved product, sharing its temperature, with {@code more} members. */
    private String agreement(String more) {
        return "{\"recipientId\": \"" + partnerId + "\", \"productIds\": [\"" + approvedProductId + "\"], "
                + "\"fields\": {\"temperature\": {\"transform\": \"keep\"}}, \"legalBasis\": \"contract\", " + more + "}";
    }

    private String agreementWithField(String rule) {
        return agreement("\"purpose\": \"healthcare\"").replace("{\"transform\": \"keep\"}", rule);
    }

    private String consent(String more) {
        return "{\"subjectId\": \"subj-1\", \"recipientId\": \"" + partnerId + "\", \"purpose\": \"healthcare\", " + more + "}";
    }

    private static Api.Reply created(Api.Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply;
    }

    private String groupId() {
        return api.get(GROUPS, op).json().get("items").get(0).get("id").asText();
    }

    private static String product(String model, String firmware) {
        return product(model, firmware, "[{\"name\": \"temperature\", \"type\": \"number\", \"unit\": \"Cel\", "
                + "\"min\": -40, \"max\": 85, \"category\": \"technical\"}]");
    }

    private static String product(String model, String firmware, String fields) {
        return "{\"model\": \"%s\", \"firmwareVersion\": \"%s\", \"dataModel\": {\"fields\": %s}, \"payloadFormat\": \"json\"}"
                .formatted(model, firmware, fields);
    }

    /** A product by the operator for the supplier whose data model has {@code field} at {@code index}, valid fields before it. */
    private String productWithField(int index, String field) {
        StringBuilder fields = new StringBuilder("[");
        for (int i = 0; i < index; i++) {
            fields.append("{\"name\": \"").append((char) ('a' + i)).append("\", \"type\": \"number\", \"category\": \"technical\"}, ");
        }
        fields.append(field).append("]");
        return product("M", "1", fields.toString()).replace("{\"model\"", "{\"supplierId\": \"" + supplierId + "\", \"model\"");
    }
}
