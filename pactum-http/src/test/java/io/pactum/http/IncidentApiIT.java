package io.pactum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.core.incident.IncidentStatus;
import io.pactum.core.incident.Severity;
import io.pactum.core.ledger.LedgerEntry;
import io.pactum.core.ledger.LedgerEntryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident API over a real hub: incidents opened as the hub's detectors open them, kept in the
 * JDBC store, recorded in the audit ledger, and acted on through the real {@code IncidentResponse}
 * with a response action of the test's own ({@link FlagDeviceAction}). Every refusal is compared
 * against everything the hub holds (incidents and timelines included) before and after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentApiIT {
    private static final String INCIDENTS = "/api/v1/incidents";

    private TestHub hub;
    private Api api;
    private String op;
    private final AtomicInteger unique = new AtomicInteger();

    @BeforeAll
    void setUp(@TempDir Path dataDir) throws Exception {
        hub = TestHub.withSharing(dataDir);
        api = hub.api;
        op = hub.operatorToken;
    }

    @AfterAll
    void tearDown() {
        hub.close();
    }

    @Test
    void get_showsTheIncident_withItsVersionAsETag() {
        String id = hub.raiseIncident("shape " + next(), Severity.HIGH, "dev-b", "dev-a");

        Api.Reply reply = api.get(INCIDENTS + "/" + id, op);

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode incident = reply.json();
        assertThat(fieldNames(incident)).containsExactlyInAnyOrder("id", "detector", "subject", "title", "severity",
                "status", "detectedAt", "lastSignalAt", "deviceIds", "organisationIds", "dataSubjectIds", "signals",
                "signalCount", "version");
        assertThat(incident.get("id").asText()).isEqualTo(id);
        assertThat(incident.get("detector").asText()).isEqualTo("test-detector");
        assertThat(incident.get("severity").asText()).isEqualTo("high");
        assertThat(incident.get("status").asText()).isEqualTo("open");
        assertThat(incident.get("deviceIds").toString()).isEqualTo("[\"dev-a\",\"dev-b\"]");
        assertThat(incident.get("signalCount").asLong()).isZero();
        assertThat(incident.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void list_filtersByStatusAndSeverity_andPagesWithOffsetAndNext() throws Exception {
        String high = hub.raiseIncident("list high " + next(), Severity.HIGH);
        String low = hub.raiseIncident("list low " + next(), Severity.LOW);
        hub.incidents.changeStatus(low, IncidentStatus.RESOLVED, "false alarm");

        List<String> highOnes = ids(api.get(INCIDENTS + "?severity=HIGH", op));
        assertThat(highOnes).contains(high).doesNotContain(low);
        assertThat(api.get(INCIDENTS + "?severity=high", op).json().get("items"))
                .allSatisfy(i -> assertThat(i.get("severity").asText()).isEqualTo("high"));
        assertThat(ids(api.get(INCIDENTS + "?status=resolved", op))).contains(low).doesNotContain(high);
        assertThat(ids(api.get(INCIDENTS + "?status=open&severity=low", op))).doesNotContain(low, high);
        assertThat(ids(api.get(INCIDENTS + "?since=2999-01-01T00:00:00Z", op))).isEmpty();

        Api.Reply all = api.get(INCIDENTS + "?limit=499", op);
        int total = all.json().get("items").size();
        assertThat(all.json().get("next").isNull()).isTrue();
        Api.Reply first = api.get(INCIDENTS + "?limit=1", op);
        assertThat(first.json().get("items")).hasSize(1);
        assertThat(first.json().get("next").asInt()).isEqualTo(1);
        Api.Reply last = api.get(INCIDENTS + "?limit=1&offset=" + (total - 1), op);
        assertThat(last.json().get("items")).hasSize(1);
        assertThat(last.json().get("next").isNull()).isTrue();
        // newest first: the last page holds the oldest
        assertThat(last.json().at("/items/0/id").asText()).isEqualTo(all.json().at("/items/" + (total - 1) + "/id").asText());
    }

    @Test
    void list_refusesBadQueryParameters_namingEach() {
        Map<String, String> bad = Map.of(
                "status=closed", "status",
                "severity=severe", "severity",
                "since=yesterday", "since",
                "offset=-1", "offset",
                "limit=0", "limit",
                "limit=500", "limit",
                "limit=ten", "limit");
        bad.forEach((query, field) -> {
            Api.Reply reply = api.get(INCIDENTS + "?" + query, op);
            assertThat(reply.status()).as("%s: %s", query, reply).isEqualTo(400);
            assertThat(reply.field()).as(query).isEqualTo(field);
            assertThat(reply.text("/detail")).as(query).contains(field);
        });
    }

    @Test
    void timeline_listsTheStepsInOrder() {
        String id = hub.raiseIncident("timeline " + next(), Severity.MEDIUM, "dev-t");
        assertThat(api.post(INCIDENTS + "/" + id + "/notes", op, "{\"text\": \"looking\"}").status()).isEqualTo(201);

        Api.Reply reply = api.get(INCIDENTS + "/" + id + "/timeline", op);

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        JsonNode items = reply.json().get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("seq").asLong()).isEqualTo(1);
        assertThat(items.get(0).get("kind").asText()).isEqualTo("detected");
        assertThat(items.get(0).get("actor").asText()).isEqualTo("hub");
        assertThat(items.get(0).get("detail").asText()).startsWith("test detection on timeline");
        assertThat(items.get(1).get("seq").asLong()).isEqualTo(2);
        assertThat(items.get(1).get("kind").asText()).isEqualTo("note");
        assertThat(items.get(1).get("actor").asText()).isEqualTo(api.get("/api/v1/me", op).text("/clientId"));
        assertThat(fieldNames(items.get(1))).containsExactlyInAnyOrder("seq", "at", "actor", "kind", "detail");
    }

    @Test
    void statusChange_withTheCurrentVersion_movesIt_andAStaleVersionIsRefused_changingNothing() throws Exception {
        String id = hub.raiseIncident("status " + next(), Severity.HIGH, "dev-s");

        Api.Reply contained = put(id, "/status", "{\"status\": \"contained\", \"reason\": \"device isolated\"}", "\"1\"");
        assertThat(contained.status()).as("%s", contained).isEqualTo(200);
        assertThat(contained.text("/status")).isEqualTo("contained");
        assertThat(contained.json().has("containedAt")).isTrue();
        assertThat(contained.json().get("version").asLong()).isEqualTo(2);
        assertThat(contained.headers().firstValue("ETag")).hasValue("\"2\"");

        String before = hub.snapshot();
        Api.Reply stale = put(id, "/status", "{\"status\": \"resolved\"}", "\"1\"");
        assertThat(stale.status()).as("%s", stale).isEqualTo(412);
        assertThat(stale.text("/code")).isEqualTo("precondition_failed");
        Api.Reply unguarded = put(id, "/status", "{\"status\": \"resolved\"}", null);
        assertThat(unguarded.status()).as("%s", unguarded).isEqualTo(428);
        assertThat(unguarded.text("/detail")).contains("If-Match");
        Api.Reply wildcard = put(id, "/status", "{\"status\": \"resolved\"}", "*");
        assertThat(wildcard.status()).as("%s", wildcard).isEqualTo(400);
        assertThat(wildcard.field()).isEqualTo("If-Match");
        Api.Reply notAllowed = put(id, "/status", "{\"status\": \"contained\"}", "\"2\"");
        assertThat(notAllowed.status()).as("%s", notAllowed).isEqualTo(409);
        assertThat(notAllowed.field()).isEqualTo("status");
        assertThat(hub.snapshot()).isEqualTo(before);

        Api.Reply resolved = put(id, "/status", "{\"status\": \"resolved\"}", "\"2\"");
        assertThat(resolved.status()).as("%s", resolved).isEqualTo(200);
        assertThat(resolved.json().has("resolvedAt")).isTrue();
        assertThat(resolved.headers().firstValue("ETag")).hasValue("\"3\"");
        List<JsonNode> changes = entries(id, "status_changed");
        assertThat(changes).extracting(e -> e.get("target").asText()).containsExactly("contained", "resolved");
        assertThat(changes.get(0).get("detail").asText()).isEqualTo("device isolated");
    }

    @Test
    void assign_thenUnassign_eachNamingTheVersion() throws Exception {
        String id = hub.raiseIncident("assign " + next(), Severity.LOW);

        Api.Reply assigned = put(id, "/assignee", "{\"assignee\": \"responder-1\"}", "\"1\"");
        assertThat(assigned.status()).as("%s", assigned).isEqualTo(200);
        assertThat(assigned.text("/assignee")).isEqualTo("responder-1");
        assertThat(assigned.headers().firstValue("ETag")).hasValue("\"2\"");

        String before = hub.snapshot();
        assertThat(put(id, "/assignee", "{\"assignee\": \"responder-2\"}", "\"1\"").status()).isEqualTo(412);
        Api.Reply forgotten = put(id, "/assignee", "{}", "\"2\"");
        assertThat(forgotten.status()).as("%s", forgotten).isEqualTo(400);
        assertThat(forgotten.field()).isEqualTo("assignee");
        assertThat(hub.snapshot()).isEqualTo(before);

        Api.Reply unassigned = put(id, "/assignee", "{\"assignee\": null}", "\"2\"");
        assertThat(unassigned.status()).as("%s", unassigned).isEqualTo(200);
        assertThat(unassigned.json().has("assignee")).isFalse();
        assertThat(unassigned.json().get("version").asLong()).isEqualTo(3);
        assertThat(entries(id, "assigned")).extracting(e -> e.path("target").asText(null))
                .containsExactly("responder-1", null);
    }

    @Test
    void note_isAddedToTheTimeline_butOneWithControlCharactersIsRefused() throws Exception {
        String id = hub.raiseIncident("note " + next(), Severity.LOW);

        Api.Reply note = api.post(INCIDENTS + "/" + id + "/notes", op, "{\"text\": \"called the supplier\\n\\tno answer\"}");
        assertThat(note.status()).as("%s", note).isEqualTo(201);
        assertThat(note.text("/kind")).isEqualTo("note");
        assertThat(note.text("/detail")).isEqualTo("called the supplier\n\tno answer");

        String before = hub.snapshot();
        for (String text : List.of("\"ring \\u0007 ring\"", "\"forged\\u001b[2Jline\"", "\"   \"", "\"" + "x".repeat(4001) + "\"")) {
            Api.Reply refused = api.post(INCIDENTS + "/" + id + "/notes", op, "{\"text\": " + text + "}");
            assertThat(refused.status()).as("%s", refused).isEqualTo(400);
            assertThat(refused.field()).isEqualTo("text");
        }
        assertThat(hub.snapshot()).isEqualTo(before);
        assertThat(entries(id, "note")).hasSize(1);
    }

    @Test
    void action_takenThenReversed_isCarriedOutAndRecorded() throws Exception {
        String id = hub.raiseIncident("action " + next(), Severity.HIGH, "dev-x");
        int done = hub.flagDevice.done().size();
        long ledgerSize = hub.auditLedger.size();

        Api.Reply taken = api.post(INCIDENTS + "/" + id + "/actions", op,
                "{\"action\": \"flag-device\", \"target\": \"dev-x\", \"reason\": \"odd readings\"}");
        assertThat(taken.status()).as("%s", taken).isEqualTo(201);
        assertThat(taken.text("/kind")).isEqualTo("action_taken");
        assertThat(taken.text("/action")).isEqualTo("flag-device");
        assertThat(taken.text("/target")).isEqualTo("dev-x");
        assertThat(taken.text("/detail")).isEqualTo("flagged dev-x; odd readings");
        assertThat(hub.flagDevice.done()).hasSize(done + 1).last().isEqualTo("flagged dev-x in " + id);
        assertThat(hub.incidents.standingActions(id)).hasSize(1);

        Api.Reply reversed = api.post(INCIDENTS + "/" + id + "/actions/reverse", op,
                "{\"action\": \"flag-device\", \"target\": \"dev-x\", \"reason\": \"readings explained\"}");
        assertThat(reversed.status()).as("%s", reversed).isEqualTo(201);
        assertThat(reversed.text("/kind")).isEqualTo("action_reversed");
        assertThat(reversed.text("/detail")).isEqualTo("unflagged dev-x; readings explained");
        assertThat(hub.flagDevice.done()).hasSize(done + 2).last()
                .isEqualTo("unflagged dev-x (taken: flagged dev-x; odd readings)");
        assertThat(hub.incidents.standingActions(id)).isEmpty();
        assertThat(entries(id, "action_taken")).hasSize(1);
        assertThat(entries(id, "action_reversed")).hasSize(1);
        // Both steps are in the audit ledger, naming the incident, the action and its target.
        List<LedgerEntry> recorded = hub.auditLedger.entries(ledgerSize, 100);
        assertThat(recorded).filteredOn(e -> e.type() == LedgerEntryType.INCIDENT_ACTION)
                .extracting(e -> e.details().get("kind") + " " + e.details().get("action") + " "
                        + e.details().get("target") + " " + e.details().get("incidentId"))
                .containsExactly("action_taken flag-device dev-x " + id, "action_reversed flag-device dev-x " + id);
    }

    @Test
    void actions_thatCannotBeCarriedOut_areRefused_andNothingIsDone() throws Exception {
        String id = hub.raiseIncident("refused action " + next(), Severity.HIGH, "dev-y");
        String before = hub.snapshot();

        Api.Reply unknown = api.post(INCIDENTS + "/" + id + "/actions", op,
                "{\"action\": \"launch-missiles\", \"target\": \"dev-y\"}");
        assertThat(unknown.status()).as("%s", unknown).isEqualTo(400);
        assertThat(unknown.field()).isEqualTo("action");
        assertThat(unknown.text("/detail")).contains("flag-device");
        Api.Reply badTarget = api.post(INCIDENTS + "/" + id + "/actions", op,
                "{\"action\": \"flag-device\", \"target\": \"not a device\"}");
        assertThat(badTarget.status()).as("%s", badTarget).isEqualTo(400);
        assertThat(badTarget.field()).isEqualTo("target");
        Api.Reply notStanding = api.post(INCIDENTS + "/" + id + "/actions/reverse", op,
                "{\"action\": \"flag-device\", \"target\": \"dev-y\"}");
        assertThat(notStanding.status()).as("%s", notStanding).isEqualTo(409);
        assertThat(notStanding.field()).isEqualTo("action");
        assertThat(hub.snapshot()).isEqualTo(before);

        hub.incidents.changeStatus(id, IncidentStatus.RESOLVED, "over");
        String resolved = hub.snapshot();
        Api.Reply onResolved = api.post(INCIDENTS + "/" + id + "/actions", op,
                "{\"action\": \"flag-device\", \"target\": \"dev-y\"}");
        assertThat(onResolved.status()).as("%s", onResolved).isEqualTo(409);
        assertThat(onResolved.field()).isEqualTo("status");
        assertThat(hub.snapshot()).isEqualTo(resolved);
    }

    @TestFactory
    Stream<DynamicTest> malformedBodies_areRefusedNamingTheField_andChangeNothing() {
        record Case(String method, String route, String body, @Nullable String field) {}
        String flag = "\"action\": \"flag-device\", \"target\": \"dev-m\"";
        List<Case> cases = List.of(
                new Case("PUT", "/status", "{\"status\": \"contained\", \"urgent\": true}", "urgent"),
                new Case("PUT", "/status", "{\"status\": 2}", "status"),
                new Case("PUT", "/status", "{\"status\": \"closed\"}", "status"),
                new Case("PUT", "/status", "{\"reason\": \"no status\"}", "status"),
                new Case("PUT", "/status", "{\"status\": \"contained\", \"reason\": 7}", "reason"),
                new Case("PUT", "/status", "{\"status\": \"contained\", \"reason\": \"bell \\u0007\"}", "reason"),
                new Case("PUT", "/status", "[\"contained\"]", null),
                new Case("PUT", "/assignee", "{\"assignee\": \"a\", \"team\": \"b\"}", "team"),
                new Case("PUT", "/assignee", "{\"assignee\": [\"a\"]}", "assignee"),
                new Case("PUT", "/assignee", "{\"assignee\": 12}", "assignee"),
                new Case("PUT", "/assignee", "{\"assignee\": \"   \"}", "assignee"),
                new Case("PUT", "/assignee", "{}", "assignee"),
                new Case("POST", "/notes", "{\"text\": \"a\", \"at\": \"now\"}", "at"),
                new Case("POST", "/notes", "{\"text\": 1}", "text"),
                new Case("POST", "/notes", "{}", "text"),
                new Case("POST", "/notes", "{\"text\": \"unterminated}", null),
                new Case("POST", "/actions", "{" + flag + ", \"force\": true}", "force"),
                new Case("POST", "/actions", "{\"action\": 1, \"target\": \"dev-m\"}", "action"),
                new Case("POST", "/actions", "{\"target\": \"dev-m\"}", "action"),
                new Case("POST", "/actions", "{\"action\": \"flag-device\"}", "target"),
                new Case("POST", "/actions", "{\"action\": \"flag-device\", \"target\": \"" + "d".repeat(257) + "\"}", "target"),
                new Case("POST", "/actions", "{" + flag + ", \"reason\": false}", "reason"),
                new Case("POST", "/actions/reverse", "{\"action\": \"flag-device\", \"target\": {}}", "target"),
                new Case("POST", "/actions/reverse", "{\"action\": \"flag-device\"}", "target"));
        String id = hub.raiseIncident("malformed " + next(), Severity.MEDIUM, "dev-m");
        hub.incidentResponse.take(hub.operator(), id, "flag-device", "dev-m", "so that there is one to reverse");
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            tests.add(DynamicTest.dynamicTest(c.method() + " " + c.route() + " " + c.body(), () -> {
                String before = hub.snapshot();
                Api.Reply reply = api.send(c.method(), INCIDENTS + "/" + id + c.route(), op, c.body(), "application/json",
                        Map.of("If-Match", "\"1\""));
                assertThat(reply.status()).as("%s", reply).isEqualTo(400);
                assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(reply.field()).isEqualTo(c.field());
                if (c.field() != null) {
                    assertThat(reply.text("/detail")).contains(c.field());
                }
                assertThat(hub.snapshot()).isEqualTo(before);
            }));
        }
        return tests.stream();
    }

    @Test
    void unknownIncident_answers404_onEveryRoute() throws Exception {
        String missing = INCIDENTS + "/no-such-incident";
        String before = hub.snapshot();
        List<Api.Reply> replies = List.of(
                api.get(missing, op),
                api.get(missing + "/timeline", op),
                put("no-such-incident", "/status", "{\"status\": \"resolved\"}", "\"1\""),
                put("no-such-incident", "/assignee", "{\"assignee\": null}", "\"1\""),
                api.post(missing + "/notes", op, "{\"text\": \"hello\"}"),
                api.post(missing + "/actions", op, "{\"action\": \"flag-device\", \"target\": \"dev-1\"}"),
                api.post(missing + "/actions/reverse", op, "{\"action\": \"flag-device\", \"target\": \"dev-1\"}"));
        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).as("%s", reply).isEqualTo(404);
            assertThat(reply.text("/code")).isEqualTo("not_found");
        });
        assertThat(hub.snapshot()).isEqualTo(before);
    }

    private Api.Reply put(String id, String route, String body, @Nullable String ifMatch) {
        return api.send("PUT", INCIDENTS + "/" + id + route, op, body, "application/json",
                ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    /** The incident's timeline entries of one kind, in order. */
    private List<JsonNode> entries(String id, String kind) {
        List<JsonNode> found = new ArrayList<>();
        api.get(INCIDENTS + "/" + id + "/timeline", op).json().get("items").forEach(e -> {
            if (e.get("kind").asText().equals(kind)) {
                found.add(e);
            }
        });
        return found;
    }

    private static List<String> ids(Api.Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.json().get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private int next() {
        return unique.incrementAndGet();
    }
}
