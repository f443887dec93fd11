package io.pactum.bench;

import io.pactum.core.ingest.AuthenticatedDevice;
import io.pactum.server.DeviceGateway;
import io.pactum.server.LocalRegistry;
import io.pactum.server.config.ConfigLoader;
import io.pactum.server.config.PactumConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The hub's ingest machinery without the network, for the JMH benchmarks: the registry over an
 * embedded H2 file database in a temporary directory (exactly as the hub opens it), the device
 * gateway, and one approved protected glucose product with one authenticated device.
 */
final class BenchStore implements AutoCloseable {
    final Path dir;
    final LocalRegistry local;
    final DeviceGateway gateway;
    final BenchFleet fleet;
    final BenchFleet.BenchDevice device;
    final AuthenticatedDevice connected;

    BenchStore() {
        try {
            dir = Files.createTempDirectory("pactum-jmh-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PactumConfig config = ConfigLoader.load(null, Map.of(), Map.of("pactum.data-dir", dir.toString()));
        local = LocalRegistry.open(config);
        gateway = DeviceGateway.create(local);
        fleet = BenchFleet.create(local.registry(), 1, "jmh");
        device = fleet.devices.get(0);
        connected = gateway.authenticator().withSecret(device.id(), device.secret(), "jmh");
    }

    @Override
    public void close() {
        local.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
