package io.pactum.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.error.ConflictException;
import io.pactum.core.error.ForbiddenException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.error.PactumException;
import io.pactum.core.incident.TimelineEntry.Kind;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import io.pactum.core.signal.SignalType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncidentServiceTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Set<Scope> ALL = Set.of(Scope.READ, Scope.WRITE, Scope.ADMIN);
    private static final Principal OPERATOR = new Principal("ops-alice", "op", OrganisationRole.OPERATOR, ALL);
    private static final Principal READ_ONLY_OPERATOR =
            new Principal("ops-viewer", "op", OrganisationRole.OPERATOR, Set.of(Scope.READ));
    private static final Principal SUPPLIER = new Principal("acme-bot", "acme", OrganisationRole.SUPPLIER, ALL);
    private static final Principal PARTNER = new Principal("care-bot", "care", OrganisationRole.PARTNER, ALL);

    private final MemoryIncidentStore store = new MemoryIncidentStore();
    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();
    private final IncidentService service =
            new IncidentService(store, events::add, Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC), Duration.ofMinutes(30));

    private static Detection detection(String detector, String subject, Severity severity, Instant at) {
        return new Detection(detector, subject, "Authentication failures from " + subject, severity, at,
                Set.of(subject), Set.of("acme"), Set.of("subject-42"),
                List.of(new LinkedSignal(SignalType.AUTHENTICATION_FAILURE.name(), subject, at)));
    }

    private Incident opened() {
        return service.raise(detection("auth-failure-burst", "dev-1", Severity.MEDIUM, T0)).incident();
    }

    private static List<Kind> kinds(List<TimelineEntry> timeline) {
        return timeline.stream().map(TimelineEntry::kind).toList();
    }

    @Test
    void raise_opensAnIncident_withADetectedEntry_andAnAuditEvent() {
        DetectionOutcome outcome = service.raise(detection("auth-failure-burst", "dev-1", Severity.HIGH, T0));

        Incident incident = outcome.incident();
        assertThat(outcome.opened()).isTrue();
        assertThat(incident.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(incident.version()).isEqualTo(1);
        assertThat(incident.detectedAt()).isEqualTo(T0);
        assertThat(incident.deviceIds()).containsExactly("dev-1");
        assertThat(incident.dataSubjectIds()).containsExactly("subject-42");
        assertThat(store.find(incident.id())).contains(incident);
        List<TimelineEntry> timeline = service.timeline(OPERATOR, incident.id());
        assertThat(timeline).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.DETECTED);
            assertThat(e.actor()).isEqualTo(AuditEvent.HUB);
            assertThat(e.seq()).isEqualTo(1);
        });
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AuditEventType.INCIDENT_ACTION);
            assertThat(e.actor()).isEqualTo(AuditEvent.HUB);
            assertThat(e.details()).containsEntry("incidentId", incident.id()).containsEntry("kind", "detected")
                    .containsEntry("detector", "auth-failure-burst").containsEntry("severity", "high");
        });
    }

    @Test
    void raise_sameDetectorAndSubjectWithinTheWindow_attachesToTheOpenIncident_insteadOfADuplicate() {
        Incident first = opened();
        Detection again = new Detection("auth-failure-burst", "dev-1", "more", Severity.CRITICAL, T0.plusSeconds(600),
                Set.of("dev-1", "dev-2"), Set.of("acme", "care"), Set.of(), List.of(
                        new LinkedSignal("REPLAY", "dev-1", T0.plusSeconds(590)),
                        new LinkedSignal("REPLAY", "dev-2", T0.plusSeconds(600))));

        DetectionOutcome outcome = service.raise(again);

        assertThat(outcome.opened()).isFalse();
        Incident merged = outcome.incident();
        assertThat(merged.id()).isEqualTo(first.id());
        assertThat(merged.version()).isEqualTo(2);
        assertThat(merged.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(merged.lastSignalAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(merged.deviceIds()).containsExactly("dev-1", "dev-2");
        assertThat(merged.organisationIds()).containsExactly("acme", "care");
        assertThat(merged.signals()).hasSize(3);
        assertThat(merged.signalCount()).isEqualTo(3);
        assertThat(store.list(IncidentQuery.first(10))).hasSize(1);
        assertThat(kinds(store.timeline(first.id()))).containsExactly(Kind.DETECTED, Kind.SIGNAL_LINKED);
    }

    @Test
    void raise_attachesWhileContained_butNotOnceResolved_norAfterTheWindow_norForAnotherSubjectOrDetector() {
        Incident first = opened();
        service.changeStatus(first.id(), IncidentStatus.CONTAINED, "device quarantined");
        assertThat(service.raise(detection("auth-failure-burst", "dev-1", Severity.LOW, T0.plusSeconds(60))).opened())
                .isFalse();

        assertThat(service.raise(detection("auth-failure-burst", "dev-9", Severity.LOW, T0.plusSeconds(60))).opened())
                .isTrue();
        assertThat(service.raise(detection("replay-burst", "dev-1", Severity.LOW, T0.plusSeconds(60))).opened())
                .isTrue();
        // 31 minutes after the latest attached detection: the window has passed
        assertThat(service.raise(detection("auth-failure-burst", "dev-1", Severity.LOW, T0.plusSeconds(60 + 31 * 60)))
                .opened()).isTrue();
        Incident other = opened();
        assertThat(other.id()).isNotEqualTo(first.id());
    }

    @Test
    void raise_afterResolution_opensANewIncident() {
        Incident first = opened();
        service.changeStatus(OPERATOR, first.id(), IncidentStatus.RESOLVED, 1, "false detection");

        DetectionOutcome outcome = service.raise(detection("auth-failure-burst", "dev-1", Severity.LOW, T0.plusSeconds(10)));

        assertThat(outcome.opened()).isTrue();
        assertThat(outcome.incident().id()).isNotEqualTo(first.id());
    }

    @Test
    void raise_keepsOnlyTheLatestSignalSummaries_butCountsThemAll() {
        Incident first = opened();
        for (int i = 1; i <= Incident.MAX_LINKED_SIGNALS + 5; i++) {
            service.raise(detection("auth-failure-burst", "dev-1", Severity.LOW, T0.plusSeconds(i)));
        }
        Incident merged = service.get(OPERATOR, first.id());
        assertThat(merged.signals()).hasSize(Incident.MAX_LINKED_SIGNALS);
        assertThat(merged.signalCount()).isEqualTo(Incident.MAX_LINKED_SIGNALS + 6);
        assertThat(merged.signals().get(merged.signals().size() - 1).at())
                .isEqualTo(T0.plusSeconds(Incident.MAX_LINKED_SIGNALS + 5));
    }

    @ParameterizedTest(name = "{0} -> {1}: allowed {2}")
    @CsvSource({
        "OPEN, CONTAINED, true", "OPEN, RESOLVED, true", "OPEN, OPEN, false",
        "CONTAINED, RESOLVED, true", "CONTAINED, OPEN, true", "CONTAINED, CONTAINED, false",
        "RESOLVED, OPEN, true", "RESOLVED, CONTAINED, false", "RESOLVED, RESOLVED, false"
    })
    void statusTransitions_followTheTable(IncidentStatus from, IncidentStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        Incident incident = opened();
        if (from != IncidentStatus.OPEN) {
            if (from == IncidentStatus.CONTAINED) {
                incident = service.changeStatus(OPERATOR, incident.id(), IncidentStatus.CONTAINED, 1, "");
            } else {
                incident = service.changeStatus(OPERATOR, incident.id(), IncidentStatus.RESOLVED, 1, "");
            }
        }
        long version = incident.version();
        String id = incident.id();
        if (allowed) {
            Incident moved = service.changeStatus(OPERATOR, id, to, version, "because");
            assertThat(moved.status()).isEqualTo(to);
            assertThat(moved.version()).isEqualTo(version + 1);
        } else {
            assertThatThrownBy(() -> service.changeStatus(OPERATOR, id, to, version, "because"))
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(((PactumException) e).field()).contains("status"));
            assertThat(store.find(id).orElseThrow().status()).isEqualTo(from);
        }
    }

    @Test
    void changeStatus_setsAndClearsTimestamps() {
        Incident incident = opened();
        Incident contained = service.changeStatus(OPERATOR, incident.id(), IncidentStatus.CONTAINED, 1, "quarantined");
        assertThat(contained.containedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(contained.resolvedAt()).isNull();

        Incident resolved = service.changeStatus(OPERATOR, incident.id(), IncidentStatus.RESOLVED, 2, "fixed");
        assertThat(resolved.containedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(resolved.resolvedAt()).isEqualTo(T0.plusSeconds(5));

        Incident reopened = service.changeStatus(OPERATOR, incident.id(), IncidentStatus.OPEN, 3, "it is back");
        assertThat(reopened.containedAt()).isNull();
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(events).last().satisfies(e -> assertThat(e.details()).containsEntry("kind", "status_changed")
                .containsEntry("from", "resolved").containsEntry("target", "open"));
    }

    @Test
    void theHub_mayContainAndResolve_butNeverReopen() {
        Incident incident = opened();
        assertThat(service.changeStatus(incident.id(), IncidentStatus.CONTAINED, "device quarantined").status())
                .isEqualTo(IncidentStatus.CONTAINED);
        service.changeStatus(incident.id(), IncidentStatus.RESOLVED, "credential revoked");

        assertThatThrownBy(() -> service.changeStatus(incident.id(), IncidentStatus.OPEN, "again"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(store.timeline(incident.id())).last().satisfies(e -> assertThat(e.actor()).isEqualTo("hub"));
    }

    @Test
    void changeStatus_withAStaleVersion_isAConflict_andChangesNothing() {
        Incident incident = opened();
        service.assign(OPERATOR, incident.id(), "ops-bob", 1);

        assertThatThrownBy(() -> service.changeStatus(OPERATOR, incident.id(), IncidentStatus.CONTAINED, 1, "late"))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((PactumException) e).field()).contains("version"));
        assertThatThrownBy(() -> service.assign(OPERATOR, incident.id(), "ops-carol", 1))
                .isInstanceOf(ConflictException.class);
        Incident stored = store.find(incident.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(stored.assignee()).isEqualTo("ops-bob");
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void timeline_keepsEveryStepInOrder_andEachIsAudited() {
        Incident incident = opened();
        String id = incident.id();
        service.recordAction(id, IncidentActions.QUARANTINE_DEVICE, "dev-1", "auth failure burst");
        service.changeStatus(id, IncidentStatus.CONTAINED, "device quarantined");
        service.assign(OPERATOR, id, "ops-bob", 2);
        service.addNote(OPERATOR, id, "Called the supplier.\nThey are checking the firmware.");
        service.raise(detection("auth-failure-burst", "dev-1", Severity.LOW, T0.plusSeconds(30)));
        service.recordReversal(OPERATOR, id, IncidentActions.QUARANTINE_DEVICE, "dev-1", "firmware fixed");
        service.changeStatus(OPERATOR, id, IncidentStatus.RESOLVED, 4, "fixed");

        List<TimelineEntry> timeline = service.timeline(OPERATOR, id);
        assertThat(kinds(timeline)).containsExactly(Kind.DETECTED, Kind.ACTION_TAKEN, Kind.STATUS_CHANGED,
                Kind.ASSIGNED, Kind.NOTE, Kind.SIGNAL_LINKED, Kind.ACTION_REVERSED, Kind.STATUS_CHANGED);
        assertThat(timeline).extracting(TimelineEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(timeline).extracting(TimelineEntry::actor).containsExactly(
                "hub", "hub", "hub", "ops-alice", "ops-alice", "hub", "ops-alice", "ops-alice");
        assertThat(timeline.get(1).action()).isEqualTo("quarantine-device");
        assertThat(timeline.get(1).target()).isEqualTo("dev-1");

        assertThat(events).hasSize(timeline.size());
        assertThat(events).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(AuditEventType.INCIDENT_ACTION);
            assertThat(e.details()).containsEntry("incidentId", id);
        });
        assertThat(events).extracting(e -> e.details().get("kind")).containsExactly("detected", "action_taken",
                "status_changed", "assigned", "note", "signal_linked", "action_reversed", "status_changed");
        assertThat(events.get(1).details()).containsEntry("action", "quarantine-device").containsEntry("target", "dev-1");
        // the note's text stays on the timeline
        assertThat(events.get(4).details().values()).noneMatch(v -> v.contains("supplier"));
    }

    @Test
    void audit_neverNamesADataSubjectInClear_onlyInTheSealedSubjectIdDetail() {
        Incident incident = opened();
        service.recordAction(OPERATOR, incident.id(), IncidentActions.NOTIFY, "subject-42", "letter sent");

        AuditEvent event = events.get(events.size() - 1);
        assertThat(event.details()).containsEntry("subjectId", "subject-42").doesNotContainKey("target");
        assertThat(events).allSatisfy(e -> e.details().forEach((name, value) -> {
            if (!name.equals("subjectId")) {
                assertThat(value).doesNotContain("subject-42");
            }
        }));
    }

    @Test
    void reversal_ofAnActionNotTaken_orAlreadyReversed_isRefused() {
        Incident incident = opened();
        String id = incident.id();
        assertThatThrownBy(() -> service.recordReversal(OPERATOR, id, IncidentActions.THROTTLE, "dev-1", ""))
                .isInstanceOf(ConflictException.class);

        service.recordAction(id, IncidentActions.THROTTLE, "dev-1", "10 msg/min");
        service.recordReversal(OPERATOR, id, IncidentActions.THROTTLE, "dev-1", "lifted");

        assertThatThrownBy(() -> service.recordReversal(OPERATOR, id, IncidentActions.THROTTLE, "dev-1", ""))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> service.recordReversal(OPERATOR, id, IncidentActions.THROTTLE, "dev-2", ""))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void actions_onAResolvedIncident_areRefused_untilReopened() {
        Incident incident = opened();
        service.changeStatus(OPERATOR, incident.id(), IncidentStatus.RESOLVED, 1, "");

        assertThatThrownBy(() -> service.recordAction(incident.id(), IncidentActions.THROTTLE, "dev-1", ""))
                .isInstanceOf(ConflictException.class);
        service.changeStatus(OPERATOR, incident.id(), IncidentStatus.OPEN, 2, "");
        assertThat(service.recordAction(incident.id(), IncidentActions.THROTTLE, "dev-1", "").kind())
                .isEqualTo(Kind.ACTION_TAKEN);
    }

    @Test
    void actionNames_mustBeLowerCaseHyphenated() {
        Incident incident = opened();
        assertThatThrownBy(() -> service.recordAction(OPERATOR, incident.id(), "Quarantine Device", "dev-1", ""))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((PactumException) e).field()).contains("action"));
    }

    @Test
    void nonOperators_areRefused_forReadsAndChanges() {
        Incident incident = opened();
        String id = incident.id();
        for (Principal caller : List.of(SUPPLIER, PARTNER)) {
            assertThatThrownBy(() -> service.get(caller, id)).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> service.list(caller, IncidentQuery.first(10))).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> service.timeline(caller, id)).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> service.addNote(caller, id, "hi")).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> service.assign(caller, id, caller.clientId(), 1))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> service.changeStatus(caller, id, IncidentStatus.RESOLVED, 1, ""))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> service.recordAction(caller, id, IncidentActions.THROTTLE, "dev-1", ""))
                    .isInstanceOf(ForbiddenException.class);
        }
        // an operator token without WRITE reads but does not change
        assertThat(service.get(READ_ONLY_OPERATOR, id)).isEqualTo(incident);
        assertThatThrownBy(() -> service.addNote(READ_ONLY_OPERATOR, id, "hi")).isInstanceOf(ForbiddenException.class);
        assertThat(store.timeline(id)).hasSize(1);
        assertThat(events).hasSize(1);
    }

    @Test
    void notes_tooLong_empty_orWithControlCharacters_areRefusedWithClearErrors() {
        Incident incident = opened();
        String id = incident.id();
        String tooLong = "x".repeat(TimelineEntry.MAX_DETAIL + 1);

        assertThatThrownBy(() -> service.addNote(OPERATOR, id, tooLong))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most " + TimelineEntry.MAX_DETAIL)
                .satisfies(e -> assertThat(((PactumException) e).field()).contains("note"));
        assertThatThrownBy(() -> service.addNote(OPERATOR, id, "  ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> service.addNote(OPERATOR, id, "bell\u0007")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("control characters");
        assertThat(service.addNote(OPERATOR, id, "x".repeat(TimelineEntry.MAX_DETAIL)).kind()).isEqualTo(Kind.NOTE);
    }

    @Test
    void unknownIncident_isNotFound() {
        assertThatThrownBy(() -> service.get(OPERATOR, "nope")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.addNote(OPERATOR, "nope", "hi")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.recordAction("nope", IncidentActions.NOTIFY, "acme", ""))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void list_filtersByStatusSeverityAndSince_newestFirst_withPaging() {
        Incident a = service.raise(detection("d", "s1", Severity.LOW, T0)).incident();
        Incident b = service.raise(detection("d", "s2", Severity.HIGH, T0.plusSeconds(10))).incident();
        Incident c = service.raise(detection("d", "s3", Severity.HIGH, T0.plusSeconds(20))).incident();
        service.changeStatus(OPERATOR, c.id(), IncidentStatus.RESOLVED, 1, "");

        assertThat(service.list(OPERATOR, IncidentQuery.first(10))).extracting(Incident::id)
                .containsExactly(c.id(), b.id(), a.id());
        assertThat(service.list(OPERATOR, new IncidentQuery(IncidentStatus.OPEN, null, null, 0, 10)))
                .extracting(Incident::id).containsExactly(b.id(), a.id());
        assertThat(service.list(OPERATOR, new IncidentQuery(null, Severity.HIGH, null, 0, 10)))
                .extracting(Incident::id).containsExactly(c.id(), b.id());
        assertThat(service.list(OPERATOR, new IncidentQuery(null, null, T0.plusSeconds(10), 0, 10)))
                .extracting(Incident::id).containsExactly(c.id(), b.id());
        assertThat(service.list(OPERATOR, new IncidentQuery(null, null, null, 1, 1)))
                .extracting(Incident::id).containsExactly(b.id());
        assertThatThrownBy(() -> new IncidentQuery(null, null, null, 0, 0)).isInstanceOf(InvalidInputException.class);
    }
}
