package io.pactum.core.ingest;

import io.pactum.core.registry.Device;
import io.pactum.core.registry.DeviceStore;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.ProductStore;
import io.pactum.core.security.RandomSecrets;
import io.pactum.core.security.SecretHasher;
import io.pactum.core.signal.SecuritySignal;
import io.pactum.core.signal.SecuritySignals;
import io.pactum.core.signal.SignalType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Authenticates devices when they connect: by id and secret, or by a registered client
 * certificate. A device may connect only while it is active and its product admits devices.
 *
 * <p>Device secrets are stored as slow hashes, which is right against a stolen database but
 * would make every reconnect cost a quarter of a second of CPU. So a successful check is
 * remembered as an HMAC of the secret under a key that exists only in this process; a later
 * connect with the same secret, while the stored hash is unchanged, skips the slow hash. Failed
 * attempts are never remembered: guessing still pays the full price.
 */
public final class DeviceAuthenticator {
    private static final int MAX_REMEMBERED = 100_000;

    private final DeviceStore devices;
    private final ProductStore products;
    private final SecretHasher hasher;
    private final SecuritySignals signals;
    private final Clock clock;
    private final BlockedSources blocked;
    private final SecretKeySpec rememberKey = new SecretKeySpec(RandomSecrets.bytes(32), "HmacSHA256");
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    /** Verified against for unknown devices, so that timing does not tell unknown ids from wrong secrets. */
    private final String decoyHash;

    /** A secret that verified against a stored hash. */
    private record Remembered(String storedHash, byte[] secretMac) {}

    public DeviceAuthenticator(DeviceStore devices, ProductStore products, SecretHasher hasher,
            SecuritySignals signals, Clock clock) {
        this(devices, products, hasher, signals, clock, new BlockedSources());
    }

    /** As above, refusing connections from {@code blocked} hosts before looking at any credential. */
    public DeviceAuthenticator(DeviceStore devices, ProductStore products, SecretHasher hasher,
            SecuritySignals signals, Clock clock, BlockedSources blocked) {
        this.blocked = Objects.requireNonNull(blocked, "blocked");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.products = Objects.requireNonNull(products, "products");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.decoyHash = hasher.hash(RandomSecrets.token());
    }

    /** Authenticates by device id and secret; throws {@link DeviceRefusedException} with the reason. */
    public AuthenticatedDevice withSecret(String deviceId, String secret, @Nullable String source) {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(secret, "secret");
        refuseBlocked(deviceId, source);
        Optional<Device> found = devices.find(deviceId);
        if (found.isEmpty()) {
            hasher.verify(secret, decoyHash);
            throw refuse(SignalType.AUTHENTICATION_FAILURE, deviceId, source, DeviceRefusal.BAD_CREDENTIALS,
                    "unknown device");
        }
        Device device = found.get();
        if (!secretMatches(device, secret)) {
            throw refuse(SignalType.AUTHENTICATION_FAILURE, deviceId, source, DeviceRefusal.BAD_CREDENTIALS,
                    "wrong secret");
        }
        return admitted(device, source);
    }

    /**
     * Authenticates by the SHA-256 fingerprint of a client certificate that TLS already verified
     * the device holds the key of; the certificate must be registered for the named device.
     */
    public AuthenticatedDevice withCertificate(String deviceId, String certificateFingerprint, @Nullable String source) {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(certificateFingerprint, "certificateFingerprint");
        refuseBlocked(deviceId, source);
        Device device = devices.find(deviceId)
                .filter(d -> certificateFingerprint.equals(d.credentials().certificateFingerprint()))
                .orElseThrow(() -> refuse(SignalType.AUTHENTICATION_FAILURE, deviceId, source,
                        DeviceRefusal.BAD_CREDENTIALS, "certificate not registered for this device"));
        return admitted(device, source);
    }

    /** The device as it is now, if it may still be connected; used to re-check a live session. */
    public AuthenticatedDevice current(String deviceId, @Nullable String source) {
        Device device = devices.find(deviceId).orElseThrow(() -> refuse(SignalType.CONNECTION_REFUSED, deviceId,
                source, DeviceRefusal.DEVICE_REVOKED, "device no longer exists"));
        return admitted(device, source);
    }

    /**
     * No signal for a blocked attempt: the block is already on an incident's timeline, and a host
     * that keeps trying would only flood the log and the ledger.
     */
    private void refuseBlocked(String deviceId, @Nullable String source) {
        if (blocked.refuses(source, clock.instant())) {
            throw new DeviceRefusedException(DeviceRefusal.SOURCE_BLOCKED, "connections from this host are blocked");
        }
    }

    private AuthenticatedDevice admitted(Device device, @Nullable String source) {
        switch (device.state()) {
            case QUARANTINED -> throw refuse(SignalType.CONNECTION_REFUSED, device.id(), source,
                    DeviceRefusal.DEVICE_QUARANTINED, "device is quarantined");
            case REVOKED -> throw refuse(SignalType.CONNECTION_REFUSED, device.id(), source,
                    DeviceRefusal.DEVICE_REVOKED, "device is revoked");
            case ACTIVE -> { }
        }
        Product product = products.find(device.productId())
                .filter(p -> p.approvalState().admitsDevices())
                .orElseThrow(() -> refuse(SignalType.CONNECTION_REFUSED, device.id(), source,
                        DeviceRefusal.PRODUCT_NOT_APPROVED, "product is not approved"));
        return new AuthenticatedDevice(device, product);
    }

    private boolean secretMatches(Device device, String secret) {
        String storedHash = device.credentials().secretHash();
        byte[] secretMac = mac(secret);
        Remembered known = remembered.get(device.id());
        if (known != null && known.storedHash().equals(storedHash) && MessageDigest.isEqual(known.secretMac(), secretMac)) {
            return true;
        }
        if (!hasher.verify(secret, storedHash)) {
            return false;
        }
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(device.id(), new Remembered(storedHash, secretMac));
        return true;
    }

    private byte[] mac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(rememberKey);
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private DeviceRefusedException refuse(SignalType type, String deviceId, @Nullable String source,
            DeviceRefusal reason, String detail) {
        signals.raise(new SecuritySignal(type, clock.instant(), deviceId, source, detail));
        return new DeviceRefusedException(reason, detail);
    }
}
