package io.pactum.server.cli;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.server.LocalRegistry;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `pactum audit erase-subject`: crypto-shreds a data subject's personal details in the ledger. */
@Command(name = "erase-subject", mixinStandardHelpOptions = true,
        description = "Crypto-shred a data subject in the ledger: erase the key that sealed their personal details."
                + " Their entries stay (and the log still verifies) but can no longer be read. Stop the hub first:"
                + " a running hub keeps the key it has in memory until it restarts.")
final class AuditEraseSubjectCommand extends LocalCommand implements Callable<Integer> {
    @Option(names = "--subject", required = true, paramLabel = "ID", description = "The data subject's id.")
    String subjectId = "";

    @Override
    public Integer call() {
        PrintWriter out = out();
        try (LocalRegistry local = LocalRegistry.open(options.load())) {
            var keyId = local.subjectSealer().keyIdOf(subjectId);
            if (keyId.isEmpty()) {
                out.println("subject " + subjectId + " has no ledger key: nothing to erase");
            } else {
                // recorded first: an erasure that happened is never missing from the ledger. The
                // entry names the key, not the subject: once erased, nothing links the two.
                local.ledger().append(new AuditEvent(AuditEventType.REGISTRY_CHANGED, local.clock().instant(),
                        "local-cli", Map.of("action", "subject.ledger-key-erased", "keyId", keyId.get())));
                local.subjectSealer().erase(subjectId);
                out.println("erased ledger key " + keyId.get() + " of subject " + subjectId
                        + "; the entries it sealed can no longer be read");
            }
        }
        out.flush();
        return 0;
    }
}
