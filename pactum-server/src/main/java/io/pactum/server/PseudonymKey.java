package io.pactum.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.core.privacy.Pseudonymiser;
import io.pactum.core.security.SecretBox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master key of recipients' pseudonyms (a Tink PRF keyset), sealed under the master key like the
 * hub signing key. Losing it changes every pseudonym a recipient has seen, so it is backed up with the
 * master key. File: {@code {"sealedKeyset": <base64>}}.
 */
final class PseudonymKey {
    private static final Logger LOG = LoggerFactory.getLogger(PseudonymKey.class);
    private static final byte[] CONTEXT = "pactum/pseudonym-keyset".getBytes(StandardCharsets.UTF_8);
    private static final String WHAT = "pseudonym keyset";

    private PseudonymKey() {}

    static Pseudonymiser loadOrCreate(Path file, SecretBox secretBox) {
        if (Files.isRegularFile(file)) {
            JsonNode stored = SealedKeyFile.read(file, WHAT);
            try {
                byte[] keyset = secretBox.open(Base64.getDecoder().decode(stored.path("sealedKeyset").asText()), CONTEXT);
                return Pseudonymiser.fromKeysetJson(new String(keyset, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the pseudonym keyset " + file
                        + " cannot be opened with this master key; restore both from the same backup", e);
            }
        }
        String keyset = Pseudonymiser.generateKeysetJson();
        SealedKeyFile.write(file, SealedKeyFile.newContent().put("sealedKeyset", Base64.getEncoder().encodeToString(
                secretBox.seal(keyset.getBytes(StandardCharsets.UTF_8), CONTEXT))), WHAT);
        LOG.info("generated the pseudonym keyset in {}", file);
        return Pseudonymiser.fromKeysetJson(keyset);
    }
}
