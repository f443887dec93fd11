package io.pactum.core.evidence;

import io.pactum.core.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The bundle's directory: written in full beside the target, then renamed into place, so the target
 * either does not exist or holds a whole bundle. An existing non-empty target is never touched.
 */
public final class BundleDirectory {
    private BundleDirectory() {}

    /** Refuses a target that exists and is not an empty directory, with a message that says why. */
    public static void requireUsable(Path target) {
        if (!Files.exists(target)) {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
                throw new InvalidInputException("out", parent + " is not a directory");
            }
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new InvalidInputException("out", target + " exists and is not a directory; name a new or empty directory");
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(target)) {
            if (children.iterator().hasNext()) {
                throw new InvalidInputException("out", target
                        + " exists and is not empty; an evidence bundle is written only to a new or empty directory");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + target, e);
        }
    }

    /** A new directory beside {@code target}, hidden, to write the bundle into. */
    public static Path createBeside(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "." + absolute.getFileName() + ".partial-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory beside " + target, e);
        }
    }

    /** Moves the finished bundle to {@code target}, replacing an empty directory there. */
    public static void publish(Path written, Path target) {
        requireUsable(target);
        try {
            Files.deleteIfExists(target);
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the bundle to " + target + "; it is left in " + written, e);
        }
    }

    /** Removes a partly written bundle; best effort. */
    static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // nothing more to do: the directory is hidden and named as partial
        }
    }

    /** The SHA-256 of a file's bytes, in lower-case hex, read in a stream. */
    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
