package io.pactum.server.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The ecosystem the simulator plays in, set up through the REST API with the operator's token (so
 * the demo can use it against a running hub too): a supplier with one approved product, a simulated
 * sensor whose JSON messages carry one number, {@code reading} (COSE protection accepted, not
 * required); its devices; and a partner organisation with an API token and one agreement that
 * receives every reading.
 */
public final class Scenario {
    /** The partner: its organisation, its API client (MQTT user name) and token, its agreement. */
    public record Partner(String organisationId, String clientId, String token, String agreementId) {
        @Override
        public String toString() {
            return "Partner[" + organisationId + ", token redacted]";
        }
    }

    /** Device creation hashes each secret slowly; a few at once use both cores without queueing many. */
    private static final int PROVISIONING_THREADS = 4;

    private final HubRest api;
    private final String name;
    private final String productId;
    private final Partner partner;

    private Scenario(HubRest api, String name, String productId, Partner partner) {
        this.api = api;
        this.name = name;
        this.productId = productId;
        this.partner = partner;
    }

    /** Sets the ecosystem up; {@code name} (letters, digits, hyphens) prefixes every id it creates. */
    public static Scenario create(LoopbackTarget target, String adminToken, String name) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9-]{0,20}")) {
            throw new IllegalArgumentException("scenario name must be lower-case letters, digits and hyphens, "
                    + "at most 21, not '" + name + "'");
        }
        HubRest api = new HubRest(target, adminToken);
        String supplier = api.post("/organisations", "{\"name\":\"" + name + " sensors\",\"role\":\"supplier\"}")
                .get("id").asText();
        String product = api.post("/products", """
                {"supplierId":"%s","model":"Simulated sensor %s","firmwareVersion":"1.0","payloadFormat":"json",
                 "ingestPolicy":{"protectionRequired":false},
                 "dataModel":{"fields":[
                   {"name":"reading","type":"number","unit":"Cel","min":-1000,"max":1000,"category":"technical"}]}}"""
                .formatted(supplier, name)).get("id").asText();
        api.put("/products/" + product + "/approval", "{\"state\":\"approved\"}");
        String organisation = api.post("/organisations", "{\"name\":\"" + name + " partner\",\"role\":\"partner\"}")
                .get("id").asText();
        String token = api.post("/organisations/" + organisation + "/clients",
                "{\"name\":\"simulated partner\",\"scopes\":[\"read\"]}").get("token").asText();
        String agreement = api.post("/agreements", """
                {"recipientId":"%s","productIds":["%s"],"fields":{"reading":{"transform":"keep"}},
                 "purpose":"maintenance","legalBasis":"legitimate_interest","rateLimitPerMinute":1000000}"""
                .formatted(organisation, product)).get("id").asText();
        return new Scenario(api, name, product, new Partner(organisation, HubRest.clientIdOf(token), token, agreement));
    }

    public String productId() {
        return productId;
    }

    public Partner partner() {
        return partner;
    }

    /** Provisions {@code count} devices named {@code <scenario>-<role>-0001 ...}, a few at a time. */
    public List<SimDevice> provision(String role, int count) {
        if (count < 1 || count > 100_000) {
            throw new IllegalArgumentException("count must be from 1 to 100000, not " + count);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PROVISIONING_THREADS, count));
        try {
            List<Future<SimDevice>> created = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String id = String.format("%s-%s-%04d", name, role, i);
                created.add(pool.submit(() -> device(id)));
            }
            List<SimDevice> devices = new ArrayList<>();
            for (Future<SimDevice> each : created) {
                devices.add(each.get());
            }
            return devices;
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not provision the devices: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning devices", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One device, by its id. */
    public SimDevice device(String id) {
        JsonNode provisioned = api.post("/devices", "{\"productId\":\"" + productId + "\",\"id\":\"" + id + "\"}");
        return new SimDevice(id, provisioned.get("secret").asText(),
                Base64.getUrlDecoder().decode(provisioned.get("macKey").asText()));
    }

    /** The agreement's state as the API shows it, e.g. {@code active} or {@code suspended}. */
    public String agreementState() {
        return api.get("/agreements/" + partner.agreementId()).get("state").asText();
    }

    /** The device's state as the API shows it, e.g. {@code active} or {@code quarantined}. */
    public String deviceState(String deviceId) {
        return api.get("/devices/" + deviceId).get("state").asText();
    }
}
