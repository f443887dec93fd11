package io.pactum.core.privacy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.prf.HmacPrfKey;
import com.google.crypto.tink.prf.HmacPrfParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keyed pseudonyms with a key per recipient, on a Tink PRF master keyset (the hub's pseudonym
 * master key, kept secret like the {@code TinkSecretBox} keyset).
 *
 * <p>Derivation (version 1; see {@code docs/privacy.md}):
 * <pre>
 *   K_r         = PRF_master("pactum/pseudonym-key/v1/" || UTF-8(recipientId), 32 bytes)
 *   pseudonym   = base64url-no-padding( HMAC-SHA256(K_r, UTF-8(value))[0..16) )   -- 22 characters
 * </pre>
 * {@code PRF_master} is the primary key of the master keyset; with the default
 * {@link PredefinedPrfParameters#HMAC_SHA256_PRF} key it is HMAC-SHA256 itself. A pseudonym is
 * therefore stable for one recipient (same master keyset, same recipient id, same value) and,
 * without the master key, unrelated between recipients: two recipients cannot join their data on
 * it, and no recipient can compute or invert pseudonyms. Pseudonyms are 128 bits: collisions among
 * n distinct values occur with probability about n²/2¹²⁹ (1e-21 for a billion values), and 128 bits
 * matches the security level of the rest of the hub's keys; shorter (64 bits) would make
 * collisions plausible in a large fleet over years, longer would only lengthen every message.
 *
 * <p>Per-recipient keys are cached in a bounded map; when it is full an arbitrary entry is evicted
 * (recomputing a key costs one PRF call). Instances are thread-safe.
 */
public final class Pseudonymiser {
    /** Length of a pseudonym in bytes before encoding (128 bits); 22 base64url characters. */
    public static final int PSEUDONYM_BYTES = 16;
    /** How many recipients' keys are kept by default. */
    public static final int DEFAULT_CACHED_RECIPIENTS = 10_000;

    static final String KEY_LABEL = "pactum/pseudonym-key/v1/";
    private static final int RECIPIENT_KEY_BYTES = 32;

    static {
        try {
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final PrfSet master;
    private final int maxCachedRecipients;
    private final ConcurrentHashMap<String, RecipientPseudonymiser> recipients = new ConcurrentHashMap<>();

    private Pseudonymiser(PrfSet master, int maxCachedRecipients) {
        this.master = master;
        this.maxCachedRecipients = maxCachedRecipients;
    }

    /** A new random master keyset (HMAC-SHA256 PRF), in Tink's JSON form; whoever stores it must keep it secret. */
    public static String generateKeysetJson() {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF);
            return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an HMAC-SHA256 PRF keyset", e);
        }
    }

    /** Loads a master PRF keyset in Tink's JSON form, caching up to {@link #DEFAULT_CACHED_RECIPIENTS} recipients. */
    public static Pseudonymiser fromKeysetJson(String json) {
        return fromKeysetJson(json, DEFAULT_CACHED_RECIPIENTS);
    }

    /**
     * Loads a master PRF keyset in Tink's JSON form; throws {@link IllegalArgumentException} if it is
     * not one or its primary PRF cannot produce 32 bytes (AES-CMAC PRF, for instance, cannot).
     */
    public static Pseudonymiser fromKeysetJson(String json, int maxCachedRecipients) {
        Objects.requireNonNull(json, "json");
        if (maxCachedRecipients < 1) {
            throw new IllegalArgumentException("maxCachedRecipients must be at least 1");
        }
        PrfSet master;
        try {
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            master = handle.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a valid Tink PRF keyset", e);
        }
        try {
            master.computePrimary(KEY_LABEL.getBytes(StandardCharsets.UTF_8), RECIPIENT_KEY_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the keyset's primary PRF cannot derive 32-byte keys", e);
        }
        return new Pseudonymiser(master, maxCachedRecipients);
    }

    /** The pseudonym of {@code value} for {@code recipientId}; see {@link RecipientPseudonymiser#pseudonym}. */
    public String pseudonym(String recipientId, String value) {
        return forRecipient(recipientId).pseudonym(value);
    }

    /** The keyed function of one recipient (cached). */
    public RecipientPseudonymiser forRecipient(String recipientId) {
        Objects.requireNonNull(recipientId, "recipientId");
        RecipientPseudonymiser cached = recipients.get(recipientId);
        if (cached != null) {
            return cached;
        }
        RecipientPseudonymiser derived = derive(recipientId);
        if (recipients.size() >= maxCachedRecipients) {
            Iterator<String> it = recipients.keySet().iterator();
            if (it.hasNext()) {
                recipients.remove(it.next());
            }
        }
        RecipientPseudonymiser raced = recipients.putIfAbsent(recipientId, derived);
        return raced != null ? raced : derived;
    }

    /** How many recipients' keys are currently cached (for tests and metrics). */
    int cachedRecipients() {
        return recipients.size();
    }

    private RecipientPseudonymiser derive(String recipientId) {
        if (recipientId.isEmpty() || !PseudonymInput.isWellFormed(recipientId)) {
            throw new IllegalArgumentException("recipient id must be non-empty, well-formed Unicode");
        }
        byte[] key = null;
        try {
            key = master.computePrimary((KEY_LABEL + recipientId).getBytes(StandardCharsets.UTF_8), RECIPIENT_KEY_BYTES);
            HmacPrfParameters parameters = HmacPrfParameters.builder()
                    .setKeySizeBytes(RECIPIENT_KEY_BYTES)
                    .setHashType(HmacPrfParameters.HashType.SHA256)
                    .build();
            HmacPrfKey recipientKey = HmacPrfKey.builder()
                    .setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
                    .build();
            KeysetHandle handle = KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(recipientKey).withRandomId().makePrimary())
                    .build();
            PrfSet set = handle.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
            Prf prf = set.getPrfs().get(set.getPrimaryId());
            return new RecipientPseudonymiser(prf);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the recipient's pseudonym key", e);
        } finally {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }
}
