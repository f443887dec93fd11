package io.pactum.core.service;

import static io.pactum.core.access.AccessPolicy.requireRole;
import static io.pactum.core.access.AccessPolicy.visible;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditTrail;
import io.pactum.core.error.ForbiddenException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.registry.DeviceGroup;
import io.pactum.core.registry.DeviceGroupStore;
import io.pactum.core.registry.DeviceStore;
import io.pactum.core.registry.GroupMembers;
import io.pactum.core.registry.Ids;
import io.pactum.core.registry.NewDeviceGroup;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.OrganisationStore;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Device groups: an organisation groups its own devices; the operator may group any organisation's. */
public final class DeviceGroupService {
    private final DeviceGroupStore groups;
    private final DeviceStore devices;
    private final OrganisationStore organisations;
    private final AuditTrail audit;
    private final Clock clock;
    private final List<Runnable> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public DeviceGroupService(DeviceGroupStore groups, DeviceStore devices, OrganisationStore organisations,
            AuditTrail audit, Clock clock) {
        this.groups = Objects.requireNonNull(groups, "groups");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs {@code listener} after every change of a group's members (agreements scoped by group recompile). */
    public void addChangeListener(Runnable listener) {
        changeListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public DeviceGroup create(Principal caller, NewDeviceGroup request) {
        requireRole(caller, Scope.WRITE, "create device groups", OrganisationRole.SUPPLIER);
        String ownerId = ownerFor(caller, request.ownerId());
        checkMembers(ownerId, request.deviceIds());
        DeviceGroup group = new DeviceGroup(Ids.newId(), ownerId, request.name(), request.deviceIds(),
                clock.instant());
        groups.insert(group);
        audit.append(changed(caller, group, group.createdAt(), "group.created"));
        changeListeners.forEach(Runnable::run);
        return group;
    }

    public List<DeviceGroup> list(Principal caller) {
        requireRole(caller, Scope.READ, "read device groups", OrganisationRole.SUPPLIER);
        return caller.isOperator() ? groups.list() : groups.listByOwner(caller.organisationId());
    }

    public DeviceGroup get(Principal caller, String id) {
        requireRole(caller, Scope.READ, "read device groups", OrganisationRole.SUPPLIER);
        return visible(caller, groups.find(id), DeviceGroup::ownerId, "device group", id);
    }

    public DeviceGroup replaceMembers(Principal caller, String id, GroupMembers members) {
        requireRole(caller, Scope.WRITE, "change device groups", OrganisationRole.SUPPLIER);
        DeviceGroup group = get(caller, id);
        checkMembers(group.ownerId(), members.deviceIds());
        groups.replaceMembers(id, members.deviceIds());
        DeviceGroup changed = group.withMembers(members.deviceIds());
        audit.append(changed(caller, changed, clock.instant(), "group.changed"));
        changeListeners.forEach(Runnable::run);
        return changed;
    }

    /** The member count, not the members: a group may hold thousands of devices, and details stay short. */
    private static AuditEvent changed(Principal caller, DeviceGroup group, Instant at, String action) {
        return RegistryEvents.changed(caller.clientId(), at, action, "groupId", group.id(),
                "organisationId", group.ownerId(), "members", Integer.toString(group.deviceIds().size()));
    }

    /** A group holds only its owner's devices, so a group can never widen what an agreement reaches. */
    private void checkMembers(String ownerId, Set<String> deviceIds) {
        for (String deviceId : deviceIds) {
            boolean owned = devices.find(deviceId).filter(d -> d.ownerId().equals(ownerId)).isPresent();
            if (!owned) {
                throw new InvalidInputException("deviceIds",
                        "device '" + deviceId + "' is not a device of the group's owner");
            }
        }
    }

    private String ownerFor(Principal caller, @Nullable String requested) {
        if (!caller.isOperator()) {
            if (requested != null && !caller.belongsTo(requested)) {
                throw new ForbiddenException("an organisation creates device groups only for itself; omit ownerId");
            }
            return caller.organisationId();
        }
        if (requested == null) {
            return caller.organisationId();
        }
        if (organisations.find(requested).isEmpty()) {
            throw new InvalidInputException("ownerId", "ownerId '" + requested + "' names no organisation");
        }
        return requested;
    }
}
