package io.pactum.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.error.ConflictException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.incident.Incident;
import io.pactum.core.incident.IncidentQuery;
import io.pactum.core.incident.IncidentStatus;
import io.pactum.core.incident.IncidentStore;
import io.pactum.core.incident.LinkedSignal;
import io.pactum.core.incident.Severity;
import io.pactum.core.incident.TimelineEntry;
import io.pactum.core.incident.TimelineEntry.Draft;
import io.pactum.core.incident.TimelineEntry.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every incident store must show; a back end runs it by extending this class.
 * Incidents come back equal to what was stored; of two updates from the same version exactly one wins.
 */
abstract class IncidentStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    /** A fresh, empty incident store of one back end. */
    protected abstract IncidentStore newStore();

    /** Another store over the database of the last {@link #newStore()}, with its own pool, as on a second node. */
    protected abstract IncidentStore anotherStoreOverTheSameDatabase();

    private IncidentStore store;

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    private static Incident incident(String id, String detector, String subject, Severity severity, Instant at) {
        return new Incident(id, detector, subject, "Burst of failures from " + subject, severity, IncidentStatus.OPEN,
                at, at, null, null, Set.of(subject, "dev-0"), Set.of("acme"), Set.of("subject-42"),
                List.of(new LinkedSignal("AUTHENTICATION_FAILURE", subject, at),
                        new LinkedSignal("REPLAY", subject, at.plusNanos(1000))),
                2, null, 1);
    }

    private static Draft draft(Kind kind, String detail) {
        return new Draft(T0, "hub", kind, null, null, detail);
    }

    @Test
    void create_thenFind_returnsTheSameIncident_andItsFirstEntries() {
        Incident incident = incident("i-1", "auth-failure-burst", "dev-1", Severity.HIGH, T0);
        store.create(incident, List.of(new Draft(T0, "hub", Kind.DETECTED, null, "dev-1", "opened")));

        assertThat(store.find("i-1")).contains(incident);
        assertThat(store.find("i-2")).isEmpty();
        assertThat(store.timeline("i-1")).containsExactly(
                new TimelineEntry("i-1", 1, T0, "hub", Kind.DETECTED, null, "dev-1", "opened"));
        assertThat(store.timeline("i-2")).isEmpty();
    }

    @Test
    void create_twice_isAConflict() {
        Incident incident = incident("i-1", "d", "dev-1", Severity.LOW, T0);
        store.create(incident, List.of());

        assertThatThrownBy(() -> store.create(incident, List.of())).isInstanceOf(ConflictException.class);
    }

    @Test
    void update_withTheCurrentVersion_replacesIt_bumpsTheVersion_andAppendsEntries() {
        Incident incident = incident("i-1", "d", "dev-1", Severity.LOW, T0);
        store.create(incident, List.of(draft(Kind.DETECTED, "opened")));
        Incident contained = incident.withStatus(IncidentStatus.CONTAINED, T0.plusSeconds(60)).withAssignee("ops-bob");

        Incident stored = store.update(contained, 1, List.of(
                new Draft(T0.plusSeconds(60), "ops-alice", Kind.STATUS_CHANGED, null, "contained", "quarantined"),
                new Draft(T0.plusSeconds(60), "ops-alice", Kind.ASSIGNED, null, "ops-bob", "assigned")));

        assertThat(stored.version()).isEqualTo(2);
        assertThat(store.find("i-1")).contains(stored);
        assertThat(stored.containedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(store.timeline("i-1")).extracting(TimelineEntry::seq).containsExactly(1L, 2L, 3L);
        assertThat(store.timeline("i-1")).extracting(TimelineEntry::kind)
                .containsExactly(Kind.DETECTED, Kind.STATUS_CHANGED, Kind.ASSIGNED);
    }

    @Test
    void update_withAStaleVersion_isAConflict_andChangesNothing() {
        Incident incident = incident("i-1", "d", "dev-1", Severity.LOW, T0);
        store.create(incident, List.of());
        store.update(incident.withAssignee("ops-bob"), 1, List.of());

        assertThatThrownBy(() -> store.update(incident.withStatus(IncidentStatus.RESOLVED, T0), 1,
                List.of(draft(Kind.STATUS_CHANGED, "late"))))
                .isInstanceOf(ConflictException.class);
        Incident stored = store.find("i-1").orElseThrow();
        assertThat(stored.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(store.timeline("i-1")).isEmpty();
    }

    @Test
    void update_ofAMissingIncident_isNotFound() {
        assertThatThrownBy(() -> store.update(incident("nope", "d", "s", Severity.LOW, T0), 1, List.of()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void appendTimeline_numbersEntriesInOrder_keepsNullsAndText() {
        store.create(incident("i-1", "d", "dev-1", Severity.LOW, T0), List.of(draft(Kind.DETECTED, "")));
        TimelineEntry action = store.appendTimeline("i-1",
                new Draft(T0.plusSeconds(1), "hub", Kind.ACTION_TAKEN, "quarantine-device", "dev-1", "auto"));
        TimelineEntry note = store.appendTimeline("i-1",
                new Draft(T0.plusSeconds(2), "ops-alice", Kind.NOTE, null, null, "Line one\nLine \"two\" — ünïcode"));

        assertThat(action.seq()).isEqualTo(2);
        assertThat(note.seq()).isEqualTo(3);
        assertThat(store.timeline("i-1")).endsWith(action, note);
        assertThatThrownBy(() -> store.appendTimeline("nope", draft(Kind.NOTE, "x")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void concurrentAppends_takeDistinctNumbers() throws Exception {
        store.create(incident("i-1", "d", "dev-1", Severity.LOW, T0), List.of());
        IncidentStore other = anotherStoreOverTheSameDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                IncidentStore each = t % 2 == 0 ? store : other;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        each.appendTimeline("i-1", draft(Kind.NOTE, "n" + i));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.timeline("i-1")).extracting(TimelineEntry::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList());
    }

    @Test
    void concurrentUpdates_fromTheSameVersion_exactlyOneWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            String id = "race-" + round;
            Incident incident = incident(id, "d", "dev-1", Severity.LOW, T0);
            store.create(incident, List.of());
            IncidentStore other = anotherStoreOverTheSameDatabase();
            CountDownLatch start = new CountDownLatch(1);
            Callable<Boolean> contain = () -> {
                start.await();
                try {
                    store.update(incident.withStatus(IncidentStatus.CONTAINED, T0), 1, List.of(draft(Kind.STATUS_CHANGED, "a")));
                    return true;
                } catch (ConflictException e) {
                    return false;
                }
            };
            Callable<Boolean> resolve = () -> {
                start.await();
                try {
                    other.update(incident.withStatus(IncidentStatus.RESOLVED, T0), 1, List.of(draft(Kind.STATUS_CHANGED, "b")));
                    return true;
                } catch (ConflictException e) {
                    return false;
                }
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Boolean> a = pool.submit(contain);
                Future<Boolean> b = pool.submit(resolve);
                start.countDown();
                boolean aWon = a.get(60, TimeUnit.SECONDS);
                boolean bWon = b.get(60, TimeUnit.SECONDS);

                assertThat(aWon ^ bWon).as("exactly one of two updates from version 1 wins").isTrue();
                Incident stored = store.find(id).orElseThrow();
                assertThat(stored.version()).isEqualTo(2);
                assertThat(stored.status()).isEqualTo(aWon ? IncidentStatus.CONTAINED : IncidentStatus.RESOLVED);
                assertThat(store.timeline(id)).singleElement()
                        .satisfies(e -> assertThat(e.detail()).isEqualTo(aWon ? "a" : "b"));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void list_filtersByStatusSeverityAndSince_newestFirst_withPaging() {
        Incident a = incident("a", "d", "s1", Severity.LOW, T0);
        Incident b = incident("b", "d", "s2", Severity.HIGH, T0.plusSeconds(10));
        Incident c = incident("c", "d", "s3", Severity.HIGH, T0.plusSeconds(20));
        Incident d = incident("d", "d", "s4", Severity.CRITICAL, T0.plusSeconds(20));
        for (Incident each : List.of(a, b, c, d)) {
            store.create(each, List.of());
        }
        store.update(c.withStatus(IncidentStatus.RESOLVED, T0.plusSeconds(30)), 1, List.of());

        assertThat(ids(store.list(IncidentQuery.first(10)))).containsExactly("d", "c", "b", "a");
        assertThat(ids(store.list(new IncidentQuery(IncidentStatus.OPEN, null, null, 0, 10))))
                .containsExactly("d", "b", "a");
        assertThat(ids(store.list(new IncidentQuery(IncidentStatus.RESOLVED, null, null, 0, 10)))).containsExactly("c");
        assertThat(ids(store.list(new IncidentQuery(null, Severity.HIGH, null, 0, 10)))).containsExactly("c", "b");
        assertThat(ids(store.list(new IncidentQuery(null, null, T0.plusSeconds(10), 0, 10))))
                .containsExactly("d", "c", "b");
        assertThat(ids(store.list(new IncidentQuery(IncidentStatus.OPEN, Severity.HIGH, T0.plusSeconds(5), 0, 10))))
                .containsExactly("b");
        assertThat(ids(store.list(new IncidentQuery(null, null, null, 1, 2)))).containsExactly("c", "b");
        assertThat(ids(store.list(new IncidentQuery(null, null, null, 4, 2)))).isEmpty();
    }

    @Test
    void findActive_returnsOpenAndContained_ofTheDetectorAndSubject_latestFirst() {
        Incident older = incident("older", "burst", "dev-1", Severity.LOW, T0);
        Incident newer = incident("newer", "burst", "dev-1", Severity.LOW, T0.plusSeconds(5));
        Incident resolved = incident("resolved", "burst", "dev-1", Severity.LOW, T0.plusSeconds(9));
        for (Incident each : List.of(older, newer, resolved, incident("x", "burst", "dev-2", Severity.LOW, T0),
                incident("y", "replay", "dev-1", Severity.LOW, T0))) {
            store.create(each, List.of());
        }
        store.update(older.withStatus(IncidentStatus.CONTAINED, T0.plusSeconds(1)), 1, List.of());
        store.update(resolved.withStatus(IncidentStatus.RESOLVED, T0.plusSeconds(10)), 1, List.of());

        assertThat(ids(store.findActive("burst", "dev-1"))).containsExactly("newer", "older");
        assertThat(store.findActive("burst", "dev-9")).isEmpty();
    }

    @Test
    void signalsAndIdSets_roundTrip_includingEmptyOnes() {
        Incident bare = new Incident("bare", "d", "client-7", "t", Severity.MEDIUM, IncidentStatus.OPEN, T0, T0,
                null, null, Set.of(), Set.of(), Set.of(), List.of(), 0, null, 1);
        store.create(bare, List.of());
        assertThat(store.find("bare")).contains(bare);

        Incident grown = bare.attach(new io.pactum.core.incident.Detection("d", "client-7", "t", Severity.CRITICAL,
                T0.plusSeconds(3), Set.of("dev-b", "dev-a"), Set.of("care"), Set.of("subject-1"),
                List.of(new LinkedSignal("FORBIDDEN_SUBSCRIPTION", "client-7", T0.plusSeconds(3)))));
        Incident stored = store.update(grown, 1, List.of());
        assertThat(store.find("bare")).contains(stored);
        assertThat(stored.deviceIds()).containsExactly("dev-a", "dev-b");
        assertThat(stored.severity()).isEqualTo(Severity.CRITICAL);
    }

    private static List<String> ids(List<Incident> incidents) {
        return incidents.stream().map(Incident::id).toList();
    }
}
