package io.pactum.core.evidence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactum.core.ledger.LedgerEntry;
import io.pactum.core.ledger.StoredCheckpoint;
import io.pactum.core.registry.Device;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.RegistryStores;
import io.pactum.core.sharing.Agreement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Writes the evidence bundle of a period to a directory (see the bundle's README, {@link BundleReadme}).
 * A fresh checkpoint is signed first, and every entry of the period is proved against it; the ledger
 * is read a page at a time.
 */
public final class EvidenceExporter {
    public static final String FORMAT = "pactum-evidence-1";
    static final String MANIFEST = "manifest.json";
    static final String ENTRIES = "entries.jsonl";
    static final String UNASSIGNED_INCIDENT = "unassigned";

    private final EvidenceSources sources;

    public EvidenceExporter(EvidenceSources sources) {
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    /**
     * Writes the bundle to {@code target}, which must not exist or be an empty directory.
     *
     * @param contactPoint the controller's contact point for the record of processing; null if not configured
     */
    public EvidenceSummary export(EvidencePeriod period, Path target, @Nullable String contactPoint) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(target, "target");
        BundleDirectory.requireUsable(target);
        Path dir = BundleDirectory.createBeside(target);
        try {
            EvidenceSummary written = write(period, dir, target, contactPoint);
            BundleDirectory.publish(dir, target);
            return written;
        } catch (RuntimeException e) {
            BundleDirectory.deleteQuietly(dir);
            throw e;
        }
    }

    private EvidenceSummary write(EvidencePeriod period, Path dir, Path target, @Nullable String contactPoint) {
        String origin = sources.checkpoints().origin();
        String verifierKey = sources.checkpoints().verifierKey().encoded();
        StoredCheckpoint checkpoint = sources.checkpoints().checkpoint();
        LedgerEvidence ledger = LedgerEvidence.write(sources.ledger(), origin, checkpoint, period,
                dir.resolve(ENTRIES));

        RegistryStores registry = sources.registry();
        List<Product> products = registry.products().list();
        List<Agreement> agreements = PeriodSelection.agreementsInForce(sources.agreements().list(), period);
        PeriodSelection.Consents consents = PeriodSelection.consents(sources.consents().list(), period);
        List<Product> approved = PeriodSelection.approvedProducts(products, ledger.approvalsUntilEnd(), period);
        Map<String, List<LedgerEntry>> incidents = incidents(ledger.incidentActions());

        RecordOfProcessing record = RecordOfProcessingDerivation.derive(period, contactPoint,
                new RecordOfProcessingDerivation.Facts(registry.organisations().list(), products,
                        productsWithSubjectLinkedDevices(products), this::productsOfGroup), agreements);
        EvidenceJson.write(dir.resolve("record-of-processing.json"), EvidenceJson.recordOfProcessing(record));
        EvidenceJson.write(dir.resolve("agreements.json"), agreementsJson(period, agreements, ledger.agreementChanges()));
        EvidenceJson.write(dir.resolve("consents.json"), consentsJson(period, consents));
        EvidenceJson.write(dir.resolve("approvals.json"), approvalsJson(period, approved, ledger.approvalsUntilEnd()));
        EvidenceJson.write(dir.resolve("incidents.json"), incidentsJson(period, incidents));
        EvidenceJson.write(dir.resolve("checkpoints.json"), checkpointsJson(period, checkpoint));
        writeText(dir.resolve("README.md"), BundleReadme.text(period, origin, verifierKey, checkpoint));

        List<String> files = files(dir);
        ObjectNode manifest = EvidenceJson.object();
        manifest.put("format", FORMAT);
        manifest.set("period", EvidenceJson.period(period));
        manifest.put("generatedAt", sources.clock().instant().toString());
        ObjectNode ledgerJson = manifest.putObject("ledger");
        ledgerJson.put("origin", origin);
        ledgerJson.put("verifierKey", verifierKey);
        ledgerJson.put("treeSize", checkpoint.size());
        ledgerJson.put("checkpoint", checkpoint.note());
        ObjectNode counts = manifest.putObject("counts");
        counts.put("entries", ledger.written());
        counts.put("agreements", agreements.size());
        counts.put("consentsInForce", consents.inForce().size());
        counts.put("approvedProducts", approved.size());
        counts.put("incidents", incidents.size());
        ObjectNode hashes = manifest.putObject("sha256");
        for (String file : files) {
            hashes.put(file, BundleDirectory.sha256(dir.resolve(file)));
        }
        EvidenceJson.write(dir.resolve(MANIFEST), manifest);

        List<String> all = new ArrayList<>(files);
        all.add(MANIFEST);
        return new EvidenceSummary(target, period, ledger.written(), agreements.size(), consents.inForce().size(),
                approved.size(), incidents.size(), all, checkpoint);
    }

    private Set<String> productsWithSubjectLinkedDevices(List<Product> products) {
        Set<String> linked = new HashSet<>();
        for (Product product : products) {
            if (sources.registry().devices().listByProduct(product.id()).stream().anyMatch(d -> d.subjectId() != null)) {
                linked.add(product.id());
            }
        }
        return linked;
    }

    private Set<String> productsOfGroup(String groupId) {
        Set<String> products = new TreeSet<>();
        sources.registry().groups().find(groupId).ifPresent(group -> group.deviceIds().forEach(deviceId ->
                sources.registry().devices().find(deviceId).map(Device::productId).ifPresent(products::add)));
        return products;
    }

    private static ObjectNode agreementsJson(EvidencePeriod period, List<Agreement> agreements, List<LedgerEntry> changes) {
        ObjectNode json = withPeriod(period);
        ArrayNode inForce = json.putArray("inForce");
        agreements.forEach(a -> inForce.add(EvidenceJson.agreement(a)));
        entries(json.putArray("changesInPeriod"), changes);
        return json;
    }

    private ObjectNode consentsJson(EvidencePeriod period, PeriodSelection.Consents consents) {
        ObjectNode json = withPeriod(period);
        ArrayNode inForce = json.putArray("inForce");
        consents.inForce().forEach(r -> inForce.add(EvidenceJson.receipt(r, sources.subjectView())));
        ArrayNode changed = json.putArray("changedInPeriod");
        consents.changedInPeriod().forEach(r -> changed.add(EvidenceJson.receipt(r, sources.subjectView())));
        return json;
    }

    private static ObjectNode approvalsJson(EvidencePeriod period, List<Product> approved, List<LedgerEntry> decisions) {
        ObjectNode json = withPeriod(period);
        ArrayNode products = json.putArray("products");
        for (Product product : approved) {
            ObjectNode node = EvidenceJson.product(product);
            entries(node.putArray("approvalEntriesInPeriod"), decisions.stream()
                    .filter(e -> period.contains(e.time()) && product.id().equals(e.details().get("productId")))
                    .toList());
            products.add(node);
        }
        return json;
    }

    private static ObjectNode incidentsJson(EvidencePeriod period, Map<String, List<LedgerEntry>> incidents) {
        ObjectNode json = withPeriod(period);
        json.put("note", "incident handling is not built yet (issue #6): incidents are the period's INCIDENT_ACTION"
                + " ledger entries grouped by their incidentId detail");
        ArrayNode array = json.putArray("incidents");
        incidents.forEach((id, actions) -> {
            ObjectNode incident = array.addObject();
            incident.put("incidentId", id);
            entries(incident.putArray("timeline"), actions.stream()
                    .sorted((a, b) -> a.time().compareTo(b.time())).toList());
        });
        return json;
    }

    private ObjectNode checkpointsJson(EvidencePeriod period, StoredCheckpoint proofsAgainst) {
        ObjectNode json = withPeriod(period);
        ArrayNode inPeriod = json.putArray("inPeriod");
        sources.ledger().store().checkpoints().stream()
                .filter(c -> period.contains(c.time()))
                .forEach(c -> inPeriod.add(EvidenceJson.checkpoint(c)));
        json.set("proofsAgainst", EvidenceJson.checkpoint(proofsAgainst));
        return json;
    }

    private static Map<String, List<LedgerEntry>> incidents(List<LedgerEntry> actions) {
        Map<String, List<LedgerEntry>> byIncident = new LinkedHashMap<>();
        for (LedgerEntry action : actions) {
            byIncident.computeIfAbsent(action.details().getOrDefault("incidentId", UNASSIGNED_INCIDENT),
                    k -> new ArrayList<>()).add(action);
        }
        return byIncident;
    }

    private static ObjectNode withPeriod(EvidencePeriod period) {
        ObjectNode json = EvidenceJson.object();
        json.set("period", EvidenceJson.period(period));
        return json;
    }

    private static void entries(ArrayNode array, List<LedgerEntry> entries) {
        entries.forEach(e -> array.add(EvidenceJson.entry(e)));
    }

    private static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The bundle's files so far, by name, sorted. */
    private static List<String> files(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
