package io.pactum.core.service;

import static io.pactum.core.access.AccessPolicy.requireOperator;

import io.pactum.core.audit.AuditTrail;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.registry.DataSubject;
import io.pactum.core.registry.DataSubjectStore;
import io.pactum.core.registry.NewDataSubject;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import io.pactum.core.security.RandomSecrets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** Data subjects: the operator, as data controller, registers and reads them. */
public final class DataSubjectService {
    private final DataSubjectStore subjects;
    private final AuditTrail audit;
    private final Clock clock;

    public DataSubjectService(DataSubjectStore subjects, AuditTrail audit, Clock clock) {
        this.subjects = Objects.requireNonNull(subjects, "subjects");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public DataSubject create(Principal caller, NewDataSubject request) {
        requireOperator(caller, Scope.WRITE, "register data subjects");
        String id = request.id() != null ? request.id() : "subj-" + RandomSecrets.token().substring(0, 22);
        DataSubject subject = new DataSubject(id, clock.instant());
        subjects.insert(subject);
        // The raw id only in subjectId: the ledger encrypts that detail under the subject's own key.
        audit.append(RegistryEvents.changed(caller.clientId(), subject.createdAt(), "subject.created",
                "subjectId", subject.id()));
        return subject;
    }

    public List<DataSubject> list(Principal caller) {
        requireOperator(caller, Scope.READ, "read data subjects");
        return subjects.list();
    }

    public DataSubject get(Principal caller, String id) {
        requireOperator(caller, Scope.READ, "read data subjects");
        return subjects.find(id).orElseThrow(() -> NotFoundException.of("data subject", id));
    }
}
