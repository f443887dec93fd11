package io.pactum.server;

import io.pactum.core.detect.Observations;
import io.pactum.core.ingest.BlockedSources;
import io.pactum.core.ingest.DeviceAuthenticator;
import io.pactum.core.ingest.GroupCommitRecordStore;
import io.pactum.core.ingest.IngestPipeline;
import io.pactum.core.ingest.RecordSharing;
import io.pactum.core.ledger.LedgerSignals;
import io.pactum.core.registry.RegistryStores;
import io.pactum.core.signal.LoggedSecuritySignals;
import io.pactum.core.signal.SecuritySignals;
import java.util.Objects;

/**
 * What every device adapter shares: device authentication, the ingest pipeline and the security
 * signals they raise. Built once per hub, so that MQTT and HTTP devices meet the same rules.
 * Records are written through group commit, so that concurrent devices share commits.
 */
public record DeviceGateway(LoggedSecuritySignals signals, DeviceAuthenticator authenticator, IngestPipeline ingest,
        GroupCommitRecordStore records) implements AutoCloseable {
    /** How many recent signals are kept in memory for detection and inspection. */
    private static final int RECENT_SIGNALS = 10_000;
    /** Appends per commit at most; beyond this, waiting messages go into the next commit. */
    private static final int MAX_GROUP_COMMIT = 256;

    public DeviceGateway {
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(records, "records");
    }

    /** A gateway that releases nothing to recipients. */
    public static DeviceGateway create(LocalRegistry local) {
        return create(local, RecordSharing.NONE);
    }

    /** A gateway whose accepted records are released to recipients as {@code sharing} decides. */
    public static DeviceGateway create(LocalRegistry local, RecordSharing sharing) {
        return create(local, sharing, signal -> { }, Observations.NONE, new BlockedSources());
    }

    /**
     * A gateway that releases as {@code sharing} decides and reports to detection: its signals, the
     * accepted messages, and refusing hosts that detection blocked.
     */
    static DeviceGateway create(LocalRegistry local, RecordSharing sharing, HubDetection detection) {
        return create(local, sharing, detection.signals(), detection.observations(), detection.blockedSources());
    }

    private static DeviceGateway create(LocalRegistry local, RecordSharing sharing, SecuritySignals detection,
            Observations observations, BlockedSources blocked) {
        LedgerSignals ledger = new LedgerSignals(local.ledger());
        LoggedSecuritySignals signals = new LoggedSecuritySignals(RECENT_SIGNALS, signal -> {
            ledger.raise(signal);
            detection.raise(signal);
        });
        RegistryStores stores = local.database().stores();
        DeviceAuthenticator authenticator = new DeviceAuthenticator(stores.devices(), stores.products(),
                local.hasher(), signals, local.clock(), blocked);
        GroupCommitRecordStore records = new GroupCommitRecordStore(local.database().recordsAuditedBy(local.ledger()),
                MAX_GROUP_COMMIT);
        IngestPipeline ingest = new IngestPipeline(records, local.registry().devices()::keys, signals, local.clock(),
                sharing, observations);
        return new DeviceGateway(signals, authenticator, ingest, records);
    }

    /** Commits what is still queued; call before the database closes. */
    @Override
    public void close() {
        records.close();
    }
}
