package io.pactum.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.Channel;
import io.pactum.core.ingest.FieldValue;
import io.pactum.core.integrity.IntegrityMethod;
import io.pactum.core.registry.ApprovalDecision;
import io.pactum.core.registry.ApprovalState;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.DeviceState;
import io.pactum.core.registry.DeviceStateChange;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.ImplausibleValuePolicy;
import io.pactum.core.registry.IngestPolicy;
import io.pactum.core.registry.NewDataSubject;
import io.pactum.core.registry.NewDevice;
import io.pactum.core.registry.NewOrganisation;
import io.pactum.core.registry.NewProduct;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.PayloadFormat;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.ProvisionedDevice;
import io.pactum.core.security.Principal;
import io.pactum.core.signal.SecuritySignal;
import io.pactum.core.signal.SignalType;
import io.pactum.core.translate.TranslationSpec;
import io.pactum.sdk.DeviceMessages;
import io.pactum.sdk.SenmlPack;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue #3, "HTTP ingest": devices that cannot speak MQTT POST their messages, authenticated with
 * their id and secret, through the same pipeline over real sockets and a real H2 database. Every
 * refused or rejected message gets its status and stable code, raises its signal where one applies,
 * and stores nothing.
 *
 * <p>Each test provisions its own devices, so replay windows, states and signals do not meet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceIngestIT {
    private static final int BODY_LIMIT = 4096;
    private static final Instant MEASURED = Instant.parse("2026-11-23T09:00:00Z");
    private static final String SUBJECT = "patient-17";

    private TestHub hub;
    private Api api;
    private Principal operator;
    private String supplierId;
    private Product glucose;
    private Product thermostat;
    private final AtomicInteger unique = new AtomicInteger();

    @BeforeAll
    void setUp(@TempDir Path dataDir) throws Exception {
        hub = TestHub.withDeviceIngest(dataDir, BODY_LIMIT);
        api = hub.api;
        operator = hub.registry.bootstrap().localOperator();
        supplierId = hub.registry.organisations()
                .create(operator, new NewOrganisation("Acme Health", OrganisationRole.SUPPLIER)).id();
        // Protected SenML CBOR; implausible values rejected.
        glucose = approvedProduct("Glucose One", PayloadFormat.SENML_CBOR,
                List.of(new FieldSpec("glucose", FieldType.NUMBER, "mmol/L", 0.0, 40.0, DataCategory.HEALTH)),
                IngestPolicy.DEFAULT);
        // Unprotected JSON allowed; implausible values stored flagged.
        thermostat = approvedProduct("Thermo", PayloadFormat.JSON, List.of(
                        new FieldSpec("temperature", FieldType.NUMBER, "Cel", -40.0, 85.0, DataCategory.TECHNICAL),
                        new FieldSpec("heating", FieldType.BOOLEAN, null, null, null, DataCategory.BEHAVIOURAL)),
                new IngestPolicy(false, ImplausibleValuePolicy.FLAG, 30));
        hub.registry.subjects().create(operator, new NewDataSubject(SUBJECT));
    }

    @AfterAll
    void tearDown() {
        hub.close();
    }

    // --- accepted ---

    @Test
    void protectedSenmlCbor_isAccepted_andTheAnswerNamesTheDurablyStoredRecord() {
        ProvisionedDevice device = device(glucose, SUBJECT);
        byte[] message = protectedGlucose(device, 1, 5.4);

        Api.Reply reply = post(telemetry(device), basic(device), message, "application/cose");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/json");
        List<CanonicalRecord> stored = stored(device);
        assertThat(stored).hasSize(1);
        CanonicalRecord record = stored.get(0);
        assertThat(reply.json().get("records")).hasSize(1);
        assertThat(reply.text("/records/0")).isEqualTo(record.id());
        assertThat(record.channel()).isEqualTo(Channel.TELEMETRY);
        assertThat(record.fields()).containsExactly(
                new FieldValue("glucose", FieldType.NUMBER, 5.4, "mmol/L", DataCategory.HEALTH));
        assertThat(record.time()).isEqualTo(MEASURED);
        assertThat(record.subjectId()).isEqualTo(SUBJECT);
        assertThat(record.provenance().adapter()).isEqualTo("http");
        assertThat(record.provenance().integrity()).isEqualTo(IntegrityMethod.COSE_MAC0);
        assertThat(record.provenance().counter()).isEqualTo(1L);
        assertThat(signalsOf(device)).isEmpty();
    }

    @Test
    void unprotectedJson_isAcceptedAsAnEvent_forAProductThatAllowsIt() {
        ProvisionedDevice device = device(thermostat, null);

        Api.Reply reply = post(events(device), basic(device),
                "{\"temperature\": 21.5, \"heating\": true}".getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        CanonicalRecord record = stored(device).get(0);
        assertThat(reply.text("/records/0")).isEqualTo(record.id());
        assertThat(record.channel()).isEqualTo(Channel.EVENT);
        assertThat(record.provenance().integrity()).isEqualTo(IntegrityMethod.NONE);
        assertThat(record.provenance().counter()).isNull();
        assertThat(record.fields()).extracting(FieldValue::name).containsExactly("temperature", "heating");
    }

    @Test
    void severalMeasurementTimes_areAnsweredWithOneRecordIdEach() {
        ProvisionedDevice device = device(glucose, null);
        byte[] pack = SenmlPack.withBaseName("urn:dev:" + id(device) + ":")
                .add("glucose", 5.1, "mmol/L", MEASURED)
                .add("glucose", 5.3, "mmol/L", MEASURED.plusSeconds(60))
                .toCbor();

        Api.Reply reply = post(telemetry(device), basic(device), mac0(device, 1, pack), "application/cose");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().get("records")).hasSize(2);
        assertThat(List.of(reply.text("/records/0"), reply.text("/records/1")))
                .containsExactlyInAnyOrderElementsOf(stored(device).stream().map(CanonicalRecord::id).toList());
    }

    // --- device authentication ---

    @Test
    void wrongSecret_andUnknownDevice_get401WithTheSameProblem_andABasicChallenge() {
        ProvisionedDevice device = device(glucose, null);
        byte[] message = protectedGlucose(device, 1, 5.4);

        Api.Reply wrongSecret = post(telemetry(device), basic(id(device), device.secret() + "x"), message, "application/cose");
        Api.Reply unknown = post("/ingest/v1/devices/nobody-0001/telemetry", basic("nobody-0001", device.secret()),
                message, "application/cose");

        for (Api.Reply reply : List.of(wrongSecret, unknown)) {
            assertProblem(reply, 401, "unauthenticated");
            assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"pactum-devices\"");
        }
        // The whole document but the request path: an unknown id and a wrong secret cannot be told apart.
        assertThat(withoutInstance(unknown)).isEqualTo(withoutInstance(wrongSecret));
        assertThat(wrongSecret.raw()).doesNotContain(device.secret());
        assertThat(stored(device)).isEmpty();
        assertThat(signalsOf(device)).contains(SignalType.AUTHENTICATION_FAILURE);
        assertThat(signalTypes("nobody-0001")).contains(SignalType.AUTHENTICATION_FAILURE);
    }

    @Test
    void missingOrMalformedCredentials_get401WithABasicChallenge() {
        ProvisionedDevice device = device(glucose, null);
        byte[] message = protectedGlucose(device, 1, 5.4);
        Map<String, @Nullable String> headers = new HashMap<>();
        headers.put("no Authorization header", null);
        headers.put("bearer scheme", "Bearer " + device.secret());
        headers.put("not base64", "Basic ***");
        headers.put("no colon", "Basic " + base64(id(device)));
        headers.put("empty secret", "Basic " + base64(id(device) + ":"));
        headers.put("empty user name", "Basic " + base64(":" + device.secret()));

        headers.forEach((what, authorization) -> {
            Api.Reply reply = post(telemetry(device), authorization, message, "application/cose");
            assertProblem(reply, 401, "unauthenticated");
            assertThat(reply.headers().firstValue("WWW-Authenticate")).as(what).hasValue("Basic realm=\"pactum-devices\"");
        });
        assertThat(stored(device)).isEmpty();
    }

    @Test
    void credentialsOfAnotherDevice_thanThePathNames_get403_andNothingIsStoredForEither() {
        ProvisionedDevice sender = device(glucose, null);
        ProvisionedDevice named = device(glucose, null);

        Api.Reply reply = post(telemetry(named), basic(sender), protectedGlucose(sender, 1, 5.4), "application/cose");

        assertProblem(reply, 403, "device_mismatch");
        assertThat(stored(named)).isEmpty();
        assertThat(stored(sender)).isEmpty();
    }

    @Test
    void quarantinedDevice_isRefusedWith403_evenWithTheRightSecret() {
        ProvisionedDevice device = device(glucose, null);
        hub.registry.devices().changeState(operator, id(device), new DeviceStateChange(DeviceState.QUARANTINED, "test"));

        Api.Reply reply = post(telemetry(device), basic(device), protectedGlucose(device, 1, 5.4), "application/cose");

        assertProblem(reply, 403, "device_quarantined");
        assertThat(stored(device)).isEmpty();
        assertThat(signalsOf(device)).contains(SignalType.CONNECTION_REFUSED);
    }

    @Test
    void revokedDevice_isRefusedWith403() {
        ProvisionedDevice device = device(glucose, null);
        hub.registry.devices().changeState(operator, id(device), new DeviceStateChange(DeviceState.REVOKED, "test"));

        assertProblem(post(telemetry(device), basic(device), protectedGlucose(device, 1, 5.4), "application/cose"),
                403, "device_revoked");
        assertThat(stored(device)).isEmpty();
        assertThat(signalsOf(device)).contains(SignalType.CONNECTION_REFUSED);
    }

    @Test
    void deviceOfAProductSuspendedAfterProvisioning_isRefusedWith403() {
        Product scale = approvedProduct("Scale " + unique.incrementAndGet(), PayloadFormat.JSON,
                List.of(new FieldSpec("mass", FieldType.NUMBER, "kg", 0.0, 300.0, DataCategory.HEALTH)),
                new IngestPolicy(false, ImplausibleValuePolicy.REJECT, 30));
        ProvisionedDevice device = device(scale, null);
        byte[] reading = "{\"mass\": 72.5}".getBytes(StandardCharsets.UTF_8);
        assertThat(post(telemetry(device), basic(device), reading, "application/json").status()).isEqualTo(200);
        hub.registry.products().decide(operator, scale.id(), new ApprovalDecision(ApprovalState.SUSPENDED, "recall"));

        assertProblem(post(telemetry(device), basic(device), reading, "application/json"), 403, "product_not_approved");
        assertThat(stored(device)).hasSize(1);
        assertThat(signalsOf(device)).contains(SignalType.CONNECTION_REFUSED);
    }

    // --- integrity, replay, translation, validation ---

    @Test
    void tamperedMac_isRejectedWith403AsIntegrityFailure() {
        ProvisionedDevice device = device(glucose, null);
        byte[] message = protectedGlucose(device, 1, 5.4);
        message[message.length - 1] ^= 0x01;

        assertProblem(post(telemetry(device), basic(device), message, "application/cose"), 403, "integrity_failure");
        assertThat(stored(device)).isEmpty();
        assertThat(signalsOf(device)).contains(SignalType.INTEGRITY_FAILURE);
    }

    @Test
    void tamperedPayload_isRejectedWith403AsIntegrityFailure() {
        ProvisionedDevice device = device(glucose, null);
        byte[] message = protectedGlucose(device, 1, 5.4);
        message[message.length - 40] ^= 0x01;

        assertProblem(post(telemetry(device), basic(device), message, "application/cose"), 403, "integrity_failure");
        assertThat(stored(device)).isEmpty();
        assertThat(signalsOf(device)).contains(SignalType.INTEGRITY_FAILURE);
    }

    @Test
    void replayedMessage_isRejectedWith409_andStoredOnlyOnce() {
        ProvisionedDevice device = device(glucose, null);
        byte[] message = protectedGlucose(device, 7, 5.4);
        assertThat(post(telemetry(device), basic(device), message, "application/cose").status()).isEqualTo(200);

        assertProblem(post(telemetry(device), basic(device), message, "application/cose"), 409, "replay");
        // A new message with a used counter is a replay as well, on either channel.
        assertProblem(post(events(device), basic(device), protectedGlucose(device, 7, 9.9), "application/cose"),
                409, "replay");
        assertThat(stored(device)).hasSize(1);
        assertThat(signalsOf(device)).contains(SignalType.REPLAY);
    }

    @Test
    void unprotectedMessage_toAProductThatRequiresProtection_isRejectedWith403() {
        ProvisionedDevice device = device(glucose, null);

        assertProblem(post(telemetry(device), basic(device), glucosePack(device, 5.4), "application/senml+cbor"),
                403, "unprotected_message");
        assertThat(stored(device)).isEmpty();
        assertThat(signalsOf(device)).contains(SignalType.UNPROTECTED_MESSAGE);
    }

    @Test
    void malformedPayload_isRejectedWith400() {
        ProvisionedDevice device = device(glucose, null);
        byte[] pack = glucosePack(device, 5.4);
        byte[] truncated = Arrays.copyOf(pack, pack.length - 3);

        Api.Reply reply = post(telemetry(device), basic(device), mac0(device, 1, truncated), "application/cose");

        assertProblem(reply, 400, "malformed_payload");
        assertThat(stored(device)).isEmpty();
        assertThat(signalsOf(device)).contains(SignalType.MALFORMED_PAYLOAD);
    }

    @Test
    void malformedJson_ofAnUnprotectedProduct_isRejectedWith400() {
        ProvisionedDevice device = device(thermostat, null);

        assertProblem(post(telemetry(device), basic(device), "{\"temperature\": 21.5".getBytes(StandardCharsets.UTF_8),
                "application/json"), 400, "malformed_payload");
        assertThat(stored(device)).isEmpty();
        assertThat(signalsOf(device)).contains(SignalType.MALFORMED_PAYLOAD);
    }

    @Test
    void implausibleValue_isRejectedWith422_namingTheViolation() {
        ProvisionedDevice device = device(glucose, null);

        Api.Reply reply = post(telemetry(device), basic(device), protectedGlucose(device, 1, 55.0), "application/cose");

        assertProblem(reply, 422, "invalid_value");
        assertThat(reply.text("/detail")).contains("glucose");
        assertThat(stored(device)).isEmpty();
        assertThat(signalsOf(device)).contains(SignalType.IMPLAUSIBLE_VALUE);
    }

    @Test
    void oversizedBody_isRefusedWith413_beforeAnythingIsProcessed() {
        ProvisionedDevice device = device(thermostat, null);
        byte[] large = ("{\"temperature\": 21.5, \"pad\": \"" + "x".repeat(BODY_LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8);

        Api.Reply declared = post(telemetry(device), basic(device), large, "application/json");
        Api.Reply chunked = api.exchange("POST", telemetry(device), basic(device),
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(large)), "application/json");

        for (Api.Reply reply : List.of(declared, chunked)) {
            assertProblem(reply, 413, "payload_too_large");
            assertThat(reply.text("/detail")).contains(String.valueOf(BODY_LIMIT));
        }
        assertThat(stored(device)).isEmpty();
        // Refused while the body is read, before the device is authenticated: no device to raise a signal for.
        assertThat(signalsOf(device)).isEmpty();
    }

    // --- the routes themselves ---

    @Test
    void otherMethods_andUnknownChannels_getProblems_notTheIngestPath() {
        ProvisionedDevice device = device(thermostat, null);
        byte[] reading = "{\"temperature\": 21.5}".getBytes(StandardCharsets.UTF_8);

        assertProblem(api.exchange("GET", telemetry(device), basic(device), HttpRequest.BodyPublishers.noBody(), null),
                405, "method_not_allowed");
        assertProblem(post("/ingest/v1/devices/" + id(device) + "/commands", basic(device), reading, "application/json"),
                404, "not_found");
        assertThat(stored(device)).isEmpty();
    }

    @Test
    void bearerTokens_areNotDeviceCredentials_andDeviceCredentialsAreNotBearerTokens() {
        ProvisionedDevice device = device(thermostat, null);
        byte[] reading = "{\"temperature\": 21.5}".getBytes(StandardCharsets.UTF_8);

        Api.Reply withToken = post(telemetry(device), "Bearer " + hub.operatorToken, reading, "application/json");
        Api.Reply onTheApi = api.exchange("GET", "/api/v1/me", basic(device), HttpRequest.BodyPublishers.noBody(), null);

        assertProblem(withToken, 401, "unauthenticated");
        assertProblem(onTheApi, 401, "unauthenticated");
        assertThat(onTheApi.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(stored(device)).isEmpty();
    }

    @Test
    void secretsCredentialsAndPayloads_neverAppearInLogs() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logging);
        captured.start();
        Map<Logger, Level> levels = new HashMap<>();
        for (Logger logger : List.of(logging.getLogger(Logger.ROOT_LOGGER_NAME), logging.getLogger("pactum.security"),
                logging.getLogger("io.pactum"))) {
            levels.put(logger, logger.getLevel());
            logger.setLevel(Level.TRACE);
        }
        logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(captured);
        ProvisionedDevice thermo = device(thermostat, null);
        ProvisionedDevice gluco = device(glucose, null);
        String reading = "{\"temperature\": 23.25, \"heating\": false}";
        String implausible = "{\"temperature\": 99.75}";
        byte[] protectedMessage = protectedGlucose(gluco, 1, 31.5);
        try {
            post(telemetry(thermo), basic(thermo), reading.getBytes(StandardCharsets.UTF_8), "application/json");
            post(telemetry(thermo), basic(thermo), implausible.getBytes(StandardCharsets.UTF_8), "application/json");
            post(telemetry(thermo), basic(id(thermo), thermo.secret() + "x"), reading.getBytes(StandardCharsets.UTF_8),
                    "application/json");
            post(telemetry(gluco), basic(thermo), protectedMessage, "application/cose");
            post(telemetry(gluco), basic(gluco), protectedMessage, "application/cose");
            post(telemetry(gluco), basic(gluco), protectedMessage, "application/cose");
        } finally {
            logging.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(captured);
            levels.forEach(Logger::setLevel);
        }

        assertThat(captured.list).as("the refusals were logged").isNotEmpty();
        String hexMessage = HexFormat.of().formatHex(protectedMessage);
        for (ILoggingEvent event : captured.list) {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(line).as("log line from %s", event.getLoggerName())
                    .doesNotContain(thermo.secret(), gluco.secret(), thermo.macKey(), gluco.macKey())
                    .doesNotContain(basic(thermo).substring(6), basic(gluco).substring(6))
                    .doesNotContain(reading, implausible, "23.25", "99.75", "31.5")
                    .doesNotContainIgnoringCase(hexMessage.substring(0, 32));
        }
    }

    // --- helpers ---

    private Product approvedProduct(String model, PayloadFormat format, List<FieldSpec> fields, IngestPolicy policy) {
        Product product = hub.registry.products().create(operator, new NewProduct(supplierId, model, "1.0",
                new DataModel(fields), format, TranslationSpec.DEFAULTS, policy));
        return hub.registry.products().decide(operator, product.id(), new ApprovalDecision(ApprovalState.APPROVED, null));
    }

    private ProvisionedDevice device(Product product, @Nullable String subjectId) {
        return hub.registry.devices().create(operator,
                new NewDevice("dev-" + unique.incrementAndGet(), product.id(), null, subjectId, null, null));
    }

    private static String id(ProvisionedDevice device) {
        return device.device().id();
    }

    private static String telemetry(ProvisionedDevice device) {
        return "/ingest/v1/devices/" + id(device) + "/telemetry";
    }

    private static String events(ProvisionedDevice device) {
        return "/ingest/v1/devices/" + id(device) + "/events";
    }

    private static String basic(ProvisionedDevice device) {
        return basic(id(device), device.secret());
    }

    private static String basic(String user, String password) {
        return "Basic " + base64(user + ":" + password);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] glucosePack(ProvisionedDevice device, double value) {
        return SenmlPack.withBaseName("urn:dev:" + id(device) + ":").add("glucose", value, "mmol/L", MEASURED).toCbor();
    }

    private static byte[] mac0(ProvisionedDevice device, long counter, byte[] payload) {
        return DeviceMessages.mac0(id(device), Base64.getUrlDecoder().decode(device.macKey()), counter, payload);
    }

    private static byte[] protectedGlucose(ProvisionedDevice device, long counter, double value) {
        return mac0(device, counter, glucosePack(device, value));
    }

    private Api.Reply post(String path, @Nullable String authorization, byte[] body, String contentType) {
        return api.exchange("POST", path, authorization, HttpRequest.BodyPublishers.ofByteArray(body), contentType);
    }

    private List<CanonicalRecord> stored(ProvisionedDevice device) {
        return hub.database.records().listByDevice(id(device), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 1000);
    }

    private List<SignalType> signalsOf(ProvisionedDevice device) {
        return signalTypes(id(device));
    }

    private List<SignalType> signalTypes(String deviceId) {
        return hub.signals.recent().stream().filter(s -> s.subject().equals(deviceId)).map(SecuritySignal::type).toList();
    }

    private static void assertProblem(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(reply.text("/code")).as("%s", reply).isEqualTo(code);
        assertThat(reply.text("/type")).isEqualTo("https://pactum.io/problems/" + code.replace('_', '-'));
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.text("/detail")).isNotBlank();
    }

    private static ObjectNode withoutInstance(Api.Reply reply) {
        ObjectNode copy = ((ObjectNode) reply.json()).deepCopy();
        copy.remove("instance");
        return copy;
    }
}
