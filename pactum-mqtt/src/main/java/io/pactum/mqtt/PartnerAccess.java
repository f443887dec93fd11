package io.pactum.mqtt;

import io.pactum.core.access.Authenticator;
import io.pactum.core.command.PartnerCommands;
import io.pactum.core.delivery.Outbox;
import java.util.Objects;

/**
 * What partner sessions need from the hub, for {@link MqttAdapter#usePartners}: the bearer-token
 * {@link Authenticator} (the partner's password is its API token), the recipients' {@link Outbox}
 * (what each partner receives, re-checked at delivery) and {@link PartnerCommands} (commands a
 * partner sends to the devices its agreements reach). All three are blocking; the adapter calls them
 * off the event loop.
 */
public record PartnerAccess(Authenticator authenticator, Outbox outbox, PartnerCommands commands) {
    public PartnerAccess {
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(commands, "commands");
    }
}
