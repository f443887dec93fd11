package io.pactum.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.server.simulate.HubRest;
import io.pactum.server.simulate.LoopbackTarget;
import io.pactum.server.simulate.Scenario;
import io.pactum.server.simulate.SimDevice;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * The demo's ecosystem, set up through the REST API with the operator's token, as an operator would:
 * three suppliers with one approved product each; a clinic receiving full glucose data for care
 * under its patients' consent; an analytics company receiving pseudonymised, generalised thermostat
 * and toy data for product improvement (no identifiers, no microphone events); patients and
 * households as data subjects, each patient consenting to the clinic; and the devices.
 */
public final class DemoEcosystem {
    /** The partner organisations' names, as the summary shows them. */
    public static final String CLINIC = "Riverside Diabetes Clinic";
    public static final String ANALYTICS = "Northwind Analytics";

    private static final int PROVISIONING_THREADS = 4;

    private final HubRest api;
    private final Map<DeviceKind, List<SimDevice>> devices;
    private final SimDevice attackedToy;
    private final Scenario.Partner clinic;
    private final Scenario.Partner analytics;

    private DemoEcosystem(HubRest api, Map<DeviceKind, List<SimDevice>> devices,
            SimDevice attackedToy, Scenario.Partner clinic, Scenario.Partner analytics) {
        this.api = api;
        this.devices = devices;
        this.attackedToy = attackedToy;
        this.clinic = clinic;
        this.analytics = analytics;
    }

    /**
     * Sets the ecosystem up on a fresh hub; {@code perProduct} devices of each kind, and one toy more to
     * attack. Throws {@link CancellationException} soon after {@code stopping} turns true (Ctrl-C): a
     * device already being provisioned finishes, no further one starts.
     */
    public static DemoEcosystem create(LoopbackTarget target, String operatorToken, int perProduct,
            BooleanSupplier stopping) {
        HubRest api = new HubRest(target, operatorToken);
        Map<DeviceKind, String> products = new EnumMap<>(DeviceKind.class);
        for (DeviceKind kind : DeviceKind.values()) {
            String supplier = organisation(api, kind.supplier(), "supplier");
            String product = api.post("/products", kind.productJson(supplier)).get("id").asText();
            api.put("/products/" + product + "/approval", "{\"state\":\"approved\",\"note\":\"demo\"}");
            products.put(kind, product);
        }
        Scenario.Partner clinic = partner(api, CLINIC, """
                {"recipientId":"%s","productIds":["%s"],
                 "fields":{"glucose":{"transform":"keep"},"battery":{"transform":"keep"}},
                 "purpose":"healthcare","legalBasis":"consent","rateLimitPerMinute":1000000}""",
                products.get(DeviceKind.GLUCOSE_MONITOR));
        Scenario.Partner analytics = partner(api, ANALYTICS, """
                {"recipientId":"%s","productIds":["%s","%s"],
                 "fields":{"temperature":{"transform":"round","step":0.5},"setpoint":{"transform":"round","step":1},
                           "humidity":{"transform":"round","step":5},"heating":{"transform":"keep"},
                           "play_minutes":{"transform":"round","step":15},"battery":{"transform":"round","step":10},
                           "microphone_event":{"transform":"drop"}},
                 "purpose":"product_improvement","legalBasis":"legitimate_interest","timeResolution":"hours",
                 "rateLimitPerMinute":1000000}""",
                products.get(DeviceKind.THERMOSTAT), products.get(DeviceKind.TOY));

        List<Callable<SimDevice>> provisioning = new ArrayList<>();
        for (int n = 1; n <= perProduct; n++) {
            stopIf(stopping);
            String patient = subject(api, patientId(n));
            consent(api, patient, clinic.organisationId(), "given");
            String household = subject(api, String.format("household-%04d", n));
            int number = n;
            provisioning.add(() -> device(api, products, DeviceKind.GLUCOSE_MONITOR, number, patient, stopping));
            provisioning.add(() -> device(api, products, DeviceKind.THERMOSTAT, number, household, stopping));
            provisioning.add(() -> device(api, products, DeviceKind.TOY, number, household, stopping));
        }
        String attackedHousehold = subject(api, String.format("household-%04d", perProduct + 1));
        provisioning.add(() -> device(api, products, DeviceKind.TOY, perProduct + 1, attackedHousehold, stopping));
        List<SimDevice> provisioned = provision(provisioning);
        SimDevice attackedToy = provisioned.remove(provisioned.size() - 1);
        Map<DeviceKind, List<SimDevice>> devices = new EnumMap<>(DeviceKind.class);
        for (DeviceKind kind : DeviceKind.values()) {
            devices.put(kind, provisioned.stream().filter(device -> kind.named(device.id())).toList());
        }
        return new DemoEcosystem(api, devices, attackedToy, clinic, analytics);
    }

    /** The patient who withdraws consent from the clinic during the run. */
    public String withdrawingPatient() {
        return patientId(1);
    }

    /** Records the withdrawing patient's withdrawal of consent to the clinic, as the patient's app would. */
    public void withdrawConsent() {
        consent(api, withdrawingPatient(), clinic.organisationId(), "withdrawn");
    }

    public Map<DeviceKind, List<SimDevice>> devices() {
        return devices;
    }

    /** The toy whose credential the attacker cloned; it is not part of the fleet (the attack plays it). */
    public SimDevice attackedToy() {
        return attackedToy;
    }

    public Scenario.Partner clinic() {
        return clinic;
    }

    public Scenario.Partner analytics() {
        return analytics;
    }

    /** The device's state as the API shows it, e.g. {@code quarantined}. */
    public String deviceState(String deviceId) {
        return api.get("/devices/" + deviceId).get("state").asText();
    }

    /** Device creation hashes each secret slowly: a few at once use both cores without queueing many. */
    private static List<SimDevice> provision(List<Callable<SimDevice>> provisioning) {
        ExecutorService pool = Executors.newFixedThreadPool(PROVISIONING_THREADS);
        try {
            List<SimDevice> devices = new ArrayList<>();
            for (Future<SimDevice> each : pool.invokeAll(provisioning)) {
                devices.add(each.get());
            }
            return devices;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException stopped) {
                throw stopped;
            }
            throw new IllegalStateException("could not provision the demo's devices: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning the demo's devices", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String patientId(int n) {
        return String.format("patient-%04d", n);
    }

    private static String organisation(HubRest api, String name, String role) {
        return api.post("/organisations", "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}").get("id").asText();
    }

    /** A partner organisation, its API client (read and write, to receive and to poll) and its agreement. */
    private static Scenario.Partner partner(HubRest api, String name, String agreementTemplate, String... productIds) {
        String organisation = organisation(api, name, "partner");
        String token = api.post("/organisations/" + organisation + "/clients",
                "{\"name\":\"demo receiver\",\"scopes\":[\"read\",\"write\"]}").get("token").asText();
        Object[] arguments = new Object[productIds.length + 1];
        arguments[0] = organisation;
        System.arraycopy(productIds, 0, arguments, 1, productIds.length);
        String agreement = api.post("/agreements", agreementTemplate.formatted(arguments)).get("id").asText();
        return new Scenario.Partner(organisation, HubRest.clientIdOf(token), token, agreement);
    }

    private static String subject(HubRest api, String id) {
        return api.post("/subjects", "{\"id\":\"" + id + "\"}").get("id").asText();
    }

    private static void consent(HubRest api, String subject, String recipient, String action) {
        api.post("/consents", """
                {"subjectId":"%s","recipientId":"%s","purpose":"healthcare","action":"%s","method":"api"}"""
                .formatted(subject, recipient, action));
    }

    private static void stopIf(BooleanSupplier stopping) {
        if (stopping.getAsBoolean()) {
            throw new CancellationException("stopped during the setup");
        }
    }

    private static SimDevice device(HubRest api, Map<DeviceKind, String> products, DeviceKind kind, int n,
            String subject, BooleanSupplier stopping) {
        stopIf(stopping);
        String id = kind.deviceId(n);
        JsonNode created = api.post("/devices", """
                {"productId":"%s","id":"%s","subjectId":"%s"}""".formatted(products.get(kind), id, subject));
        return new SimDevice(id, created.get("secret").asText(),
                Base64.getUrlDecoder().decode(created.get("macKey").asText()));
    }
}
