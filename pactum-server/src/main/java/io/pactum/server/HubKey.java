package io.pactum.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactum.core.security.SecretBox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's Ed25519 signing key: it signs commands to devices and the audit ledger's checkpoints. The private key is kept
 * sealed under the master key, so the key file alone, like the database alone, reveals nothing.
 * File: {@code {"publicKey": <base64 SPKI>, "sealedPrivateKey": <base64>}}.
 */
final class HubKey {
    private static final Logger LOG = LoggerFactory.getLogger(HubKey.class);
    private static final String WHAT = "hub signing key";
    private static final byte[] CONTEXT = "pactum/hub-signing-key".getBytes(StandardCharsets.UTF_8);

    private HubKey() {}

    static KeyPair loadOrCreate(Path file, SecretBox secretBox) {
        return Files.isRegularFile(file) ? load(file, secretBox) : create(file, secretBox);
    }

    private static KeyPair load(Path file, SecretBox secretBox) {
        JsonNode stored = SealedKeyFile.read(file, WHAT);
        try {
            byte[] publicKey = Base64.getDecoder().decode(stored.path("publicKey").asText());
            byte[] privateKey = secretBox.open(Base64.getDecoder().decode(stored.path("sealedPrivateKey").asText()), CONTEXT);
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            return new KeyPair(ed25519.generatePublic(new X509EncodedKeySpec(publicKey)),
                    ed25519.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the hub signing key " + file
                    + " cannot be opened with this master key; restore both from the same backup", e);
        }
    }

    private static KeyPair create(Path file, SecretBox secretBox) {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required by every Java 15+ platform", e);
        }
        PrivateKey privateKey = pair.getPrivate();
        PublicKey publicKey = pair.getPublic();
        ObjectNode stored = SealedKeyFile.newContent()
                .put("publicKey", Base64.getEncoder().encodeToString(publicKey.getEncoded()))
                .put("sealedPrivateKey", Base64.getEncoder().encodeToString(secretBox.seal(privateKey.getEncoded(), CONTEXT)));
        SealedKeyFile.write(file, stored, WHAT);
        LOG.info("generated the hub signing key in {}", file);
        return pair;
    }
}
