package io.pactum.server.cli;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.evidence.BundleDirectory;
import io.pactum.core.evidence.EvidenceExporter;
import io.pactum.core.evidence.EvidencePeriod;
import io.pactum.core.evidence.EvidenceSources;
import io.pactum.core.evidence.EvidenceSummary;
import io.pactum.core.ledger.subject.SubjectSealer;
import io.pactum.server.LocalRegistry;
import io.pactum.server.config.PactumConfig;
import io.pactum.storage.jdbc.JdbcDatabase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Evidence for auditors and authorities: one bundle per period with the record of processing, the
 * agreements, consents and approvals in force, incidents, checkpoints, and every ledger entry of the
 * period with its proof. Opens the database, so the hub must be stopped when it is the embedded one.
 */
@Command(name = "evidence", description = "Export accountability evidence for a period.",
        mixinStandardHelpOptions = true, subcommands = EvidenceCommand.Export.class)
final class EvidenceCommand {
    /** Exit code for bad input (dates, period, output directory); nothing is written. */
    static final int BAD_INPUT = 2;

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the evidence bundle of a period to a new directory: record of processing (GDPR"
                    + " Art. 30), agreements, consents and approvals in force, incidents, checkpoints, and the"
                    + " period's ledger entries, each with an inclusion proof against a checkpoint signed now.")
    static final class Export extends LocalCommand implements Callable<Integer> {
        @Option(names = "--from", required = true, paramLabel = "TIME",
                description = "Start of the period, inclusive: an ISO instant (2026-01-01T00:00:00Z) or a date (2026-01-01, start of day UTC).")
        String from = "";

        @Option(names = "--to", required = true, paramLabel = "TIME",
                description = "End of the period, exclusive, in the same forms as --from.")
        String to = "";

        @Option(names = "--out", required = true, paramLabel = "DIR",
                description = "The bundle's directory; it must not exist or be empty.")
        Path out = Path.of("");

        @Option(names = "--contact", paramLabel = "TEXT",
                description = "The controller's contact point for the record of processing (default: not configured).")
        @Nullable String contact;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            EvidencePeriod period;
            try {
                period = new EvidencePeriod(instant("--from", from), instant("--to", to));
                BundleDirectory.requireUsable(out);
            } catch (InvalidInputException e) {
                err.println("pactum: " + e.getMessage() + "; nothing was written");
                err.flush();
                return BAD_INPUT;
            }
            PactumConfig config = options.load();
            EvidenceSummary summary;
            try (LocalRegistry local = LocalRegistry.open(config)) {
                JdbcDatabase database = local.database();
                EvidenceSources sources = new EvidenceSources(database.stores(), database.agreements(),
                        database.consents(), local.ledger(), local.checkpoints(), sealed(local), local.clock());
                summary = new EvidenceExporter(sources).export(period, out, contact);
            }
            print(out(), summary);
            return 0;
        }

        /** An ISO instant, or a date meaning the start of that day in UTC. */
        static Instant instant(String option, String text) {
            try {
                return Instant.parse(text.strip());
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new InvalidInputException(option, option + ": '" + text
                            + "' is neither an ISO instant (2026-01-01T00:00:00Z) nor a date (2026-01-01)");
                }
            }
        }

        /**
         * A data subject as the bundle shows it: sealed under the subject's ledger key, as in the
         * ledger; without a key (erased, or never in the ledger) only that is said: the export never
         * makes a key.
         */
        private static UnaryOperator<String> sealed(LocalRegistry local) {
            SubjectSealer sealer = local.subjectSealer();
            return subjectId -> sealer.keyIdOf(subjectId).isEmpty() ? "no ledger key (erased or never recorded)"
                    : sealer.seal(new AuditEvent(AuditEventType.CONSENT_CHANGED, local.clock().instant(), "local-cli",
                            Map.of(SubjectSealer.SUBJECT_ID, subjectId))).details().get(SubjectSealer.SUBJECT_ID);
        }

        private static void print(PrintWriter out, EvidenceSummary summary) {
            out.println("Evidence bundle for " + summary.period().from() + " .. " + summary.period().to()
                    + " written to " + summary.bundle());
            out.println("  ledger entries:      " + summary.entries() + " (each with an inclusion proof)");
            out.println("  agreements in force: " + summary.agreements());
            out.println("  consents in force:   " + summary.consents());
            out.println("  approved products:   " + summary.approvedProducts());
            out.println("  incidents:           " + summary.incidents());
            out.println("  files:               " + String.join(", ", summary.files()));
            out.println("  checkpoint:          tree size " + summary.checkpoint().size() + ", signed "
                    + summary.checkpoint().time());
            out.print(summary.checkpoint().note());
            out.flush();
        }
    }
}
