package io.pactum.server.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The demo's data directory: every run starts a fresh hub in it. A directory the demo made before
 * (it carries a marker file) is replaced; any other directory that is not empty is refused, so that
 * the demo can never delete a real hub's data.
 */
public final class DemoDirectory {
    static final String MARKER = ".pactum-demo";

    private DemoDirectory() {}

    /** Empties (or creates) {@code dir} for a new run; returns whether a previous demo's data was replaced. */
    public static boolean prepare(Path dir) {
        try {
            boolean replaced = false;
            if (Files.exists(dir)) {
                if (!Files.isDirectory(dir)) {
                    throw new IllegalArgumentException(dir + " is a file, not a directory; choose another with --data-dir");
                }
                if (Files.exists(dir.resolve(MARKER))) {
                    deleteTree(dir);
                    replaced = true;
                } else if (!isEmpty(dir)) {
                    throw new IllegalArgumentException(dir.toAbsolutePath().normalize() + " is not empty and was not made"
                            + " by 'pactum demo', which would replace it; choose another with --data-dir");
                }
            }
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(MARKER), "Made by 'pactum demo'; the next demo run replaces this directory.\n");
            return replaced;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the demo's data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
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
