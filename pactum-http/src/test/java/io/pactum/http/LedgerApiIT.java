package io.pactum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.ledger.LedgerEntryDecoder;
import io.pactum.core.ledger.checkpoint.NoteVerifierKey;
import io.pactum.core.ledger.merkle.Hash;
import io.pactum.core.ledger.merkle.InMemoryLeafHashes;
import io.pactum.core.ledger.merkle.MerkleTree;
import io.pactum.core.ledger.proof.LedgerProofs;
import io.pactum.core.ledger.proof.ProofCheck;
import io.pactum.core.ledger.proof.ProofCheckResult;
import io.pactum.core.ledger.proof.ProofJson;
import io.pactum.core.registry.ClientKind;
import io.pactum.core.registry.NewApiClient;
import io.pactum.core.registry.NewOrganisation;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit ledger through the API, as an outside verifier uses it: read the head, page through the
 * entries and check each encoding against its leaf hash, sign a checkpoint, and check inclusion and
 * consistency proofs offline with nothing but the published verifier key. Only the operator may.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerApiIT {
    private static final String LEDGER = "/api/v1/ledger";
    private static final int ENTRIES = 300;

    private TestHub hub;
    private Api api;
    private String operator;
    private String operatorReader;
    private String partner;

    @BeforeAll
    void setUp(@TempDir Path dataDir) throws Exception {
        hub = TestHub.withSharing(dataDir);
        api = hub.api;
        operator = hub.operatorToken;
        Principal op = hub.operator();
        operatorReader = hub.registry.clients().create(op, op.organisationId(),
                new NewApiClient("auditor", ClientKind.SERVICE, Set.of(Scope.READ), null)).token();
        String partnerOrg = hub.registry.organisations()
                .create(op, new NewOrganisation("Clinic", OrganisationRole.PARTNER)).id();
        partner = hub.registry.clients().create(op, partnerOrg,
                new NewApiClient("clinic", ClientKind.SERVICE, Set.of(Scope.READ, Scope.WRITE, Scope.ADMIN), null)).token();
        append(ENTRIES);
    }

    @AfterAll
    void tearDown() {
        hub.close();
    }

    @Test
    void head_tellsOriginSizeRootAndVerifierKey_andTheLatestCheckpoint() {
        Api.Reply head = ok(api.get(LEDGER, operatorReader));

        assertThat(head.text("/origin")).isEqualTo("pactum.test/ledger").isEqualTo(hub.checkpoints.origin());
        assertThat(head.json().get("size").asLong()).isEqualTo(hub.auditLedger.size()).isGreaterThanOrEqualTo(ENTRIES);
        assertThat(head.text("/rootHash")).isEqualTo(hub.auditLedger.head().rootHash().base64());
        assertThat(NoteVerifierKey.parse(head.text("/verifierKey"))).isEqualTo(hub.checkpoints.verifierKey());
        assertThat(head.json().has("latestCheckpoint")).as("present even when null").isTrue();
        hub.checkpoints.latest().ifPresentOrElse(
                latest -> assertThat(head.json().at("/latestCheckpoint/size").asLong()).isEqualTo(latest.size()),
                () -> assertThat(head.json().get("latestCheckpoint").isNull()).isTrue());
    }

    @Test
    void entries_pageThroughTheWholeLedger_andEachEncodingHashesToItsLeaf() throws Exception {
        long size = hub.auditLedger.size();
        List<JsonNode> entries = new ArrayList<>();
        long from = 0;
        int pages = 0;
        while (true) {
            Api.Reply page = ok(api.get(LEDGER + "/entries?from=" + from + "&limit=128", operatorReader));
            page.json().get("entries").forEach(entries::add);
            pages++;
            assertThat(page.json().has("next")).isTrue();
            if (page.json().get("next").isNull()) {
                break;
            }
            from = page.json().get("next").asLong();
            assertThat(from).isEqualTo(entries.size());
        }

        assertThat(pages).isEqualTo((int) ((size + 127) / 128));
        assertThat(entries).hasSize((int) size);
        InMemoryLeafHashes leaves = new InMemoryLeafHashes();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            byte[] encoded = Base64.getDecoder().decode(entry.get("encoded").asText());
            Hash leafHash = Hash.fromBase64(entry.get("leafHash").asText());
            assertThat(entry.get("index").asLong()).isEqualTo(i);
            assertThat(leafHash.bytes()).as("leaf %d", i).isEqualTo(leafHashOf(encoded));
            var decoded = LedgerEntryDecoder.decode(encoded);
            assertThat(decoded.index()).isEqualTo(i);
            assertThat(entry.get("time").asText()).isEqualTo(decoded.time().toString());
            assertThat(entry.get("type").asText()).isEqualTo("security_signal");
            assertThat(entry.get("actor").asText()).isEqualTo(AuditEvent.HUB);
            assertThat(entry.at("/details/event").asText()).isEqualTo("SECURITY_SIGNAL");
            assertThat(entry.at("/details/n").asText()).isEqualTo(decoded.details().get("n"));
            leaves.append(leafHash);
        }
        // The leaves a reader fetched rebuild the root the hub publishes.
        assertThat(new MerkleTree(leaves).rootHash(size).base64())
                .isEqualTo(ok(api.get(LEDGER, operatorReader)).text("/rootHash"));

        Api.Reply defaults = ok(api.get(LEDGER + "/entries", operatorReader));
        assertThat(defaults.json().get("entries")).hasSize(100);
        assertThat(defaults.json().get("next").asLong()).isEqualTo(100);
        Api.Reply pastTheEnd = ok(api.get(LEDGER + "/entries?from=" + (size + 5), operatorReader));
        assertThat(pastTheEnd.json().get("entries")).isEmpty();
        assertThat(pastTheEnd.json().get("next").isNull()).isTrue();
    }

    @Test
    void checkpoint_thenInclusionAndConsistencyProofs_verifyOfflineWithTheVerifierKey() throws Exception {
        Api.Reply first = sign(operator);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        long firstSize = first.json().get("size").asLong();
        assertThat(firstSize).isEqualTo(hub.auditLedger.size());
        assertThat(first.text("/note")).startsWith("pactum.test/ledger\n" + firstSize + "\n");
        assertThat(first.text("/time")).isNotEmpty();
        Api.Reply head = ok(api.get(LEDGER, operatorReader));
        assertThat(head.json().get("latestCheckpoint")).isEqualTo(first.json());
        String origin = head.text("/origin");
        List<NoteVerifierKey> trusted = List.of(NoteVerifierKey.parse(head.text("/verifierKey")));

        // Inclusion, in the tree the latest checkpoint signed (the default size).
        Api.Reply inclusion = ok(api.get(LEDGER + "/proofs/inclusion?index=123", operatorReader));
        assertThat(inclusion.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(inclusion.raw()).isEqualTo(ProofJson.write(LedgerProofs.inclusion(hub.auditLedger, origin, 123, firstSize)));
        assertThat(inclusion.json().get("checkpoint").asText()).isEqualTo(first.text("/note"));
        ProofCheckResult included = ProofCheck.check(ProofJson.parse(inclusion.raw()), origin, trusted);
        assertThat(included.valid()).as(included.reason()).isTrue();
        assertThat(included.entry()).isNotNull();
        assertThat(included.entry().index()).isEqualTo(123);

        // The ledger grows, a second checkpoint is signed, and the first tree is a prefix of the second.
        append(40);
        Api.Reply second = sign(operator);
        assertThat(second.status()).as("%s", second).isEqualTo(201);
        long secondSize = second.json().get("size").asLong();
        assertThat(secondSize).isGreaterThanOrEqualTo(firstSize + 40);
        Api.Reply consistency = ok(api.get(LEDGER + "/proofs/consistency?from=" + firstSize, operatorReader));
        assertThat(consistency.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(consistency.json().get("toSize").asLong()).isEqualTo(secondSize);
        assertThat(consistency.json().get("fromCheckpoint").asText()).isEqualTo(first.text("/note"));
        assertThat(consistency.json().get("toCheckpoint").asText()).isEqualTo(second.text("/note"));
        ProofCheckResult consistent = ProofCheck.check(ProofJson.parse(consistency.raw()), origin, trusted);
        assertThat(consistent.valid()).as(consistent.reason()).isTrue();

        // Explicit sizes, and an inclusion proof in the new tree for an entry added after the first checkpoint.
        Api.Reply explicit = ok(api.get(LEDGER + "/proofs/consistency?from=" + firstSize + "&to=" + secondSize,
                operatorReader));
        assertThat(explicit.raw()).isEqualTo(consistency.raw());
        Api.Reply late = ok(api.get(LEDGER + "/proofs/inclusion?index=" + (secondSize - 1) + "&treeSize=" + secondSize,
                operatorReader));
        ProofCheckResult lateIncluded = ProofCheck.check(ProofJson.parse(late.raw()), origin, trusted);
        assertThat(lateIncluded.valid()).as(lateIncluded.reason()).isTrue();

        // Both checkpoints are listed, oldest first, and page.
        Api.Reply all = ok(api.get(LEDGER + "/checkpoints?limit=1000", operatorReader));
        List<JsonNode> listed = new ArrayList<>();
        all.json().get("checkpoints").forEach(listed::add);
        assertThat(listed).hasSizeGreaterThanOrEqualTo(2);
        assertThat(listed.subList(listed.size() - 2, listed.size())).containsExactly(first.json(), second.json());
        assertThat(all.json().get("next").isNull()).isTrue();
        Api.Reply firstPage = ok(api.get(LEDGER + "/checkpoints?limit=1", operatorReader));
        assertThat(firstPage.json().get("checkpoints")).hasSize(1);
        assertThat(firstPage.json().get("next").asLong()).isEqualTo(1);
        Api.Reply lastPage = ok(api.get(LEDGER + "/checkpoints?from=" + (listed.size() - 1), operatorReader));
        assertThat(lastPage.json().get("checkpoints")).containsExactly(second.json());
        assertThat(lastPage.json().get("next").isNull()).isTrue();
    }

    @Test
    void badParameters_areRefusedWith400_namingTheParameter() throws Exception {
        long size = hub.auditLedger.size();
        hub.checkpoints.checkpoint();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("/entries?from=-1", "from");
        cases.put("/entries?from=first", "from");
        cases.put("/entries?limit=0", "limit");
        cases.put("/entries?limit=1001", "limit");
        cases.put("/entries?limit=ten", "limit");
        cases.put("/checkpoints?from=-5", "from");
        cases.put("/checkpoints?limit=0", "limit");
        cases.put("/proofs/inclusion", "index");
        cases.put("/proofs/inclusion?index=-1", "index");
        cases.put("/proofs/inclusion?index=1.5", "index");
        cases.put("/proofs/inclusion?index=" + size + "&treeSize=" + size, "index");
        cases.put("/proofs/inclusion?index=0&treeSize=" + (size + 1_000_000), "treeSize");
        cases.put("/proofs/inclusion?index=0&treeSize=0", "treeSize");
        cases.put("/proofs/inclusion?index=0&treeSize=big", "treeSize");
        cases.put("/proofs/consistency", "from");
        cases.put("/proofs/consistency?from=0", "from");
        cases.put("/proofs/consistency?from=x", "from");
        cases.put("/proofs/consistency?from=10&to=5", "from");
        cases.put("/proofs/consistency?from=1&to=" + (size + 1_000_000), "to");
        cases.put("/proofs/consistency?from=1&to=-3", "to");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Api.Reply reply = api.get(LEDGER + c.getKey(), operatorReader);
            assertThat(reply.status()).as("%s: %s", c.getKey(), reply).isEqualTo(400);
            assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(reply.text("/type")).isEqualTo("https://pactum.io/problems/invalid-input");
            assertThat(reply.field()).as("%s: %s", c.getKey(), reply).isEqualTo(c.getValue());
        }
    }

    @Test
    void freshLedger_hasNoCheckpoint_soProofsWithoutASizeNameTheMissingSize(@TempDir Path dataDir) throws Exception {
        try (TestHub fresh = TestHub.withSharing(dataDir)) {
            Api.Reply head = ok(fresh.api.get(LEDGER, fresh.operatorToken));
            assertThat(head.json().get("latestCheckpoint").isNull()).isTrue();
            assertThat(head.json().get("size").asLong()).isEqualTo(fresh.auditLedger.size());
            Api.Reply checkpoints = ok(fresh.api.get(LEDGER + "/checkpoints", fresh.operatorToken));
            assertThat(checkpoints.json().get("checkpoints")).isEmpty();
            assertThat(checkpoints.json().get("next").isNull()).isTrue();

            Api.Reply inclusion = fresh.api.get(LEDGER + "/proofs/inclusion?index=0", fresh.operatorToken);
            assertThat(inclusion.status()).as("%s", inclusion).isEqualTo(400);
            assertThat(inclusion.field()).isEqualTo("treeSize");
            Api.Reply consistency = fresh.api.get(LEDGER + "/proofs/consistency?from=1", fresh.operatorToken);
            assertThat(consistency.status()).as("%s", consistency).isEqualTo(400);
            assertThat(consistency.field()).isEqualTo("to");
        }
    }

    @Test
    void onlyTheOperator_readsTheLedger_onlyWithWriteScopeSignsACheckpoint_andATokenIsRequired() {
        List<String> reads = List.of(LEDGER, LEDGER + "/entries", LEDGER + "/checkpoints",
                LEDGER + "/proofs/inclusion?index=0&treeSize=1", LEDGER + "/proofs/consistency?from=1&to=1");
        int before = hub.auditLedger.store().checkpoints().size();
        for (String path : reads) {
            assertThat(api.get(path, partner).status()).as("partner GET %s", path).isEqualTo(403);
            assertThat(api.get(path, null).status()).as("anonymous GET %s", path).isEqualTo(401);
            assertThat(api.get(path, operatorReader).status()).as("operator (read) GET %s", path).isEqualTo(200);
        }
        Api.Reply byPartner = sign(partner);
        assertThat(byPartner.status()).isEqualTo(403);
        assertThat(byPartner.text("/type")).isEqualTo("https://pactum.io/problems/forbidden");
        assertThat(sign(operatorReader).status()).isEqualTo(403);
        assertThat(sign(null).status()).isEqualTo(401);
        assertThat(hub.auditLedger.store().checkpoints()).hasSize(before);
    }

    /** Asks for a checkpoint: a POST without a body, as the action takes none. */
    private Api.Reply sign(@Nullable String token) {
        return api.send("POST", LEDGER + "/checkpoints", token, null, null);
    }

    private void append(int count) throws Exception {
        // From many threads at once, as the hub's adapters do: the ledger's writer commits them in groups.
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Long>> appends = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String n = Integer.toString(i);
                appends.add(() -> hub.auditLedger.appendAndGetIndex(new AuditEvent(AuditEventType.SECURITY_SIGNAL,
                        Instant.now(), AuditEvent.HUB, Map.of("n", n))));
            }
            for (Future<Long> done : pool.invokeAll(appends)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] leafHashOf(byte[] encoded) throws NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((byte) 0x00);
        return sha256.digest(encoded);
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply;
    }
}
