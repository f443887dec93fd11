package io.pactum.server.simulate;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A compromised partner pulling beyond its agreements: with its own API token it asks for devices
 * and records no agreement gives it ({@code GET /devices/{id}} and {@code /devices/{id}/records}),
 * answered 403 or 404. The {@code partner-exfiltration} behaviour (more than 20 refusals for one
 * organisation in 60 s) suspends the organisation's agreements.
 */
public final class PartnerOverreach extends ScriptedAttack {
    public static final AttackBounds DEFAULT_BOUNDS = AttackBounds.of(60, Duration.ofSeconds(10));

    private final String organisationId;
    private final String token;
    private final List<String> deviceIds;

    /** {@code deviceIds}: devices to ask for, which no agreement of the organisation covers. */
    public PartnerOverreach(LoopbackTarget target, AttackBounds bounds, String organisationId, String token,
            List<String> deviceIds) {
        super(target, bounds);
        this.organisationId = Objects.requireNonNull(organisationId, "organisationId");
        this.token = Objects.requireNonNull(token, "token");
        this.deviceIds = List.copyOf(deviceIds);
        if (deviceIds.isEmpty()) {
            throw new IllegalArgumentException("the partner needs at least one device id to ask for");
        }
    }

    @Override
    public String name() {
        return "compromised partner";
    }

    @Override
    public String detector() {
        return "partner-exfiltration";
    }

    @Override
    public String subject() {
        return organisationId;
    }

    @Override
    void script(Vertx vertx, AttackTally tally) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(DeviceLink.WAIT).build();
        tally.markStarted();
        int i = 0;
        while (tally.more()) {
            String device = deviceIds.get((i / 2) % deviceIds.size());
            String path = "/devices/" + device + (i % 2 == 0 ? "" : "/records");
            i++;
            HttpRequest request = HttpRequest.newBuilder(URI.create(target.apiBase() + path))
                    .timeout(DeviceLink.WAIT)
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build();
            tally.sent();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    tally.accepted();
                } else {
                    tally.refused();
                }
            } catch (IOException e) {
                tally.refused();
            }
        }
    }
}
