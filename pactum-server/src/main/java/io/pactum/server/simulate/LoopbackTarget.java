package io.pactum.server.simulate;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Where the simulator sends its traffic: a hub's MQTT and HTTP ports on a loopback address. Any
 * other host is refused, so that the simulator cannot be pointed at someone else's hub.
 */
public record LoopbackTarget(String host, int mqttPort, int httpPort) {
    public LoopbackTarget {
        requireLoopback(host, "target host");
        requirePort(mqttPort, "mqttPort");
        requirePort(httpPort, "httpPort");
    }

    /** The hub's ports on 127.0.0.1. */
    public static LoopbackTarget local(int mqttPort, int httpPort) {
        return new LoopbackTarget("127.0.0.1", mqttPort, httpPort);
    }

    /** The REST API's base address, e.g. {@code http://127.0.0.1:8080/api/v1}. */
    public String apiBase() {
        return "http://" + host + ":" + httpPort + "/api/v1";
    }

    /**
     * Refuses a host that is not a loopback address (127/8, ::1 or a name resolving to one); returns
     * it unchanged otherwise. Also used for the local addresses attacks bind to.
     */
    public static String requireLoopback(String host, String what) {
        Objects.requireNonNull(host, what);
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(what + " '" + host + "' does not resolve; the simulator only "
                    + "attacks loopback addresses (127.0.0.0/8, ::1)", e);
        }
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException(what + " '" + host + "' is not a loopback address; the simulator "
                    + "only attacks a hub on this machine (127.0.0.0/8, ::1)");
        }
        return host;
    }

    private static void requirePort(int port, String what) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(what + " must be a port from 1 to 65535, not " + port);
        }
    }
}
