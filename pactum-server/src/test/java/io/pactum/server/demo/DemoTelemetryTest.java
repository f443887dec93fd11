package io.pactum.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.core.integrity.DeviceKeys;
import io.pactum.core.integrity.IntegrityMethod;
import io.pactum.core.integrity.MessageVerifier;
import io.pactum.core.integrity.VerifiedMessage;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.PayloadFormat;
import io.pactum.core.translate.PayloadTranslator;
import io.pactum.core.translate.PayloadTranslators;
import io.pactum.core.translate.RecordValidator;
import io.pactum.core.translate.TranslationException;
import io.pactum.core.translate.TranslationSpec;
import io.pactum.core.translate.ValidationResult;
import io.pactum.core.translate.ViolationKind;
import io.pactum.server.simulate.SimDevice;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class DemoTelemetryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-14T08:00:00Z"), ZoneOffset.UTC);
    private static final byte[] NO_AAD = new byte[0];
    private static final int STEPS = 10_000;
    /** The most messages a device sends in a run: two hours at ten a second. */
    private static final int MOST_STEPS = 72_000;

    private static SimDevice device(String id) {
        byte[] macKey = new byte[DeviceKeys.MAC_KEY_BYTES];
        for (int i = 0; i < macKey.length; i++) {
            macKey[i] = (byte) (id.hashCode() + i);
        }
        return new SimDevice(id, "secret-of-" + id, macKey);
    }

    private static LongFunction<byte[]> payloads(DeviceKind kind, SimDevice device) {
        return DemoTelemetry.of(kind).forDevice(device);
    }

    private static JsonNode product(DeviceKind kind) throws JsonProcessingException {
        return JSON.readTree(kind.productJson("supplier-1"));
    }

    /** The product's data model as the supplier registers it. */
    private static DataModel dataModel(DeviceKind kind) throws JsonProcessingException {
        List<FieldSpec> fields = new ArrayList<>();
        for (JsonNode field : product(kind).get("dataModel").get("fields")) {
            fields.add(new FieldSpec(field.get("name").asText(),
                    FieldType.valueOf(field.get("type").asText().toUpperCase(Locale.ROOT)),
                    field.hasNonNull("unit") ? field.get("unit").asText() : null,
                    field.hasNonNull("min") ? field.get("min").doubleValue() : null,
                    field.hasNonNull("max") ? field.get("max").doubleValue() : null,
                    DataCategory.valueOf(field.get("category").asText().toUpperCase(Locale.ROOT))));
        }
        return new DataModel(fields);
    }

    /** Reads a product's payloads as the hub does, with the default translation of its format. */
    private static final class Reader {
        private final PayloadTranslator translator;
        private final RecordValidator validator;

        Reader(DeviceKind kind) throws JsonProcessingException {
            PayloadFormat format = PayloadFormat.valueOf(product(kind).get("payloadFormat").asText()
                    .toUpperCase(Locale.ROOT));
            DataModel model = dataModel(kind);
            translator = PayloadTranslators.create(format, TranslationSpec.defaultFor(format), model, CLOCK);
            validator = new RecordValidator(model);
        }

        ValidationResult read(byte[] payload) {
            return validator.validate(translator.translate(payload));
        }
    }

    private static JsonNode json(byte[] payload) throws JsonProcessingException {
        return JSON.readTree(new String(payload, StandardCharsets.UTF_8));
    }

    @Test
    void glucoseMonitor_sendsMac0ThatTheHubVerifies_countingFromOne() {
        SimDevice device = device("glucose-0001");
        LongFunction<byte[]> payloads = payloads(DeviceKind.GLUCOSE_MONITOR, device);

        for (int step = 0; step < 3; step++) {
            byte[] message = payloads.apply(step);
            VerifiedMessage verified = MessageVerifier.verify(message, device.id(), DeviceKeys.mac(device.macKey()),
                    NO_AAD);

            assertThat(MessageVerifier.isCose(message)).isTrue();
            assertThat(verified.method()).isEqualTo(IntegrityMethod.COSE_MAC0);
            assertThat(verified.counter()).isEqualTo(step + 1);
            assertThat(verified.keyId()).isEqualTo(device.id());
        }
    }

    @Test
    void productJson_requiresProtectionOfTheGlucoseMonitorOnly() throws JsonProcessingException {
        assertThat(product(DeviceKind.GLUCOSE_MONITOR).get("ingestPolicy").get("protectionRequired").asBoolean())
                .isTrue();
        assertThat(product(DeviceKind.THERMOSTAT).get("ingestPolicy").get("protectionRequired").asBoolean()).isFalse();
        assertThat(product(DeviceKind.TOY).get("ingestPolicy").get("protectionRequired").asBoolean()).isFalse();
    }

    @Test
    void glucoseMonitor_macUnderAnotherKey_isRejected() {
        SimDevice device = device("glucose-0001");
        byte[] otherKey = device.macKey().clone();
        otherKey[0] ^= 1;

        byte[] message = payloads(DeviceKind.GLUCOSE_MONITOR, device).apply(0);

        assertThatThrownBy(() -> MessageVerifier.verify(message, device.id(), DeviceKeys.mac(otherKey), NO_AAD))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void glucoseMonitor_everyPayload_translatesAndValidatesAgainstTheDataModel() throws JsonProcessingException {
        SimDevice device = device("glucose-0001");
        LongFunction<byte[]> payloads = payloads(DeviceKind.GLUCOSE_MONITOR, device);
        Reader reader = new Reader(DeviceKind.GLUCOSE_MONITOR);
        DeviceKeys keys = DeviceKeys.mac(device.macKey());

        for (int step = 0; step < STEPS; step += 5) {
            byte[] payload = MessageVerifier.verify(payloads.apply(step), device.id(), keys, NO_AAD).payload();
            ValidationResult result = reader.read(payload);

            assertThat(result.violations()).as("step %d", step).isEmpty();
            assertThat(result.values()).as("step %d", step).hasSize(2);
        }
    }

    @Test
    void thermostat_sendsTheFiveFieldsAsJson() throws JsonProcessingException {
        JsonNode message = json(payloads(DeviceKind.THERMOSTAT, device("thermostat-0001")).apply(0));

        assertThat(message.fieldNames()).toIterable()
                .containsExactly("temperature", "setpoint", "humidity", "heating", "wifi_ssid");
        assertThat(message.get("temperature").isNumber()).isTrue();
        assertThat(message.get("heating").isBoolean()).isTrue();
        assertThat(message.get("wifi_ssid").asText()).startsWith("HOME-");
    }

    @Test
    void thermostat_readsAnImplausible150AboutOnceIn120_andOtherwiseWithinTheDataModel()
            throws JsonProcessingException {
        LongFunction<byte[]> payloads = payloads(DeviceKind.THERMOSTAT, device("thermostat-0003"));
        int faults = 0;

        for (int step = 0; step < STEPS; step++) {
            double temperature = json(payloads.apply(step)).get("temperature").doubleValue();
            if (temperature == 150) {
                faults++;
            } else {
                assertThat(temperature).as("step %d", step).isBetween(-20.0, 50.0);
            }
        }

        assertThat(faults).isBetween(40, 150);
    }

    @Test
    void thermostat_everyPayload_translates_andOnlyTheFaultsAreImplausible() throws JsonProcessingException {
        LongFunction<byte[]> payloads = payloads(DeviceKind.THERMOSTAT, device("thermostat-0002"));
        Reader reader = new Reader(DeviceKind.THERMOSTAT);
        int implausible = 0;

        for (int step = 0; step < STEPS / 2; step++) {
            byte[] payload = payloads.apply(step);
            ValidationResult result = reader.read(payload);

            if (json(payload).get("temperature").doubleValue() == 150) {
                implausible++;
                assertThat(result.wellFormed()).as("step %d", step).isTrue();
                assertThat(result.violations()).as("step %d", step).singleElement()
                        .satisfies(v -> assertThat(v.kind()).isEqualTo(ViolationKind.OUT_OF_RANGE))
                        .satisfies(v -> assertThat(v.field()).isEqualTo("temperature"));
            } else {
                assertThat(result.violations()).as("step %d", step).isEmpty();
                assertThat(result.values()).as("step %d", step).hasSize(5);
            }
        }

        assertThat(implausible).isPositive();
    }

    @Test
    void toy_sendsSenmlJsonArrays_exceptACutOffPackAboutOnceIn120() {
        LongFunction<byte[]> payloads = payloads(DeviceKind.TOY, device("toy-0004"));
        int cutOff = 0;

        for (int step = 0; step < STEPS; step++) {
            byte[] payload = payloads.apply(step);
            JsonNode pack;
            try {
                pack = json(payload);
            } catch (JsonProcessingException e) {
                cutOff++;
                continue;
            }
            assertThat(pack.isArray()).as("step %d: %s", step, new String(payload, StandardCharsets.UTF_8)).isTrue();
            assertThat(pack).hasSize(3);
        }

        assertThat(cutOff).isBetween(40, 150);
    }

    @Test
    void toy_cutOffPacks_areRefusedAsMalformed() throws JsonProcessingException {
        LongFunction<byte[]> payloads = payloads(DeviceKind.TOY, device("toy-0004"));
        Reader reader = new Reader(DeviceKind.TOY);
        int refused = 0;

        for (int step = 0; step < 3_000; step++) {
            byte[] payload = payloads.apply(step);
            if (!isJson(payload)) {
                refused++;
                assertThatThrownBy(() -> reader.read(payload)).isInstanceOf(TranslationException.class);
            }
        }

        assertThat(refused).isPositive();
    }

    @Test
    void toy_wholePacksOfTheFirstHourAtOnePerSecond_translateAndValidate() throws JsonProcessingException {
        assertWholeToyPacksValidate(3_600);
    }

    @Test
    void toy_wholePacks_translateAndValidate_forAsLongAsARunCanLast() throws JsonProcessingException {
        assertWholeToyPacksValidate(MOST_STEPS);
    }

    private static void assertWholeToyPacksValidate(int steps) throws JsonProcessingException {
        LongFunction<byte[]> payloads = payloads(DeviceKind.TOY, device("toy-0001"));
        Reader reader = new Reader(DeviceKind.TOY);

        for (int step = 0; step < steps; step++) {
            byte[] payload = payloads.apply(step);
            if (isJson(payload)) {
                ValidationResult result = reader.read(payload);
                assertThat(result.violations()).as("step %d", step).isEmpty();
                assertThat(result.values()).as("step %d", step).hasSize(3);
            }
        }
    }

    private static boolean isJson(byte[] payload) {
        try {
            json(payload);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    @Test
    void sameDevice_getsTheSameSequence() {
        for (DeviceKind kind : DeviceKind.values()) {
            SimDevice device = device(kind.deviceId(1));
            LongFunction<byte[]> first = payloads(kind, device);
            LongFunction<byte[]> second = payloads(kind, device);

            for (int step = 0; step < 200; step++) {
                assertThat(second.apply(step)).as("%s step %d", kind, step).isEqualTo(first.apply(step));
            }
        }
    }

    @Test
    void otherDevices_getOtherValues() throws JsonProcessingException {
        LongFunction<byte[]> one = payloads(DeviceKind.THERMOSTAT, device("thermostat-0001"));
        LongFunction<byte[]> two = payloads(DeviceKind.THERMOSTAT, device("thermostat-0002"));
        LongFunction<byte[]> toyOne = payloads(DeviceKind.TOY, device("toy-0001"));
        LongFunction<byte[]> toyTwo = payloads(DeviceKind.TOY, device("toy-0002"));
        List<Double> temperaturesOne = new ArrayList<>();
        List<Double> temperaturesTwo = new ArrayList<>();
        List<String> packsOne = new ArrayList<>();
        List<String> packsTwo = new ArrayList<>();

        for (int step = 0; step < 50; step++) {
            temperaturesOne.add(json(one.apply(step)).get("temperature").doubleValue());
            temperaturesTwo.add(json(two.apply(step)).get("temperature").doubleValue());
            packsOne.add(new String(toyOne.apply(step), StandardCharsets.UTF_8).replace("toy-0001", "toy"));
            packsTwo.add(new String(toyTwo.apply(step), StandardCharsets.UTF_8).replace("toy-0002", "toy"));
        }

        assertThat(temperaturesTwo).isNotEqualTo(temperaturesOne);
        assertThat(packsTwo).isNotEqualTo(packsOne);
    }

    @Test
    void glucoseMonitors_ofOtherDevices_sendOtherReadings() throws JsonProcessingException {
        assertThat(glucoseReadings("glucose-0002")).isNotEqualTo(glucoseReadings("glucose-0001"));
    }

    private static List<Object> glucoseReadings(String id) throws JsonProcessingException {
        SimDevice device = device(id);
        LongFunction<byte[]> payloads = payloads(DeviceKind.GLUCOSE_MONITOR, device);
        Reader reader = new Reader(DeviceKind.GLUCOSE_MONITOR);
        List<Object> readings = new ArrayList<>();
        for (int step = 0; step < 20; step++) {
            byte[] payload = MessageVerifier.verify(payloads.apply(step), id, DeviceKeys.mac(device.macKey()), NO_AAD)
                    .payload();
            readings.add(reader.read(payload).values().get(0).value());
        }
        return readings;
    }
}
