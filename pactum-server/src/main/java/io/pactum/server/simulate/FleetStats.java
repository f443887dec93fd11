package io.pactum.server.simulate;

/**
 * What a benign fleet did: messages published and acknowledged (QoS 1), connections made (first
 * logins and reconnects), planned reconnects, connections the hub refused, and connections that
 * ended without the device asking.
 */
public record FleetStats(int devices, long published, long acknowledged, long connects, long reconnects,
        long refusedConnects, long droppedConnections) {
    @Override
    public String toString() {
        return String.format("%d devices: %d published, %d acknowledged, %d connects (%d planned reconnects), "
                + "%d refused, %d dropped", devices, published, acknowledged, connects, reconnects, refusedConnects,
                droppedConnections);
    }
}
