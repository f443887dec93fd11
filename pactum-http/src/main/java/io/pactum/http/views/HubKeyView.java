package io.pactum.http.views;

import io.pactum.core.integrity.HubSigner;
import java.security.PublicKey;
import java.util.Base64;

/** The hub's command-signing key: its COSE key id, algorithm, and DER SubjectPublicKeyInfo in base64. */
public record HubKeyView(String keyId, String algorithm, String publicKey) {
    public static HubKeyView of(PublicKey key) {
        return new HubKeyView(HubSigner.KEY_ID, "EdDSA", Base64.getEncoder().encodeToString(key.getEncoded()));
    }
}
