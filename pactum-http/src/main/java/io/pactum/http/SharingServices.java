package io.pactum.http;

import io.pactum.core.command.PartnerCommands;
import io.pactum.core.delivery.DeliveryService;
import io.pactum.core.sharing.SharingService;
import java.util.Objects;

/**
 * What the API offers about sharing with partners: agreements and consent, each recipient's
 * deliveries (polling, Server-Sent Events, webhooks), and partners' commands to the devices their
 * agreements reach. Without it, {@link ApiRouter} serves none of these routes.
 */
public record SharingServices(SharingService sharing, DeliveryService deliveries, PartnerCommands partnerCommands) {
    public SharingServices {
        Objects.requireNonNull(sharing, "sharing");
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(partnerCommands, "partnerCommands");
    }
}
