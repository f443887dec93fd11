package io.pactum.core.evidence;

import static io.pactum.core.evidence.EvidenceFixtures.YEAR;
import static io.pactum.core.evidence.EvidenceFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.ledger.EntrySealer;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerCheckpoints;
import io.pactum.core.ledger.MemoryLedgerStore;
import io.pactum.core.ledger.checkpoint.NoteSigner;
import io.pactum.core.ledger.proof.ProofCheck;
import io.pactum.core.ledger.proof.ProofJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceExporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORIGIN = "evidence.test/ledger";
    private static final int IN_PERIOD_FILLER = 2_100;

    @TempDir
    Path dir;

    private final MemoryLedgerStore store = new MemoryLedgerStore();
    private Ledger ledger;
    private LedgerCheckpoints checkpoints;
    private EvidenceExporter exporter;

    @BeforeEach
    void ledgerWithHistory() throws Exception {
        ledger = Ledger.open(store, EntrySealer.NONE, 64);
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        checkpoints = new LedgerCheckpoints(ledger, new NoteSigner(ORIGIN, key.getPrivate(), key.getPublic()),
                Clock.fixed(at("2027-02-01T00:00:00Z"), ZoneOffset.UTC));
        append(AuditEventType.REGISTRY_CHANGED, "2025-07-01T00:00:00Z",
                Map.of("action", "product.approval", "productId", "p1", "state", "approved"));
        append(AuditEventType.AGREEMENT_CHANGED, "2026-02-01T00:00:00Z",
                Map.of("agreementId", "a1", "change", "created", "state", "active"));
        append(AuditEventType.DATA_RELEASED, "2026-03-01T00:00:00Z",
                Map.of("agreementId", "a1", "subjectId", "sealed:v1:k1:Y2lwaGVy"));
        append(AuditEventType.INCIDENT_ACTION, "2026-04-02T00:00:00Z", Map.of("incidentId", "inc-1", "step", "contain"));
        append(AuditEventType.INCIDENT_ACTION, "2026-04-01T00:00:00Z", Map.of("incidentId", "inc-1", "step", "open"));
        for (int i = 0; i < IN_PERIOD_FILLER; i++) {
            ledger.record(new AuditEvent(AuditEventType.SECURITY_SIGNAL, at("2026-06-01T00:00:00Z").plusSeconds(i),
                    AuditEvent.HUB, Map.of("signal", "test")));
        }
        append(AuditEventType.CONSENT_CHANGED, "2027-01-15T00:00:00Z", Map.of("receiptId", "r1"));
        exporter = new EvidenceExporter(new EvidenceSources(ListStores.registry(List.of(), List.of(), List.of()),
                ListStores.agreements(List.of()), ListStores.consents(List.of()), ledger, checkpoints,
                subject -> "sealed", Clock.fixed(at("2027-02-01T00:00:00Z"), ZoneOffset.UTC)));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void entriesOfThePeriod_areWrittenWithProofsAgainstAFreshCheckpoint_readAPageAtATime() throws Exception {
        Path out = dir.resolve("bundle");

        EvidenceSummary summary = exporter.export(YEAR, out, null);

        long treeSize = ledger.size();
        assertThat(summary.checkpoint().size()).isEqualTo(treeSize);
        List<String> lines = Files.readAllLines(out.resolve("entries.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(4 + IN_PERIOD_FILLER);
        assertThat(summary.entries()).isEqualTo(lines.size());
        for (String line : lines) {
            assertThat(YEAR.contains(Instant.parse(JSON.readTree(line).get("time").asText()))).as(line).isTrue();
        }
        assertThat(store.largestRead()).isLessThanOrEqualTo(LedgerEvidence.PAGE);
        for (String line : List.of(lines.get(0), lines.get(2), lines.get(lines.size() - 1))) {
            JsonNode entry = JSON.readTree(line);
            var result = ProofCheck.check(ProofJson.parse(entry.get("proof").toString()), ORIGIN,
                    List.of(checkpoints.verifierKey()));
            assertThat(result.valid()).as(result.reason()).isTrue();
            assertThat(entry.at("/proof/treeSize").asLong()).isEqualTo(treeSize);
        }
        assertThat(JSON.readTree(lines.get(1)).at("/details/subjectId").asText())
                .as("sealed details stay sealed").isEqualTo("sealed:v1:k1:Y2lwaGVy");
    }

    @Test
    void bundle_holdsTheManifestWithHashes_incidentTimelines_andTheCheckpointProofsAreAgainst() throws Exception {
        Path out = dir.resolve("bundle");

        EvidenceSummary summary = exporter.export(YEAR, out, "dpo@example.org");

        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.at("/ledger/origin").asText()).isEqualTo(ORIGIN);
        assertThat(manifest.at("/ledger/verifierKey").asText()).isEqualTo(checkpoints.verifierKey().encoded());
        assertThat(manifest.at("/ledger/treeSize").asLong()).isEqualTo(ledger.size());
        assertThat(summary.files()).hasSize(9).contains("manifest.json", "README.md");
        for (String file : summary.files()) {
            if (!file.equals("manifest.json")) {
                assertThat(manifest.at("/sha256/" + file.replace("~", "~0").replace("/", "~1")).asText()).as(file)
                        .isEqualTo(BundleDirectory.sha256(out.resolve(file)));
            }
        }
        JsonNode incidents = JSON.readTree(out.resolve("incidents.json").toFile()).get("incidents");
        assertThat(incidents).hasSize(1);
        assertThat(incidents.at("/0/incidentId").asText()).isEqualTo("inc-1");
        assertThat(incidents.at("/0/timeline/0/details/step").asText()).as("in time order").isEqualTo("open");
        assertThat(JSON.readTree(out.resolve("agreements.json").toFile()).get("changesInPeriod")).hasSize(1);
        assertThat(JSON.readTree(out.resolve("checkpoints.json").toFile()).at("/proofsAgainst/note").asText())
                .isEqualTo(summary.checkpoint().note());
        assertThat(JSON.readTree(out.resolve("record-of-processing.json").toFile())
                .at("/controller/contactPoint").asText()).isEqualTo("dpo@example.org");
    }

    @Test
    void aNonEmptyTarget_isRefused_andLeftAsItWas() throws Exception {
        Path out = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(out.resolve("mine.txt"), "mine");
        long checkpointsBefore = store.checkpoints().size();

        assertThatThrownBy(() -> exporter.export(YEAR, out, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not empty");

        assertThat(store.checkpoints()).hasSize((int) checkpointsBefore);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("bundle");
        }
        assertThat(Files.readString(out.resolve("mine.txt"))).isEqualTo("mine");
    }

    @Test
    void anEmptyTargetDirectory_isFilled() {
        Path out = dir.resolve("empty");
        assertThat(out.toFile().mkdir()).isTrue();

        exporter.export(YEAR, out, null);

        assertThat(out.resolve("manifest.json")).exists();
    }

    private void append(AuditEventType type, String at, Map<String, String> details) {
        ledger.append(new AuditEvent(type, Instant.parse(at), "admin", details));
    }
}
