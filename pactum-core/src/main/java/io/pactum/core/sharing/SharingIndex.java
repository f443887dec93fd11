package io.pactum.core.sharing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Agreements compiled for lookup: by product id and, through device-group membership, by device id.
 * Immutable once built; the decision point swaps a whole new index in when agreements or groups change.
 */
final class SharingIndex {
    static final SharingIndex EMPTY = new SharingIndex(Map.of(), Map.of(), List.of());

    /** One agreement with its group memberships and command targets resolved, and its rate limiters. */
    static final class Compiled {
        final Agreement agreement;
        final RateLimiter records;
        final RateLimiter commands;
        /** Per granted command: the devices it reaches, or null for every device in scope. */
        private final Map<String, @Nullable Set<String>> grants;

        Compiled(Agreement agreement, Map<String, Set<String>> groups, RateLimiter records, RateLimiter commands) {
            this.agreement = agreement;
            this.records = records;
            this.commands = commands;
            Map<String, @Nullable Set<String>> resolved = new HashMap<>();
            for (CommandGrant grant : agreement.commands()) {
                if (grant.coversWholeScope()) {
                    resolved.put(grant.command(), null);
                } else {
                    Set<String> devices = new HashSet<>(grant.deviceIds());
                    for (String group : grant.deviceGroupIds()) {
                        devices.addAll(groups.getOrDefault(group, Set.of()));
                    }
                    resolved.put(grant.command(), Set.copyOf(devices));
                }
            }
            this.grants = resolved;
        }

        /** Whether this agreement grants the command for a device that lies in its scope. */
        boolean grants(String command, String deviceId) {
            if (!grants.containsKey(command)) {
                return false;
            }
            Set<String> devices = grants.get(command);
            return devices == null || devices.contains(deviceId);
        }
    }

    private final Map<String, List<Compiled>> byProduct;
    private final Map<String, List<Compiled>> byDevice;
    private final List<Compiled> all;
    private final Map<String, Compiled> byId;

    private SharingIndex(Map<String, List<Compiled>> byProduct, Map<String, List<Compiled>> byDevice,
            List<Compiled> all) {
        this.byProduct = byProduct;
        this.byDevice = byDevice;
        this.all = all;
        Map<String, Compiled> ids = new HashMap<>(all.size() * 2);
        for (Compiled c : all) {
            ids.put(c.agreement.id(), c);
        }
        this.byId = Map.copyOf(ids);
    }

    /**
     * Compiles the agreements against the group memberships. Rate limiters of agreements already in
     * {@code previous} with the same rate are carried over, so a recompile does not refill buckets.
     */
    static SharingIndex compile(Collection<Agreement> agreements, Map<String, ? extends Collection<String>> groupMembers,
            SharingIndex previous) {
        Map<String, Set<String>> groups = new HashMap<>();
        groupMembers.forEach((group, members) -> groups.put(group, Set.copyOf(members)));
        Map<String, Compiled> before = new HashMap<>();
        for (Compiled c : previous.all) {
            before.put(c.agreement.id(), c);
        }
        List<Agreement> sorted = new ArrayList<>(agreements);
        sorted.sort(Comparator.comparing(Agreement::id));
        Map<String, List<Compiled>> byProduct = new HashMap<>();
        Map<String, List<Compiled>> byDevice = new HashMap<>();
        List<Compiled> all = new ArrayList<>(sorted.size());
        Set<String> ids = new HashSet<>();
        for (Agreement agreement : sorted) {
            if (!ids.add(agreement.id())) {
                throw new IllegalArgumentException("agreement " + agreement.id() + " is given twice");
            }
            Compiled old = before.get(agreement.id());
            boolean keep = old != null && old.agreement.rateLimitPerMinute() == agreement.rateLimitPerMinute();
            RateLimiter records = keep ? old.records : new RateLimiter(agreement.rateLimitPerMinute());
            RateLimiter commands = keep ? old.commands : new RateLimiter(agreement.rateLimitPerMinute());
            Compiled compiled = new Compiled(agreement, groups, records, commands);
            all.add(compiled);
            for (String product : agreement.productIds()) {
                byProduct.computeIfAbsent(product, k -> new ArrayList<>()).add(compiled);
            }
            Set<String> devices = new HashSet<>();
            for (String group : agreement.deviceGroupIds()) {
                devices.addAll(groups.getOrDefault(group, Set.of()));
            }
            for (String device : devices) {
                byDevice.computeIfAbsent(device, k -> new ArrayList<>()).add(compiled);
            }
        }
        return new SharingIndex(freeze(byProduct), freeze(byDevice), List.copyOf(all));
    }

    private static Map<String, List<Compiled>> freeze(Map<String, List<Compiled>> index) {
        Map<String, List<Compiled>> frozen = new HashMap<>(index.size() * 2);
        index.forEach((key, list) -> frozen.put(key, List.copyOf(list)));
        return Map.copyOf(frozen);
    }

    /**
     * The agreements whose scope covers a device of a product, each once, in agreement-id order within
     * the product matches followed by the group matches.
     */
    List<Compiled> covering(String productId, String deviceId) {
        List<Compiled> byP = byProduct.getOrDefault(productId, List.of());
        List<Compiled> byD = byDevice.getOrDefault(deviceId, List.of());
        if (byD.isEmpty()) {
            return byP;
        }
        if (byP.isEmpty()) {
            return byD;
        }
        List<Compiled> result = new ArrayList<>(byP.size() + byD.size());
        result.addAll(byP);
        for (Compiled c : byD) {
            if (!c.agreement.productIds().contains(productId)) {
                result.add(c);
            }
        }
        return result;
    }

    @Nullable Compiled byId(String agreementId) {
        return byId.get(agreementId);
    }

    List<Agreement> agreementsOf(String recipientId) {
        List<Agreement> result = new ArrayList<>();
        for (Compiled c : all) {
            if (c.agreement.recipientId().equals(recipientId)) {
                result.add(c.agreement);
            }
        }
        return result;
    }

    int size() {
        return all.size();
    }
}
