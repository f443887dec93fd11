package io.pactum.core.service;

import static io.pactum.core.access.AccessPolicy.mayAccess;
import static io.pactum.core.access.AccessPolicy.name;
import static io.pactum.core.access.AccessPolicy.requireRole;
import static io.pactum.core.access.AccessPolicy.visible;

import io.pactum.core.audit.AuditTrail;
import io.pactum.core.error.ConflictException;
import io.pactum.core.error.ForbiddenException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.integrity.DeviceKeys;
import io.pactum.core.registry.DataSubjectStore;
import io.pactum.core.registry.Device;
import io.pactum.core.registry.DeviceCredentials;
import io.pactum.core.registry.DevicePublicKeys;
import io.pactum.core.registry.DeviceState;
import io.pactum.core.registry.DeviceStateListener;
import io.pactum.core.registry.DeviceStateChange;
import io.pactum.core.registry.DeviceStore;
import io.pactum.core.registry.Ids;
import io.pactum.core.registry.NewDevice;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.OrganisationStore;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.ProductStore;
import io.pactum.core.registry.ProvisionedDevice;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import io.pactum.core.security.RandomSecrets;
import io.pactum.core.security.SecretBox;
import io.pactum.core.security.SecretHasher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Devices: provisioned by their supplier (or the operator) for approved products only. The device
 * secret is kept as a slow hash and the MAC key sealed under the master key; both are returned once.
 */
public final class DeviceService {
    private static final Logger SECURITY = LoggerFactory.getLogger("pactum.security");
    private static final int MAC_KEY_BYTES = 32;

    private final DeviceStore devices;
    private final ProductStore products;
    private final OrganisationStore organisations;
    private final DataSubjectStore subjects;
    private final SecretHasher hasher;
    private final SecretBox secretBox;
    private final AuditTrail audit;
    private final Clock clock;
    private final List<DeviceStateListener> stateListeners = new CopyOnWriteArrayList<>();

    public DeviceService(DeviceStore devices, ProductStore products, OrganisationStore organisations,
            DataSubjectStore subjects, SecretHasher hasher, SecretBox secretBox, AuditTrail audit, Clock clock) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.products = Objects.requireNonNull(products, "products");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.subjects = Objects.requireNonNull(subjects, "subjects");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.secretBox = Objects.requireNonNull(secretBox, "secretBox");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ProvisionedDevice create(Principal caller, NewDevice request) {
        requireRole(caller, Scope.WRITE, "provision devices", OrganisationRole.SUPPLIER);
        Product product = products.find(request.productId())
                .filter(p -> mayAccess(caller, p.supplierId()))
                .orElseThrow(() -> new InvalidInputException("productId",
                        "productId '" + request.productId() + "' names no product you may provision"));
        if (!product.approvalState().admitsDevices()) {
            throw new ConflictException("productId", "product '" + product.id() + "' is "
                    + name(product.approvalState()) + "; only devices of approved products may be provisioned");
        }
        String ownerId = ownerFor(caller, request.ownerId(), product);
        checkSubject(caller, request.subjectId());

        String id = request.id() != null ? request.id() : Ids.newId();
        String secret = request.secret() != null ? request.secret() : RandomSecrets.token();
        byte[] macKey = RandomSecrets.bytes(MAC_KEY_BYTES);
        DeviceCredentials credentials = new DeviceCredentials(hasher.hash(secret),
                request.certificateFingerprint(), secretBox.seal(macKey, macKeyContext(id)),
                request.publicKey() == null ? null : DevicePublicKeys.parse(request.publicKey()));
        Instant now = clock.instant();
        Device device = new Device(id, product.id(), ownerId, request.subjectId(), DeviceState.ACTIVE,
                credentials, now, now);
        devices.insert(device);
        SECURITY.info("device {} provisioned by client {}", id, caller.clientId());
        // The subject's raw id only in subjectId: the ledger encrypts that detail under the subject's own key.
        audit.append(RegistryEvents.changed(caller.clientId(), now, "device.provisioned", "deviceId", id,
                "productId", product.id(), "organisationId", ownerId, "subjectId", device.subjectId()));
        return new ProvisionedDevice(device, secret, RandomSecrets.base64url(macKey));
    }

    public List<Device> list(Principal caller) {
        requireRole(caller, Scope.READ, "read devices", OrganisationRole.SUPPLIER);
        return caller.isOperator() ? devices.list() : devices.listByOwner(caller.organisationId());
    }

    public Device get(Principal caller, String id) {
        requireRole(caller, Scope.READ, "read devices", OrganisationRole.SUPPLIER);
        return visible(caller, devices.find(id), Device::ownerId, "device", id);
    }

    /**
     * Changes a device's state. Only the operator lifts a quarantine or reinstates a revoked device:
     * those states are what incident response and decommissioning rely on.
     */
    public Device changeState(Principal caller, String id, DeviceStateChange change) {
        requireRole(caller, Scope.WRITE, "change device states", OrganisationRole.SUPPLIER);
        Device device = get(caller, id);
        if (!caller.isOperator() && device.state() != DeviceState.ACTIVE && change.state() != device.state()) {
            throw new ForbiddenException("only the operator may move a device out of the "
                    + name(device.state()) + " state");
        }
        Device changed = device.withState(change.state(), clock.instant());
        devices.update(changed);
        SECURITY.info("device {} moved from {} to {} by client {}", id, device.state(), change.state(),
                caller.clientId());
        audit.append(RegistryEvents.deviceState(caller.clientId(), changed.updatedAt(), "deviceId", id,
                "from", name(device.state()), "to", name(changed.state()), "reason", change.reason()));
        stateListeners.forEach(listener -> listener.stateChanged(changed));
        return changed;
    }

    /** Registers a listener for state changes made through this service. */
    public void addStateListener(DeviceStateListener listener) {
        stateListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The keys the device's messages verify with: its MAC key, opened from its sealed form, and its public key if any. */
    public DeviceKeys keys(Device device) {
        byte[] publicKey = device.credentials().publicKey();
        return new DeviceKeys(macKey(device), publicKey == null ? null : DevicePublicKeys.toKey(publicKey));
    }

    /** The device's MAC key, opened from its sealed form; for integrity verification inside the hub. */
    public byte[] macKey(Device device) {
        return secretBox.open(device.credentials().sealedMacKey(), macKeyContext(device.id()));
    }

    /** Binds a sealed MAC key to its device, so a key copied to another device's row does not open. */
    private static byte[] macKeyContext(String deviceId) {
        return ("pactum/device-mac-key/" + deviceId).getBytes(StandardCharsets.UTF_8);
    }

    private String ownerFor(Principal caller, @Nullable String requested, Product product) {
        if (!caller.isOperator()) {
            if (requested != null && !caller.belongsTo(requested)) {
                throw new ForbiddenException("a supplier provisions devices only for itself; omit ownerId");
            }
            return caller.organisationId();
        }
        if (requested == null) {
            return product.supplierId();
        }
        if (organisations.find(requested).isEmpty()) {
            throw new InvalidInputException("ownerId", "ownerId '" + requested + "' names no organisation");
        }
        return requested;
    }

    private void checkSubject(Principal caller, @Nullable String subjectId) {
        if (subjectId == null) {
            return;
        }
        if (!caller.isOperator()) {
            throw new ForbiddenException("only the operator, as data controller, links devices to data subjects");
        }
        if (subjects.find(subjectId).isEmpty()) {
            throw new InvalidInputException("subjectId", "subjectId '" + subjectId + "' names no data subject");
        }
    }
}
