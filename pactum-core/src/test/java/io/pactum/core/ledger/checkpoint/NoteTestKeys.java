package io.pactum.core.ledger.checkpoint;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;

/** Ed25519 keys for note tests: fresh ones, and private keys from a published 32-byte seed. */
final class NoteTestKeys {
    static final String HUB = "pactum.example/ledger";

    private NoteTestKeys() {}

    static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static NoteSigner signer(String name) {
        KeyPair pair = ed25519();
        return new NoteSigner(name, pair.getPrivate(), pair.getPublic());
    }

    static PrivateKey privateKeyFromSeed(byte[] seed) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
