package io.pactum.core.ledger.subject;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.pactum.core.audit.AuditEvent;
import io.pactum.core.ledger.EntrySealer;
import io.pactum.core.security.MicrosecondClock;
import io.pactum.core.security.RandomSecrets;
import io.pactum.core.security.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Seals the personal details of an audit event, {@code subjectId} and {@code subjectPseudonym},
 * under the data subject's own AES-256-GCM key before the ledger encodes and hashes the event
 * ({@link SealedValue} gives the form). The detail name is the associated data, so a value moved to
 * another detail does not open. Each subject has one key until it is erased; erasing it
 * (crypto-shredding) leaves the subject's entries unreadable and the hashes over them valid.
 *
 * <p>Keys are kept by a {@link SubjectKeyStore}, wrapped by the hub's master key ({@link SecretBox})
 * with a context naming the key id and the subject, so a wrapped key copied to another row does not
 * open. Unwrapped keys are cached, at most {@value #CACHE_SIZE}.
 */
public final class SubjectSealer implements EntrySealer {
    /** The detail naming the data subject (the raw id). */
    public static final String SUBJECT_ID = "subjectId";
    /** A recipient's pseudonym of the subject: personal data too. */
    public static final String SUBJECT_PSEUDONYM = "subjectPseudonym";
    static final int CACHE_SIZE = 10_000;
    private static final List<String> PERSONAL_DETAILS = List.of(SUBJECT_ID, SUBJECT_PSEUDONYM);
    private static final int KEY_BYTES = 32;
    private static final int KEY_ID_BYTES = 16;

    private final SubjectKeyStore keys;
    private final SecretBox keyWrap;
    /** Unwrapped keys by key id, least recently used first; guarded by {@code this}. */
    private final Map<String, CachedKey> byKeyId = lru();
    /** The same keys by subject; guarded by {@code this}. */
    private final Map<String, CachedKey> bySubject = lru();

    private record CachedKey(String keyId, String subjectId, Aead aead) {}

    public SubjectSealer(SubjectKeyStore keys, SecretBox keyWrap) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.keyWrap = Objects.requireNonNull(keyWrap, "keyWrap");
    }

    /** Events with a non-empty {@code subjectId} come back with their personal details sealed; others unchanged. */
    @Override
    public AuditEvent seal(AuditEvent event) {
        String subjectId = event.details().get(SUBJECT_ID);
        // an already sealed id would otherwise be taken for a subject of its own
        if (subjectId == null || subjectId.isEmpty() || SealedValue.isSealed(subjectId)) {
            return event;
        }
        CachedKey key = keyFor(subjectId);
        TreeMap<String, String> details = new TreeMap<>(event.details());
        for (String name : PERSONAL_DETAILS) {
            String value = details.get(name);
            if (value != null) {
                details.put(name, encrypt(key, name, value));
            }
        }
        return new AuditEvent(event.type(), event.at(), event.actor(), details);
    }

    /**
     * The plaintext of a value sealed for detail {@code detailName}, or empty if its key was erased.
     *
     * @throws IllegalArgumentException if the value is not sealed, was altered, or was sealed for another detail
     */
    public Optional<String> open(String detailName, String sealedValue) {
        Objects.requireNonNull(detailName, "detailName");
        SealedValue sealed = SealedValue.parse(sealedValue);
        Optional<Aead> aead = aeadOf(sealed.keyId());
        if (aead.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] plaintext = aead.get().decrypt(sealed.ciphertext(), detailName.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(plaintext, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("sealed value under key " + sealed.keyId()
                    + " failed authentication: it was altered, or sealed for a detail other than '" + detailName + "'");
        }
    }

    /** The id of the subject's current key, which its sealed values carry; empty if it has none. */
    public synchronized Optional<String> keyIdOf(String subjectId) {
        Objects.requireNonNull(subjectId, "subjectId");
        CachedKey cached = bySubject.get(subjectId);
        if (cached != null) {
            return Optional.of(cached.keyId());
        }
        return keys.findBySubject(subjectId).map(SubjectKey::keyId);
    }

    /**
     * Crypto-shreds the subject: deletes its key from the store and from this sealer's cache; true if
     * it had one. Sealing for the subject afterwards makes a new key; what the old one sealed stays
     * unreadable. Other sealers over the same store drop the key only when it leaves their cache.
     */
    public synchronized boolean erase(String subjectId) {
        Objects.requireNonNull(subjectId, "subjectId");
        bySubject.remove(subjectId);
        byKeyId.values().removeIf(key -> key.subjectId().equals(subjectId));
        return keys.erase(subjectId);
    }

    /**
     * The subject's key, making and storing one if it has none. Synchronised with {@link #erase}, so
     * a key fetched just before an erasure is never cached after it (an event being sealed during
     * the erasure counts as sealed before it, and is as unreadable as the others).
     */
    private synchronized CachedKey keyFor(String subjectId) {
        CachedKey cached = bySubject.get(subjectId);
        if (cached != null) {
            return cached;
        }
        SubjectKey stored = keys.findBySubject(subjectId).orElseGet(() -> keys.createIfAbsent(newKey(subjectId)));
        return cache(stored);
    }

    /** The key with this id, from the cache or the store; empty if it was erased (or never existed). */
    private synchronized Optional<Aead> aeadOf(String keyId) {
        CachedKey cached = byKeyId.get(keyId);
        if (cached != null) {
            return Optional.of(cached.aead());
        }
        return keys.findByKeyId(keyId).map(stored -> cache(stored).aead());
    }

    private CachedKey cache(SubjectKey stored) {
        CachedKey key = new CachedKey(stored.keyId(), stored.subjectId(), unwrap(stored));
        byKeyId.put(key.keyId(), key);
        bySubject.put(key.subjectId(), key);
        return key;
    }

    private SubjectKey newKey(String subjectId) {
        String keyId = RandomSecrets.base64url(RandomSecrets.bytes(KEY_ID_BYTES));
        byte[] raw = RandomSecrets.bytes(KEY_BYTES);
        try {
            return new SubjectKey(keyId, subjectId, keyWrap.seal(raw, wrapContext(keyId, subjectId)),
                    MicrosecondClock.UTC.instant());
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private Aead unwrap(SubjectKey key) {
        byte[] raw;
        try {
            raw = keyWrap.open(key.wrappedKey(), wrapContext(key.keyId(), key.subjectId()));
        } catch (IllegalArgumentException e) {
            // the store's row was altered or the master key is not the one that wrapped it
            throw new IllegalStateException("stored subject key " + key.keyId() + " does not open under the master key", e);
        }
        try {
            return new AesGcmJce(raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored subject key " + key.keyId() + " is not an AES-256 key", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Binds a wrapped key to its id and subject; the id (base64url) holds no NUL, so the split is unambiguous. */
    private static byte[] wrapContext(String keyId, String subjectId) {
        return ("pactum:subject-key:v1\0" + keyId + "\0" + subjectId).getBytes(StandardCharsets.UTF_8);
    }

    /** A fresh random nonce each time: equal values seal to different texts, which the ledger need not mind. */
    private static String encrypt(CachedKey key, String detailName, String value) {
        try {
            byte[] ciphertext = key.aead().encrypt(value.getBytes(StandardCharsets.UTF_8),
                    detailName.getBytes(StandardCharsets.UTF_8));
            return new SealedValue(key.keyId(), ciphertext).text();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal detail '" + detailName + "'", e);
        }
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CACHE_SIZE;
            }
        };
    }
}
