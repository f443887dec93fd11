package io.pactum.bench;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Realistic audit events for the ledger benchmarks: a record released to a recipient under an
 * agreement, with the pseudonyms a release carries (random 22-character base64url strings, the
 * length of a 128-bit pseudonym), as {@code ReleasePlanner} writes them. Plus temp-dir helpers.
 */
final class LedgerEvents {
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final String[] PURPOSES = {"care", "research", "analytics"};

    private final SplittableRandom random;
    private final String[] recipients = new String[20];
    private final String[] agreements = new String[50];

    LedgerEvents(long seed) {
        random = new SplittableRandom(seed);
        for (int i = 0; i < recipients.length; i++) {
            recipients[i] = token();
        }
        for (int i = 0; i < agreements.length; i++) {
            agreements[i] = token();
        }
    }

    /** One DATA_RELEASED event. */
    AuditEvent next() {
        return new AuditEvent(AuditEventType.DATA_RELEASED, Instant.now(), AuditEvent.HUB, Map.of(
                "recipientId", recipients[random.nextInt(recipients.length)],
                "agreementId", agreements[random.nextInt(agreements.length)],
                "purpose", PURPOSES[random.nextInt(PURPOSES.length)],
                "recordPseudonym", token(),
                "subjectPseudonym", token(),
                "fields", "glucose,battery",
                "consentReceiptId", token()));
    }

    /** A random 22-character base64url string. */
    String token() {
        char[] c = new char[22];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET[random.nextInt(64)];
        }
        return new String(c);
    }

    /** Total bytes of the files under {@code dir}. */
    static long sizeOnDisk(Path dir) {
        AtomicLong total = new AtomicLong();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    total.addAndGet(attrs.size());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total.get();
    }

    /** Deletes {@code dir} and everything under it. */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
