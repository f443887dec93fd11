package io.pactum.server.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The demo's data directory, held for one run. The demo creates it; on a later run it replaces what
 * a demo put there, and nothing else: a directory it did not create, or one holding anything a demo
 * does not make, is refused, so that the demo can never delete a real hub's data or a user's files.
 * A run holds a lock on the directory's marker file, so that a second demo cannot replace the data
 * of one still running.
 */
public final class DemoDirectory implements AutoCloseable {
    static final String MARKER = ".pactum-demo";
    /** What a demo run leaves in its directory: the marker, the log, the hub's keys, H2's files, the checkpoint. */
    private static final Set<String> MADE_BY_A_DEMO = Set.of(MARKER, "hub.log", "keys", "pactum.mv.db",
            "pactum.trace.db", "pactum.lock.db", "end-checkpoint.txt");
    private static final String MARKER_TEXT = "Made by 'pactum demo'; the next demo run replaces this directory.\n";

    private final FileChannel marker;
    private final FileLock lock;
    private final boolean replaced;

    private DemoDirectory(FileChannel marker, FileLock lock, boolean replaced) {
        this.marker = marker;
        this.lock = lock;
        this.replaced = replaced;
    }

    /**
     * Creates {@code dir}, or empties the one a previous demo made there, and holds it for this run.
     * Fails with a message that says what to do when it is someone else's or another demo's in use.
     */
    public static DemoDirectory hold(Path dir) {
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir);
                return lockMarker(dir, false);
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException(dir + " exists and is not a directory; choose another with --data-dir");
            }
            if (!Files.isRegularFile(dir.resolve(MARKER))) {
                throw new IllegalArgumentException(dir.toAbsolutePath().normalize() + " exists and was not made by"
                        + " 'pactum demo', which only creates a new directory or replaces one it made;"
                        + " choose another with --data-dir");
            }
            List<String> foreign = entries(dir).stream().filter(name -> !MADE_BY_A_DEMO.contains(name)).toList();
            if (!foreign.isEmpty()) {
                throw new IllegalArgumentException(dir.toAbsolutePath().normalize() + " holds " + foreign
                        + ", which 'pactum demo' did not make there; it replaces only a directory holding nothing"
                        + " but a demo's files. Move those away or choose another --data-dir");
            }
            DemoDirectory held = lockMarker(dir, true);
            for (String name : entries(dir)) {
                if (!name.equals(MARKER)) {
                    deleteTree(dir.resolve(name));
                }
            }
            return held;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the demo's data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Whether a previous demo's data was replaced. */
    public boolean replaced() {
        return replaced;
    }

    /** Lets another run have the directory; its data stays until then. */
    @Override
    public void close() {
        try {
            lock.release();
            marker.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the demo's data directory: " + e.getMessage(), e);
        }
    }

    private static DemoDirectory lockMarker(Path dir, boolean replacing) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(MARKER), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalArgumentException("another 'pactum demo' is running in " + dir.toAbsolutePath().normalize()
                    + "; wait for it to end or choose another --data-dir");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(MARKER_TEXT.getBytes(StandardCharsets.UTF_8)));
        return new DemoDirectory(channel, lock, replacing);
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(path -> path.getFileName().toString()).toList();
        }
    }

    /** Deletes files and directories; a symbolic link is deleted, never followed. */
    private static void deleteTree(Path path) throws IOException {
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path visited, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(visited);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
