package io.pactum.http;

import io.pactum.core.signal.SecuritySignals;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything the API may serve beyond the registry, each part optional: a route group is mounted
 * only when its services are given. One holder, so that a new group of routes adds a component
 * here rather than another overload to {@link HttpApi} and {@link ApiRouter}.
 *
 * <pre>
 * ApiServices.registryOnly().withIngestion(ingestion).withDevices(devices).withSignals(signals, clock)
 * </pre>
 *
 * @param signals where refusals of partners' requests go as {@code ACCESS_DENIED}; must not block
 * @param clock   stamps those signals
 */
public record ApiServices(
        @Nullable DeviceIngestion ingestion,
        @Nullable DeviceServices devices,
        @Nullable SharingServices sharing,
        @Nullable LedgerServices ledger,
        @Nullable IncidentServices incidents,
        SecuritySignals signals,
        Clock clock) {

    /** Signals dropped: for hubs and tests that run no detection. */
    private static final SecuritySignals NO_SIGNALS = signal -> { };

    public ApiServices {
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(clock, "clock");
    }

    /** The registry only: no ingest, commands, sharing, ledger or incidents, and no signals. */
    public static ApiServices registryOnly() {
        return new ApiServices(null, null, null, null, null, NO_SIGNALS, Clock.systemUTC());
    }

    /** Plus HTTP device ingest. */
    public ApiServices withIngestion(DeviceIngestion ingestion) {
        return new ApiServices(Objects.requireNonNull(ingestion, "ingestion"), devices, sharing, ledger, incidents,
                signals, clock);
    }

    /** Plus commands to devices, the hub's public key and devices' stored records. */
    public ApiServices withDevices(DeviceServices devices) {
        return new ApiServices(ingestion, Objects.requireNonNull(devices, "devices"), sharing, ledger, incidents,
                signals, clock);
    }

    /** Plus agreements, consent, deliveries, webhooks and partners' commands. */
    public ApiServices withSharing(SharingServices sharing) {
        return new ApiServices(ingestion, devices, Objects.requireNonNull(sharing, "sharing"), ledger, incidents,
                signals, clock);
    }

    /** Plus the audit ledger. */
    public ApiServices withLedger(LedgerServices ledger) {
        return new ApiServices(ingestion, devices, sharing, Objects.requireNonNull(ledger, "ledger"), incidents,
                signals, clock);
    }

    /** Plus incidents and their response actions. */
    public ApiServices withIncidents(IncidentServices incidents) {
        return new ApiServices(ingestion, devices, sharing, ledger, Objects.requireNonNull(incidents, "incidents"),
                signals, clock);
    }

    /** Raises a signal for each of a partner's requests answered 403 or 404, stamped by {@code clock}. */
    public ApiServices withSignals(SecuritySignals signals, Clock clock) {
        return new ApiServices(ingestion, devices, sharing, ledger, incidents, signals, clock);
    }
}
