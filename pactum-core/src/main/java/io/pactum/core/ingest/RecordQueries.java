package io.pactum.core.ingest;

import static io.pactum.core.access.AccessPolicy.requireOperator;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.registry.DeviceStore;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reading stored records. Records may hold personal data (health, location), so for now only the
 * operator, as data controller, reads them; partners receive data through agreements (#4).
 */
public final class RecordQueries {
    public static final int MAX_LIMIT = 1000;

    private final RecordStore records;
    private final DeviceStore devices;

    public RecordQueries(RecordStore records, DeviceStore devices) {
        this.records = Objects.requireNonNull(records, "records");
        this.devices = Objects.requireNonNull(devices, "devices");
    }

    /** The device's records measured in {@code [from, to)} (defaults: all time), oldest first. */
    public List<CanonicalRecord> list(Principal caller, String deviceId, @Nullable Instant from, @Nullable Instant to,
            int limit) {
        requireOperator(caller, Scope.READ, "read device records");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be from 1 to " + MAX_LIMIT);
        }
        Instant start = from != null ? from : Instant.EPOCH;
        Instant end = to != null ? to : Instant.parse("9999-12-31T23:59:59Z");
        if (!start.isBefore(end)) {
            throw new InvalidInputException("from", "from must lie before to");
        }
        devices.find(deviceId).orElseThrow(() -> NotFoundException.of("device", deviceId));
        return records.listByDevice(deviceId, start, end, limit);
    }
}
