package io.pactum.server.respond;

/** Drops the live sessions of a partner organisation (the MQTT adapter's partner connections). */
@FunctionalInterface
public interface PartnerSessions {
    PartnerSessions NONE = organisationId -> 0;

    /** Disconnects them; returns how many there were. */
    int disconnect(String organisationId);
}
