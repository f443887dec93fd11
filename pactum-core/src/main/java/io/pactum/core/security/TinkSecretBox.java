package io.pactum.core.security;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;

/**
 * {@link SecretBox} on a Tink AES-256-GCM keyset (the hub's master key). Keysets support rotation:
 * new keys can be added while ciphertexts under older keys still open.
 */
public final class TinkSecretBox implements SecretBox {
    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Aead aead;

    private TinkSecretBox(KeysetHandle keyset) throws GeneralSecurityException {
        this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    /** A new random master keyset, in Tink's JSON form; whoever stores it must keep it secret. */
    public static String generateKeysetJson() {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an AES-256-GCM keyset", e);
        }
    }

    /** Loads a master keyset in Tink's JSON form; throws {@link IllegalArgumentException} if it is not one. */
    public static TinkSecretBox fromKeysetJson(String json) {
        try {
            return new TinkSecretBox(TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a valid Tink AEAD keyset", e);
        }
    }

    @Override
    public byte[] seal(byte[] plaintext, byte[] context) {
        try {
            return aead.encrypt(plaintext, context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    @Override
    public byte[] open(byte[] sealed, byte[] context) {
        try {
            return aead.decrypt(sealed, context);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("sealed value was altered or belongs to another context");
        }
    }
}
