package io.pactum.server.cli;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.evidence.BundleDirectory;
import io.pactum.core.incident.Incident;
import io.pactum.core.incident.IncidentService;
import io.pactum.core.incident.TimelineEntry;
import io.pactum.core.incident.breach.Art33Notification;
import io.pactum.core.incident.breach.Art34Communication;
import io.pactum.core.incident.breach.BreachAssessment;
import io.pactum.core.incident.breach.BreachAssessor;
import io.pactum.core.incident.breach.BreachDrafts;
import io.pactum.core.security.Principal;
import io.pactum.server.LocalRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `pactum incident`: what the operator needs about incidents beyond the API, starting with breach reports. */
@Command(name = "incident", description = "Breach assessment and GDPR notification drafts for an incident.",
        mixinStandardHelpOptions = true, subcommands = IncidentCommand.Breach.class)
final class IncidentCommand {
    private IncidentCommand() {}

    /** `pactum incident breach`: the assessment and the Art. 33 and Art. 34 drafts, written to a directory. */
    @Command(name = "breach", mixinStandardHelpOptions = true,
            description = "Which data subjects' data reached which recipients in a window around an incident,"
                    + " with the Art. 33 notification draft (deadline: 72 hours after detection) and the Art. 34"
                    + " communication draft. The files name data subjects: keep them as personal data.")
    static final class Breach extends LocalCommand implements Callable<Integer> {
        /** Breaches begin before they are detected: by default look back a day before the first signal. */
        private static final Duration DEFAULT_LOOK_BACK = Duration.ofDays(1);

        @Option(names = "--incident", required = true, paramLabel = "ID", description = "The incident's id.")
        String incidentId = "";

        @Option(names = "--from", paramLabel = "TIME",
                description = "Start of the window, inclusive (2026-12-01T00:00:00Z or 2026-12-01); default: a day"
                        + " before the incident's detection.")
        @Nullable String from;

        @Option(names = "--to", paramLabel = "TIME", description = "End of the window, exclusive; default: now.")
        @Nullable String to;

        @Option(names = "--contact", paramLabel = "TEXT",
                description = "Name and contact details of the data protection officer or other contact point.")
        @Nullable String contact;

        @Option(names = "--out", required = true, paramLabel = "DIR",
                description = "Directory to write the report to: new, or empty.")
        Path out = Path.of("");

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            @Nullable Instant start;
            @Nullable Instant end;
            try { // everything that can be checked without the database, before opening it
                start = from == null ? null : EvidenceCommand.Export.instant("--from", from);
                end = to == null ? null : EvidenceCommand.Export.instant("--to", to);
                if (start != null && end != null && !start.isBefore(end)) {
                    throw new InvalidInputException("from", "--from " + start + " must be before --to " + end);
                }
                BundleDirectory.requireUsable(out);
            } catch (InvalidInputException e) {
                return refused(err, e);
            }
            try (LocalRegistry local = LocalRegistry.open(options.load())) {
                Principal operator = local.registry().bootstrap().localOperator();
                IncidentService incidents = new IncidentService(local.database().incidents(), local.ledger(),
                        local.clock());
                Incident incident = incidents.get(operator, incidentId);
                List<TimelineEntry> timeline = incidents.timeline(operator, incidentId);
                Instant now = local.clock().instant();
                BreachAssessment assessment = new BreachAssessor(local.ledger(), local.subjectSealer(),
                        local.database().stores().products(), local.database().agreements(),
                        local.database().stores().organisations(), local.clock()).assess(incident,
                        start == null ? incident.detectedAt().minus(DEFAULT_LOOK_BACK) : start,
                        end == null ? now : end);
                BreachDrafts drafts = new BreachDrafts(contact);
                Art33Notification art33 = drafts.art33(assessment, incident, timeline, now);
                Art34Communication art34 = drafts.art34(assessment, incident, timeline, now);
                // written beside, owner-only (a temporary directory is), and moved in place when complete
                Path partial = BundleDirectory.createBeside(out);
                write(partial, "assessment.json", assessment.toJson());
                write(partial, "art33-notification.json", art33.toJson());
                write(partial, "art33-notification.md", art33.toMarkdown());
                write(partial, "art34-communication.json", art34.toJson());
                write(partial, "art34-communication.md", art34.toMarkdown());
                BundleDirectory.publish(partial, out);
                print(out(), incident, assessment, art33, art34);
            } catch (InvalidInputException | NotFoundException e) {
                return refused(err, e);
            }
            return 0;
        }

        private static int refused(PrintWriter err, RuntimeException e) {
            err.println("pactum: " + e.getMessage() + "; nothing was written");
            err.flush();
            return EvidenceCommand.BAD_INPUT;
        }

        private void print(PrintWriter console, Incident incident, BreachAssessment assessment,
                Art33Notification art33, Art34Communication art34) {
            console.println("Breach report for incident " + incident.id() + " (" + incident.detector() + ") in "
                    + out.toAbsolutePath());
            console.println("  window " + assessment.window().from() + " .. " + assessment.window().to() + ": " + assessment.subjectIds().size()
                    + " named data subject(s), " + assessment.recipients().size() + " recipient(s), "
                    + assessment.deviceIds().size() + " device(s)");
            console.println("  Art. 33 deadline " + art33.deadline() + (art33.overdue() ? " (OVERDUE)" : "")
                    + (art33.missing().isEmpty() ? "" : "; to fill in: " + String.join(", ", art33.missing())));
            console.println("  Art. 34 communication " + (art34.required() ? "required" : "not required"));
            console.flush();
        }

        /** Owner-only where the file system allows: the assessment and Art. 34 draft name people. */
        private static void write(Path directory, String name, String text) throws IOException {
            Path file = Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // other file systems keep their defaults
            }
        }
    }
}
