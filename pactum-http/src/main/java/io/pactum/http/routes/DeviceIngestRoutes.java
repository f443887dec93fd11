package io.pactum.http.routes;

import io.pactum.core.ingest.AuthenticatedDevice;
import io.pactum.core.ingest.Channel;
import io.pactum.core.ingest.DeviceRefusedException;
import io.pactum.core.ingest.InboundMessage;
import io.pactum.core.ingest.IngestOutcome;
import io.pactum.core.ingest.RejectReason;
import io.pactum.http.DeviceIngestion;
import io.pactum.http.support.DeviceCredentials;
import io.pactum.http.support.IngestRefusals;
import io.pactum.http.support.ProblemHandler;
import io.pactum.http.support.Replies;
import io.pactum.http.views.IngestReceiptView;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * HTTP device ingest (issue #3), for devices that cannot speak MQTT: one {@code POST} per message,
 * authenticated with the device's id and secret (HTTP Basic), then through the same pipeline as
 * MQTT messages. The body is the message exactly as the device made it, whatever its content type.
 *
 * <p>Authentication (a slow hash) and ingest (the database) block, so both run off the event loop.
 * A 200 is sent only after the records are durable. HTTP has no retransmission flag, so a repeated
 * counter is always a replay.
 */
public final class DeviceIngestRoutes {
    public static final String PREFIX = "/ingest/v1";
    static final String DEVICE_PATH = PREFIX + "/devices/:deviceId";
    static final String ADAPTER = "http";

    private final DeviceIngestion ingestion;
    private final Replies replies;

    public DeviceIngestRoutes(DeviceIngestion ingestion, Replies replies) {
        this.ingestion = Objects.requireNonNull(ingestion, "ingestion");
        this.replies = Objects.requireNonNull(replies, "replies");
    }

    public void mount(Router router) {
        router.post(DEVICE_PATH + "/telemetry").handler(ctx -> receive(ctx, Channel.TELEMETRY));
        router.post(DEVICE_PATH + "/events").handler(ctx -> receive(ctx, Channel.EVENT));
    }

    private void receive(RoutingContext ctx, Channel channel) {
        ProblemHandler.challengeWith(ctx, IngestRefusals.CHALLENGE);
        // Everything the work needs is read here, on the event loop; the work gets plain values.
        String deviceId = ctx.pathParam("deviceId");
        @Nullable String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        Buffer body = ctx.body().buffer();
        byte[] payload = body == null ? new byte[0] : body.getBytes();
        SocketAddress remote = ctx.request().remoteAddress();
        @Nullable String source = remote == null ? null : remote.hostAddress();
        replies.ok(ctx, () -> ingest(deviceId, authorization, channel, payload, source));
    }

    private IngestReceiptView ingest(String deviceId, @Nullable String authorization, Channel channel, byte[] payload,
            @Nullable String source) {
        DeviceCredentials credentials = DeviceCredentials.fromAuthorization(authorization);
        // Checked before the secret: it costs nothing and tells a caller without the secret nothing.
        if (!credentials.deviceId().equals(deviceId)) {
            throw IngestRefusals.deviceMismatch();
        }
        AuthenticatedDevice device;
        try {
            device = ingestion.authenticator().withSecret(deviceId, credentials.secret(),
                    source == null ? ADAPTER : ADAPTER + " " + source);
        } catch (DeviceRefusedException e) {
            throw IngestRefusals.refused(e.reason());
        }
        IngestOutcome outcome = ingestion.ingest().ingest(device,
                new InboundMessage(channel, payload, ingestion.clock().instant(), ADAPTER, source, false));
        if (outcome instanceof IngestOutcome.Accepted accepted) {
            return IngestReceiptView.of(accepted.records());
        }
        if (outcome instanceof IngestOutcome.Rejected rejected) {
            throw IngestRefusals.rejected(rejected.reason(), rejected.detail());
        }
        // Only a transport's retransmission flag makes a duplicate, and HTTP has none; should the
        // pipeline answer so all the same, the message was not stored now, and the device is told.
        IngestOutcome.Duplicate duplicate = (IngestOutcome.Duplicate) outcome;
        throw IngestRefusals.rejected(RejectReason.REPLAY, "counter " + duplicate.counter() + " was already used");
    }
}
