package io.pactum.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.core.ledger.subject.Disclosure;
import io.pactum.core.ledger.subject.SubjectDisclosures;
import io.pactum.server.LocalRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `pactum audit disclosures`: who received a data subject's data, from the ledger. */
@Command(name = "disclosures", mixinStandardHelpOptions = true,
        description = "Who received a data subject's data: every release the ledger recorded for them, as JSON lines.")
final class AuditDisclosuresCommand extends LocalCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--subject", required = true, paramLabel = "ID", description = "The data subject's id.")
    String subjectId = "";

    @Override
    public Integer call() throws IOException {
        PrintWriter out = out();
        try (LocalRegistry local = LocalRegistry.open(options.load())) {
            for (Disclosure disclosure : new SubjectDisclosures(local.ledger(), local.subjectSealer()).of(subjectId)) {
                out.println(JSON.writeValueAsString(JSON.createObjectNode()
                        .put("time", disclosure.time().toString())
                        .put("recipientId", disclosure.recipientId())
                        .put("agreementId", disclosure.agreementId())
                        .put("purpose", disclosure.purpose())
                        .put("fields", disclosure.fields())
                        .put("ledgerIndex", disclosure.entryIndex())));
            }
        }
        out.flush();
        return 0;
    }
}
