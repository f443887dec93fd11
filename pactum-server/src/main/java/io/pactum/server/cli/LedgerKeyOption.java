package io.pactum.server.cli;

import io.pactum.core.ledger.checkpoint.NoteVerifierKey;
import io.pactum.server.config.PactumConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The key a verification trusts: given on the command line (the verifier key text, or {@code @file}),
 * or else the public half of the hub's own key file, with a warning, since whoever can change the
 * database may be able to change that file too.
 */
final class LedgerKeyOption {
    @Option(names = "--key", paramLabel = "KEY|@FILE",
            description = "The ledger's verifier key (name+id+key, as `pactum audit key` prints it), or @file holding it."
                    + " Default: the public key in the hub's data directory.")
    @Nullable String key;

    NoteVerifierKey resolve(PactumConfig config, PrintWriter err) {
        if (key != null) {
            return NoteVerifierKey.parse(key.startsWith("@") ? read(Path.of(key.substring(1))).strip() : key.strip());
        }
        err.println("note: trusting the public key in " + hubKeyFile(config)
                + "; for an independent check pass --key with the key published when the hub started");
        err.flush();
        return hubKey(config);
    }

    /** The hub's checkpoint key: its signing key's public half, named after the ledger's origin. */
    static NoteVerifierKey hubKey(PactumConfig config) {
        Path file = hubKeyFile(config);
        String text = read(file);
        java.util.regex.Matcher publicKey = java.util.regex.Pattern.compile("\"publicKey\"\\s*:\\s*\"([A-Za-z0-9+/=]+)\"")
                .matcher(text);
        if (!publicKey.find()) {
            throw new IllegalArgumentException(file + " holds no public key");
        }
        try {
            return NoteVerifierKey.of(config.ledger().origin(), KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey.group(1)))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " holds no valid Ed25519 public key", e);
        }
    }

    private static Path hubKeyFile(PactumConfig config) {
        return config.dataDir().resolve("keys").resolve("hub-signing-key.json");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
