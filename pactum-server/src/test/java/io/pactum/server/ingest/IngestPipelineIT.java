package io.pactum.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.ingest.AuthenticatedDevice;
import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.Channel;
import io.pactum.core.ingest.FieldValue;
import io.pactum.core.ingest.InboundMessage;
import io.pactum.core.ingest.IngestOutcome;
import io.pactum.core.ingest.RejectReason;
import io.pactum.core.ingest.RetentionSweep;
import io.pactum.core.integrity.IntegrityMethod;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.NewDevice;
import io.pactum.core.registry.ProvisionedDevice;
import io.pactum.core.security.Principal;
import io.pactum.core.security.RandomSecrets;
import io.pactum.core.signal.SecuritySignal;
import io.pactum.core.signal.SignalType;
import io.pactum.sdk.DeviceMessages;
import io.pactum.sdk.SenmlPack;
import io.pactum.server.DeviceGateway;
import io.pactum.server.LocalRegistry;
import io.pactum.server.config.ConfigLoader;
import io.pactum.server.config.PactumConfig;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #3, "Integrity" and "Validation": the ingest path over the real registry and H2 store.
 * Every rejected message is rejected for its reason, raises its signal, and stores nothing.
 */
class IngestPipelineIT {
    private static final Instant MEASURED = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    java.nio.file.Path dir;

    private PactumConfig config;
    private LocalRegistry local;
    private DeviceGateway gateway;
    private Fleet fleet;

    @BeforeEach
    void start() {
        config = ConfigLoader.load(null, Map.of(), Map.of(
                "pactum.data-dir", dir.toString(),
                "pactum.security.secret-hash-iterations", "10000"));
        local = LocalRegistry.open(config);
        gateway = DeviceGateway.create(local);
        fleet = Fleet.create(local.registry());
    }

    @AfterEach
    void stop() {
        gateway.close();
        local.close();
    }

    private static byte[] glucosePack(double value) {
        return SenmlPack.withBaseName("urn:dev:" + Fleet.GLUCOSE_DEVICE + ":")
                .add("glucose", value, "mmol/L", MEASURED).toCbor();
    }

    private byte[] protectedGlucose(long counter, double value) {
        return DeviceMessages.mac0(Fleet.GLUCOSE_DEVICE, fleet.glucoseMacKey(), counter, glucosePack(value));
    }

    private IngestOutcome send(AuthenticatedDevice device, byte[] payload) {
        return send(device, payload, false);
    }

    private IngestOutcome send(AuthenticatedDevice device, byte[] payload, boolean redelivery) {
        return gateway.ingest().ingest(device,
                new InboundMessage(Channel.TELEMETRY, payload, Instant.now(), "test", "127.0.0.1", redelivery));
    }

    private List<CanonicalRecord> stored(String deviceId) {
        return local.database().records().listByDevice(deviceId, Instant.EPOCH, Instant.now().plusSeconds(3600), 1000);
    }

    private List<SignalType> signals() {
        return gateway.signals().recent().stream().map(SecuritySignal::type).toList();
    }

    private void assertRejected(IngestOutcome outcome, RejectReason reason, SignalType signal) {
        assertThat(outcome).isInstanceOfSatisfying(IngestOutcome.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(reason));
        assertThat(signals()).contains(signal);
    }

    @Test
    void protectedSenmlCbor_isVerifiedTranslatedAndStored_withProvenanceAndSubject() {
        IngestOutcome outcome = send(fleet.glucoseConnected(gateway), protectedGlucose(1, 5.4));

        assertThat(outcome).isInstanceOf(IngestOutcome.Accepted.class);
        CanonicalRecord record = stored(Fleet.GLUCOSE_DEVICE).get(0);
        assertThat(record.fields()).containsExactly(
                new FieldValue("glucose", FieldType.NUMBER, 5.4, "mmol/L", DataCategory.HEALTH));
        assertThat(record.time()).isEqualTo(MEASURED);
        assertThat(record.subjectId()).isEqualTo(Fleet.SUBJECT);
        assertThat(record.provenance().integrity()).isEqualTo(IntegrityMethod.COSE_MAC0);
        assertThat(record.provenance().counter()).isEqualTo(1L);
        assertThat(record.flagged()).isFalse();
        assertThat(((IngestOutcome.Accepted) outcome).records()).containsExactly(record);
    }

    @Test
    void tamperedPayload_isRejectedAsIntegrityFailure_andNothingIsStored() {
        byte[] message = protectedGlucose(1, 5.4);
        message[message.length - 40] ^= 0x01;

        assertRejected(send(fleet.glucoseConnected(gateway), message), RejectReason.INTEGRITY_FAILURE,
                SignalType.INTEGRITY_FAILURE);
        assertThat(stored(Fleet.GLUCOSE_DEVICE)).isEmpty();
    }

    @Test
    void messageMacedWithAnotherKey_isRejected() {
        byte[] forged = DeviceMessages.mac0(Fleet.GLUCOSE_DEVICE, RandomSecrets.bytes(32), 1, glucosePack(5.4));

        assertRejected(send(fleet.glucoseConnected(gateway), forged), RejectReason.INTEGRITY_FAILURE,
                SignalType.INTEGRITY_FAILURE);
        assertThat(stored(Fleet.GLUCOSE_DEVICE)).isEmpty();
    }

    @Test
    void messageOfAnotherDevice_isRejectedEvenWithAValidMacOfThatDevice() {
        byte[] ofAnother = DeviceMessages.mac0("glucose-9999", fleet.glucoseMacKey(), 1, glucosePack(5.4));

        assertRejected(send(fleet.glucoseConnected(gateway), ofAnother), RejectReason.INTEGRITY_FAILURE,
                SignalType.INTEGRITY_FAILURE);
    }

    @Test
    void replayedCounter_isRejected_butATransportRedeliveryIsAcknowledgedWithoutStoringTwice() {
        AuthenticatedDevice device = fleet.glucoseConnected(gateway);
        byte[] message = protectedGlucose(7, 5.4);
        assertThat(send(device, message)).isInstanceOf(IngestOutcome.Accepted.class);

        assertRejected(send(device, message), RejectReason.REPLAY, SignalType.REPLAY);
        assertThat(send(device, message, true)).isEqualTo(new IngestOutcome.Duplicate(7));
        assertRejected(send(device, protectedGlucose(7, 9.9)), RejectReason.REPLAY, SignalType.REPLAY);
        assertThat(stored(Fleet.GLUCOSE_DEVICE)).hasSize(1);
    }

    @Test
    void olderCounterWithinTheWindow_isAccepted_butOneBeyondItIsStale() {
        AuthenticatedDevice device = fleet.glucoseConnected(gateway);
        assertThat(send(device, protectedGlucose(100, 5.0))).isInstanceOf(IngestOutcome.Accepted.class);

        assertThat(send(device, protectedGlucose(99, 5.1))).as("reordered").isInstanceOf(IngestOutcome.Accepted.class);
        assertRejected(send(device, protectedGlucose(20, 5.2)), RejectReason.REPLAY, SignalType.REPLAY);
        assertThat(stored(Fleet.GLUCOSE_DEVICE)).hasSize(2);
    }

    @Test
    void counterReplay_afterAHubRestart_isStillRejected() {
        byte[] message = protectedGlucose(3, 5.4);
        assertThat(send(fleet.glucoseConnected(gateway), message)).isInstanceOf(IngestOutcome.Accepted.class);

        gateway.close();
        local.close();
        local = LocalRegistry.open(config);
        gateway = DeviceGateway.create(local);

        assertRejected(send(fleet.glucoseConnected(gateway), message), RejectReason.REPLAY, SignalType.REPLAY);
        assertThat(stored(Fleet.GLUCOSE_DEVICE)).hasSize(1);
    }

    @Test
    void unprotectedMessage_toAProductThatRequiresProtection_isRejected() {
        assertRejected(send(fleet.glucoseConnected(gateway), glucosePack(5.4)), RejectReason.UNPROTECTED,
                SignalType.UNPROTECTED_MESSAGE);
        assertThat(stored(Fleet.GLUCOSE_DEVICE)).isEmpty();
    }

    @Test
    void unprotectedJson_toAProductThatAllowsIt_isStoredWithoutCounter() {
        IngestOutcome outcome = send(fleet.thermoConnected(gateway),
                "{\"temperature\": 21.5, \"heating\": true}".getBytes(StandardCharsets.UTF_8));

        assertThat(outcome).isInstanceOf(IngestOutcome.Accepted.class);
        CanonicalRecord record = stored(Fleet.THERMO_DEVICE).get(0);
        assertThat(record.provenance().integrity()).isEqualTo(IntegrityMethod.NONE);
        assertThat(record.provenance().counter()).isNull();
        assertThat(record.fields()).extracting(FieldValue::name).containsExactly("temperature", "heating");
    }

    @Test
    void implausibleValue_isRejectedWhereTheProductRejects_andStoredFlaggedWhereItFlags() {
        assertRejected(send(fleet.glucoseConnected(gateway), protectedGlucose(1, 55.0)), RejectReason.INVALID_VALUE,
                SignalType.IMPLAUSIBLE_VALUE);
        assertThat(stored(Fleet.GLUCOSE_DEVICE)).isEmpty();

        IngestOutcome flagged = send(fleet.thermoConnected(gateway),
                "{\"temperature\": 400}".getBytes(StandardCharsets.UTF_8));
        assertThat(flagged).isInstanceOf(IngestOutcome.Accepted.class);
        assertThat(stored(Fleet.THERMO_DEVICE)).singleElement().satisfies(r -> assertThat(r.flagged()).isTrue());
    }

    @Test
    void implausibleValue_neverReachesTheSecurityLogWithItsValue() {
        send(fleet.glucoseConnected(gateway), protectedGlucose(1, 37.77777));
        send(fleet.glucoseConnected(gateway), protectedGlucose(2, 55.12345));

        assertThat(gateway.signals().recent()).extracting(SecuritySignal::detail)
                .noneMatch(detail -> detail.contains("55.12345"));
    }

    @Test
    void malformedPayloadInsideAValidMac_isRejected_andItsCounterIsUsedUp() {
        byte[] truncated = java.util.Arrays.copyOf(glucosePack(5.4), 10);
        byte[] message = DeviceMessages.mac0(Fleet.GLUCOSE_DEVICE, fleet.glucoseMacKey(), 4, truncated);
        AuthenticatedDevice device = fleet.glucoseConnected(gateway);

        assertRejected(send(device, message), RejectReason.MALFORMED_PAYLOAD, SignalType.MALFORMED_PAYLOAD);
        assertRejected(send(device, message), RejectReason.REPLAY, SignalType.REPLAY);
        assertThat(stored(Fleet.GLUCOSE_DEVICE)).isEmpty();
    }

    @Test
    void wrongTypesAndMissingFields_areRejectedWithReasons() {
        AuthenticatedDevice thermo = fleet.thermoConnected(gateway);

        IngestOutcome wrongType = send(thermo, "{\"temperature\": \"warm\"}".getBytes(StandardCharsets.UTF_8));
        IngestOutcome noField = send(thermo, "{\"humidity\": 40}".getBytes(StandardCharsets.UTF_8));
        IngestOutcome notJson = send(thermo, "{\"temperature\": ".getBytes(StandardCharsets.UTF_8));

        assertThat(List.of(wrongType, noField, notJson)).allSatisfy(o -> assertThat(o)
                .isInstanceOf(IngestOutcome.Rejected.class));
        assertThat(((IngestOutcome.Rejected) wrongType).detail()).contains("temperature");
        assertThat(stored(Fleet.THERMO_DEVICE)).isEmpty();
    }

    /**
     * Property: whatever a device sends, every record the hub stores satisfies the product's data
     * model: declared fields only, of the declared type and unit, and within range unless flagged.
     */
    @Test
    void everyStoredRecord_satisfiesTheDataModel_forRandomPayloads() {
        Random random = new Random(20261123);
        AuthenticatedDevice thermo = fleet.thermoConnected(gateway);
        String[] values = {"21.5", "-40", "85", "85.0001", "-1e3", "\"x\"", "true", "null", "1e308", "[]", "{}", "7"};
        String[] names = {"temperature", "heating", "humidity", "Temperature"};
        for (int i = 0; i < 400; i++) {
            StringBuilder json = new StringBuilder("{");
            int members = random.nextInt(3);
            for (int m = 0; m < members; m++) {
                json.append(m > 0 ? "," : "").append('"').append(names[random.nextInt(names.length)] + m).append("\":")
                        .append(values[random.nextInt(values.length)]);
            }
            if (random.nextBoolean()) {
                json.append(members > 0 ? "," : "").append("\"temperature\":").append(values[random.nextInt(values.length)]);
            }
            if (random.nextBoolean()) {
                json.append(members > 0 || json.length() > 1 ? "," : "").append("\"heating\":")
                        .append(values[random.nextInt(values.length)]);
            }
            send(thermo, json.append('}').toString().getBytes(StandardCharsets.UTF_8));
        }

        List<CanonicalRecord> stored = stored(Fleet.THERMO_DEVICE);
        assertThat(stored).as("some random payloads were valid").isNotEmpty();
        for (CanonicalRecord record : stored) {
            for (FieldValue field : record.fields()) {
                switch (field.name()) {
                    case "temperature" -> {
                        assertThat(field.type()).isEqualTo(FieldType.NUMBER);
                        assertThat(field.unit()).isEqualTo("Cel");
                        double value = (Double) field.value();
                        assertThat(record.flagged() || (value >= -40 && value <= 85)).isTrue();
                    }
                    case "heating" -> assertThat(field.value()).isInstanceOf(Boolean.class);
                    default -> throw new AssertionError("undeclared field stored: " + field.name());
                }
            }
        }
    }

    @Test
    void retentionSweep_deletesOnlyRecordsOlderThanTheirProductKeepsThem() {
        AuthenticatedDevice thermo = fleet.thermoConnected(gateway);
        Instant now = Instant.now();
        byte[] reading = "{\"temperature\": 20}".getBytes(StandardCharsets.UTF_8);
        gateway.ingest().ingest(thermo, new InboundMessage(Channel.TELEMETRY, reading, now.minus(Duration.ofDays(31)),
                "test", null, false));
        gateway.ingest().ingest(thermo, new InboundMessage(Channel.TELEMETRY, reading, now.minus(Duration.ofDays(29)),
                "test", null, false));
        gateway.ingest().ingest(fleet.glucoseConnected(gateway), new InboundMessage(Channel.TELEMETRY,
                protectedGlucose(1, 5.0), now.minus(Duration.ofDays(31)), "test", null, false));

        int deleted = new RetentionSweep(local.database().stores().products(), local.database().records(),
                local.clock()).run();

        assertThat(deleted).as("the thermostat keeps 30 days, the glucose monitor 365").isEqualTo(1);
        assertThat(stored(Fleet.THERMO_DEVICE)).hasSize(1);
        assertThat(stored(Fleet.GLUCOSE_DEVICE)).hasSize(1);
    }

    @Test
    void sign1FromADeviceWithARegisteredKey_isAccepted_andOneSignedWithAnotherKeyIsRejected() throws Exception {
        for (String algorithm : new String[] {"Ed25519", "EC"}) {
            KeyPair device = keyPair(algorithm);
            String id = "signer-" + algorithm.toLowerCase();
            Principal operator = local.registry().bootstrap().localOperator();
            ProvisionedDevice provisioned = local.registry().devices().create(operator, new NewDevice(id,
                    fleet.glucose.id(), null, null, null, null,
                    Base64.getEncoder().encodeToString(device.getPublic().getEncoded())));
            AuthenticatedDevice connected = gateway.authenticator().withSecret(id, provisioned.secret(), "test");
            byte[] payload = SenmlPack.withBaseName("urn:dev:" + id + ":").add("glucose", 6.1, "mmol/L", MEASURED).toCbor();

            IngestOutcome signed = send(connected, DeviceMessages.sign1(id, device.getPrivate(), 1, payload));
            IngestOutcome forged = send(connected, DeviceMessages.sign1(id, keyPair(algorithm).getPrivate(), 2, payload));

            assertThat(signed).as(algorithm).isInstanceOf(IngestOutcome.Accepted.class);
            assertThat(stored(id)).singleElement().satisfies(r ->
                    assertThat(r.provenance().integrity()).isEqualTo(IntegrityMethod.COSE_SIGN1));
            assertRejected(forged, RejectReason.INTEGRITY_FAILURE, SignalType.INTEGRITY_FAILURE);
        }
    }

    private static KeyPair keyPair(String algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        }
        return generator.generateKeyPair();
    }
}
