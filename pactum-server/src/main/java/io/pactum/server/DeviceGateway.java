package io.pactum.server;

import io.pactum.core.ingest.DeviceAuthenticator;
import io.pactum.core.ingest.IngestPipeline;
import io.pactum.core.integrity.DeviceKeys;
import io.pactum.core.registry.RegistryStores;
import io.pactum.core.signal.LoggedSecuritySignals;
import java.util.Objects;

/**
 * What every device adapter shares: device authentication, the ingest pipeline and the security
 * signals they raise. Built once per hub, so that MQTT and HTTP devices meet the same rules.
 */
public record DeviceGateway(LoggedSecuritySignals signals, DeviceAuthenticator authenticator, IngestPipeline ingest) {
    /** How many recent signals are kept in memory for detection and inspection. */
    private static final int RECENT_SIGNALS = 10_000;

    public DeviceGateway {
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(ingest, "ingest");
    }

    public static DeviceGateway create(LocalRegistry local) {
        LoggedSecuritySignals signals = new LoggedSecuritySignals(RECENT_SIGNALS);
        RegistryStores stores = local.database().stores();
        DeviceAuthenticator authenticator = new DeviceAuthenticator(stores.devices(), stores.products(),
                local.hasher(), signals, local.clock());
        IngestPipeline ingest = new IngestPipeline(local.database().records(),
                device -> DeviceKeys.mac(local.registry().devices().macKey(device)), signals, local.clock());
        return new DeviceGateway(signals, authenticator, ingest);
    }
}
