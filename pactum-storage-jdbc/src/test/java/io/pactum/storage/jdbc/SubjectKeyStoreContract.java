package io.pactum.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.ledger.subject.SubjectKey;
import io.pactum.core.ledger.subject.SubjectKeyStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every subject key store must show; a back end runs it by extending this class. One
 * key per subject, kept byte for byte; of racing creations exactly one survives and all get it.
 */
abstract class SubjectKeyStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    /** A fresh, empty subject key store of one back end. */
    protected abstract SubjectKeyStore newStore();

    /** Another store over the database of the last {@link #newStore()}, with its own pool, as on a second node. */
    protected abstract SubjectKeyStore anotherStoreOverTheSameDatabase();

    private SubjectKeyStore keys;

    @BeforeEach
    void openStore() {
        keys = newStore();
    }

    private static SubjectKey key(String keyId, String subjectId) {
        return new SubjectKey(keyId, subjectId, (keyId + "/" + subjectId).getBytes(StandardCharsets.UTF_8), T0);
    }

    private static void assertSameKey(SubjectKey actual, SubjectKey expected) {
        assertThat(actual.keyId()).isEqualTo(expected.keyId());
        assertThat(actual.subjectId()).isEqualTo(expected.subjectId());
        assertThat(actual.wrappedKey()).isEqualTo(expected.wrappedKey());
        assertThat(actual.createdAt()).isEqualTo(expected.createdAt());
    }

    @Test
    void emptyStore_findsNothing_andErasesNothing() {
        assertThat(keys.findBySubject("subject-1")).isEmpty();
        assertThat(keys.findByKeyId("key-1")).isEmpty();
        assertThat(keys.erase("subject-1")).isFalse();
    }

    @Test
    void createdKey_isFoundBySubjectAndByKeyId_byteForByte() {
        SubjectKey created = key("key-1", "subject-1");

        assertSameKey(keys.createIfAbsent(created), created);

        assertSameKey(keys.findBySubject("subject-1").orElseThrow(), created);
        assertSameKey(keys.findByKeyId("key-1").orElseThrow(), created);
    }

    @Test
    void createIfAbsent_whenTheSubjectHasAKey_returnsTheStoredOne() {
        SubjectKey first = key("key-1", "subject-1");
        keys.createIfAbsent(first);

        assertSameKey(keys.createIfAbsent(key("key-2", "subject-1")), first);
        assertThat(keys.findByKeyId("key-2")).isEmpty();
    }

    @Test
    void erase_deletesOnlyThatSubjectsKey_andAFreshKeyCanFollow() {
        keys.createIfAbsent(key("key-1", "subject-1"));
        keys.createIfAbsent(key("key-2", "subject-2"));

        assertThat(keys.erase("subject-1")).isTrue();

        assertThat(keys.findBySubject("subject-1")).isEmpty();
        assertThat(keys.findByKeyId("key-1")).isEmpty();
        assertThat(keys.findBySubject("subject-2")).isPresent();
        assertThat(keys.erase("subject-1")).isFalse();
        SubjectKey fresh = key("key-3", "subject-1");
        assertSameKey(keys.createIfAbsent(fresh), fresh);
    }

    /** Many threads through two stores, two pools, one database: one key survives and every caller gets it. */
    @Test
    void concurrentCreateIfAbsent_fromTwoStores_oneKeySurvives_andAllCallersGetIt() throws Exception {
        List<SubjectKeyStore> stores = List.of(keys, anotherStoreOverTheSameDatabase());
        int callers = 8;
        for (int round = 0; round < 10; round++) {
            String subject = "subject-" + round;
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SubjectKey>> futures = new ArrayList<>();
            try {
                for (int c = 0; c < callers; c++) {
                    SubjectKeyStore store = stores.get(c % stores.size());
                    SubjectKey candidate = key("key-" + round + "-" + c, subject);
                    futures.add(pool.submit(() -> {
                        start.await();
                        return store.createIfAbsent(candidate);
                    }));
                }
                start.countDown();
                Set<String> returned = new HashSet<>();
                for (Future<SubjectKey> future : futures) {
                    returned.add(future.get(60, TimeUnit.SECONDS).keyId());
                }

                SubjectKey stored = keys.findBySubject(subject).orElseThrow();
                assertThat(returned).as("round " + round).containsExactly(stored.keyId());
                for (int c = 0; c < callers; c++) {
                    String keyId = "key-" + round + "-" + c;
                    assertThat(keys.findByKeyId(keyId).isPresent()).as(keyId).isEqualTo(keyId.equals(stored.keyId()));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
