package io.pactum.server;

import io.pactum.core.security.TinkSecretBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's master keyset, which seals secrets at rest. It lives in its own file, readable by the
 * owner only, so that a copy of the database alone reveals no device key.
 */
final class MasterKey {
    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private MasterKey() {}

    static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }

    static TinkSecretBox load(Path file) {
        try {
            warnIfShared(file);
            return TinkSecretBox.fromKeysetJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the master key file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the master key file " + file
                    + " is not a Tink AEAD keyset; restore it from backup", e);
        }
    }

    /** Writes a new keyset atomically, owner-readable only, and never over an existing one. */
    static TinkSecretBox create(Path file) {
        String keyset = TinkSecretBox.generateKeysetJson();
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".master-keyset", ".tmp");
            restrictToOwner(temp);
            Files.writeString(temp, keyset, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            LOG.info("generated a new master key in {}; back it up, apart from database backups", file);
            return TinkSecretBox.fromKeysetJson(keyset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the master key file " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(OWNER_ONLY);
        }
    }

    private static void warnIfShared(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null && !OWNER_ONLY.containsAll(posix.readAttributes().permissions())) {
            LOG.warn("the master key file {} is readable by others; restrict it with chmod 600", file);
        }
    }
}
