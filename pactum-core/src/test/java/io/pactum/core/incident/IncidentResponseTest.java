package io.pactum.core.incident;

import static io.pactum.core.incident.IncidentActions.BLOCK_SOURCE;
import static io.pactum.core.incident.IncidentActions.NOTIFY;
import static io.pactum.core.incident.IncidentActions.QUARANTINE_DEVICE;
import static io.pactum.core.incident.IncidentActions.REVOKE_CREDENTIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.error.ConflictException;
import io.pactum.core.error.ForbiddenException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.incident.TimelineEntry.Kind;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import io.pactum.core.signal.SignalType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Containment: playbook steps taken by the hub, actions taken and reversed by the operator. */
class IncidentResponseTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Set<Scope> ALL = Set.of(Scope.READ, Scope.WRITE, Scope.ADMIN);
    private static final Principal OPERATOR = new Principal("ops-alice", "op", OrganisationRole.OPERATOR, ALL);
    private static final Principal READ_ONLY_OPERATOR =
            new Principal("ops-viewer", "op", OrganisationRole.OPERATOR, Set.of(Scope.READ));
    private static final Principal SUPPLIER = new Principal("acme-bot", "acme", OrganisationRole.SUPPLIER, ALL);
    private static final Principal PARTNER = new Principal("care-bot", "care", OrganisationRole.PARTNER, ALL);
    private static final String DETECTOR = "replay";
    private static final String DEVICE = "dev-1";

    private final MemoryIncidentStore store = new MemoryIncidentStore();
    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();
    private final IncidentService incidents =
            new IncidentService(store, events::add, Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC), Duration.ofMinutes(30));

    private final RecordingAction quarantine = new RecordingAction(QUARANTINE_DEVICE, "quarantined");
    private final RecordingAction revoke = new RecordingAction(REVOKE_CREDENTIAL, "revoked");
    private final RecordingAction block = new RecordingAction(BLOCK_SOURCE, "blocked");
    private final RecordingAction notify = new RecordingAction(NOTIFY, "notified");
    private final List<ResponseAction> actions = List.of(quarantine, revoke, block, notify);

    /**
     * A small real action: it keeps what it did, and returns a detail that differs with each taking,
     * so that a reversal can be checked to get exactly the detail of the taking that stands.
     */
    private static final class RecordingAction implements ResponseAction {
        private final String name;
        private final String verb;
        final List<String> taken = new CopyOnWriteArrayList<>();
        final List<List<String>> reversed = new CopyOnWriteArrayList<>();
        volatile boolean failing;
        /** As a block that ended by itself, or a device released outside the incident. */
        volatile boolean lapsed;

        RecordingAction(String name, String verb) {
            this.name = name;
            this.verb = verb;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String take(Incident incident, String target) {
            if (failing) {
                throw new IllegalStateException(name + " is out of order");
            }
            taken.add(target);
            return verb + " " + target + " #" + taken.size();
        }

        @Override
        public boolean inEffect(String target) {
            return !lapsed;
        }

        @Override
        public String reverse(String target, String takenDetail) {
            reversed.add(List.of(target, takenDetail));
            return "undid " + takenDetail;
        }
    }

    private IncidentResponse response(String playbooks) {
        Set<String> known = actions.stream().map(ResponseAction::name).collect(Collectors.toSet());
        return new IncidentResponse(incidents, actions, Playbooks.parse(playbooks, known));
    }

    private Incident raise(Severity severity, Instant at) {
        return incidents.raise(new Detection(DETECTOR, DEVICE, "Replays from " + DEVICE, severity, at,
                Set.of(DEVICE), Set.of("acme"), Set.of(),
                List.of(new LinkedSignal(SignalType.REPLAY.name(), DEVICE, at)))).incident();
    }

    private Incident raise(Severity severity) {
        return raise(severity, T0);
    }

    private List<TimelineEntry> entries(String incidentId, Kind kind) {
        return store.timeline(incidentId).stream().filter(e -> e.kind() == kind).toList();
    }

    private IncidentStatus status(String incidentId) {
        return store.find(incidentId).orElseThrow().status();
    }

    // --- the hub's response ---------------------------------------------------------------------

    @Test
    void respond_onANewIncident_takesEachStepOnTheSubject_recordsWhatTheActionSaid_andContains() {
        IncidentResponse response = response("replay: quarantine-device revoke-credential");
        Incident incident = raise(Severity.HIGH);

        Incident after = response.respond(incident);

        assertThat(quarantine.taken).containsExactly(DEVICE);
        assertThat(revoke.taken).containsExactly(DEVICE);
        assertThat(block.taken).isEmpty();
        assertThat(entries(incident.id(), Kind.ACTION_TAKEN)).satisfiesExactly(
                e -> {
                    assertThat(e.action()).isEqualTo(QUARANTINE_DEVICE);
                    assertThat(e.target()).isEqualTo(DEVICE);
                    assertThat(e.detail()).isEqualTo("quarantined dev-1 #1");
                    assertThat(e.actor()).isEqualTo(AuditEvent.HUB);
                },
                e -> {
                    assertThat(e.action()).isEqualTo(REVOKE_CREDENTIAL);
                    assertThat(e.target()).isEqualTo(DEVICE);
                    assertThat(e.detail()).isEqualTo("revoked dev-1 #1");
                });
        assertThat(after.id()).isEqualTo(incident.id());
        assertThat(after.status()).isEqualTo(IncidentStatus.CONTAINED);
        assertThat(after.containedAt()).isNotNull();
        assertThat(status(incident.id())).isEqualTo(IncidentStatus.CONTAINED);
        assertThat(incidents.standingActions(incident.id())).containsExactly(
                new StandingAction(QUARANTINE_DEVICE, DEVICE, "quarantined dev-1 #1"),
                new StandingAction(REVOKE_CREDENTIAL, DEVICE, "revoked dev-1 #1"));
        assertThat(events).filteredOn(e -> e.type() == AuditEventType.INCIDENT_ACTION)
                .filteredOn(e -> "action_taken".equals(e.details().get("kind")))
                .extracting(e -> e.details().get("action"))
                .containsExactly(QUARANTINE_DEVICE, REVOKE_CREDENTIAL);
    }

    @Test
    void respond_skipsStepsThatNeedAHigherSeverity_andStillContainsWithTheOthers() {
        IncidentResponse response = response("replay: quarantine-device block-source@high revoke-credential@medium");
        Incident incident = raise(Severity.MEDIUM);

        Incident after = response.respond(incident);

        assertThat(quarantine.taken).containsExactly(DEVICE);
        assertThat(revoke.taken).as("medium reaches medium").containsExactly(DEVICE);
        assertThat(block.taken).as("medium is below high").isEmpty();
        assertThat(entries(incident.id(), Kind.ACTION_TAKEN)).extracting(TimelineEntry::action)
                .containsExactly(QUARANTINE_DEVICE, REVOKE_CREDENTIAL);
        assertThat(after.status()).isEqualTo(IncidentStatus.CONTAINED);
    }

    @Test
    void respond_whenEveryStepNeedsAHigherSeverity_doesNothing_andLeavesTheIncidentOpen() {
        IncidentResponse response = response("replay: quarantine-device@critical");
        Incident incident = raise(Severity.HIGH);

        Incident after = response.respond(incident);

        assertThat(quarantine.taken).isEmpty();
        assertThat(entries(incident.id(), Kind.ACTION_TAKEN)).isEmpty();
        assertThat(after.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(status(incident.id())).isEqualTo(IncidentStatus.OPEN);
    }

    @Test
    void respond_forADetectorWithoutAPlaybook_leavesTheIncidentToTheOperator() {
        IncidentResponse response = response("message-flood: quarantine-device");
        Incident incident = raise(Severity.CRITICAL);

        assertThat(response.respond(incident)).isEqualTo(incident);
        assertThat(quarantine.taken).isEmpty();
        assertThat(status(incident.id())).isEqualTo(IncidentStatus.OPEN);
    }

    @Test
    void respond_whenAStepFails_logsIt_takesTheOthers_andDoesNotContain() {
        IncidentResponse response = response("replay: block-source quarantine-device");
        block.failing = true;
        Incident incident = raise(Severity.HIGH);

        Incident after = response.respond(incident);

        assertThat(quarantine.taken).containsExactly(DEVICE);
        assertThat(entries(incident.id(), Kind.ACTION_TAKEN)).extracting(TimelineEntry::action)
                .containsExactly(QUARANTINE_DEVICE);
        assertThat(after.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(status(incident.id())).isEqualTo(IncidentStatus.OPEN);

        // the failed step is taken with the next detection; the standing one is not taken again
        block.failing = false;
        Incident again = response.respond(raise(Severity.HIGH, T0.plusSeconds(30)));

        assertThat(again.id()).isEqualTo(incident.id());
        assertThat(block.taken).containsExactly(DEVICE);
        assertThat(quarantine.taken).containsExactly(DEVICE);
        assertThat(again.status()).isEqualTo(IncidentStatus.CONTAINED);
    }

    @Test
    void respond_again_doesNotTakeStandingActionsTwice() {
        IncidentResponse response = response("replay: quarantine-device");
        Incident incident = response.respond(raise(Severity.HIGH));

        Incident again = response.respond(raise(Severity.HIGH, T0.plusSeconds(60)));
        Incident third = response.respond(again);

        assertThat(again.id()).isEqualTo(incident.id());
        assertThat(quarantine.taken).containsExactly(DEVICE);
        assertThat(entries(incident.id(), Kind.ACTION_TAKEN)).hasSize(1);
        assertThat(entries(incident.id(), Kind.STATUS_CHANGED)).as("contained once").hasSize(1);
        assertThat(third.status()).isEqualTo(IncidentStatus.CONTAINED);
    }

    @Test
    void respond_again_retakesAStandingActionThatNoLongerHolds() {
        IncidentResponse response = response("replay: quarantine-device");
        Incident incident = response.respond(raise(Severity.HIGH));
        quarantine.lapsed = true;

        Incident again = response.respond(raise(Severity.HIGH, T0.plusSeconds(60)));

        assertThat(again.id()).isEqualTo(incident.id());
        assertThat(quarantine.taken).containsExactly(DEVICE, DEVICE);
        assertThat(entries(incident.id(), Kind.ACTION_TAKEN)).extracting(TimelineEntry::detail)
                .containsExactly("quarantined dev-1 #1", "quarantined dev-1 #2");
        assertThat(again.status()).isEqualTo(IncidentStatus.CONTAINED);
    }

    @Test
    void respond_withAPlaybookOfOnlyNotify_tellsSomeone_butDoesNotContain() {
        IncidentResponse response = response("replay: notify");
        Incident incident = raise(Severity.HIGH);

        Incident after = response.respond(incident);

        assertThat(notify.taken).containsExactly(DEVICE);
        assertThat(entries(incident.id(), Kind.ACTION_TAKEN)).extracting(TimelineEntry::action)
                .containsExactly(NOTIFY);
        assertThat(after.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(status(incident.id())).isEqualTo(IncidentStatus.OPEN);
    }

    @Test
    void respond_onAResolvedIncident_takesNothing() {
        IncidentResponse response = response("replay: quarantine-device");
        Incident incident = raise(Severity.HIGH);
        Incident resolved = incidents.changeStatus(OPERATOR, incident.id(), IncidentStatus.RESOLVED,
                incident.version(), "false detection");

        assertThat(response.respond(resolved)).isEqualTo(resolved);
        assertThat(quarantine.taken).isEmpty();
        assertThat(entries(incident.id(), Kind.ACTION_TAKEN)).isEmpty();
    }

    // --- the operator's reversal ----------------------------------------------------------------

    @Test
    void reverse_undoesWithTheDetailTheTakingReturned_recordsIt_tellsTheListener_andReopens() {
        IncidentResponse response = response("replay: quarantine-device");
        List<StandingAction> told = new ArrayList<>();
        response.onReversed(told::add);
        Incident incident = response.respond(raise(Severity.HIGH));
        assertThat(incident.status()).isEqualTo(IncidentStatus.CONTAINED);

        TimelineEntry entry = response.reverse(OPERATOR, incident.id(), QUARANTINE_DEVICE, DEVICE, "false alarm");

        assertThat(quarantine.reversed).containsExactly(List.of(DEVICE, "quarantined dev-1 #1"));
        assertThat(entry.kind()).isEqualTo(Kind.ACTION_REVERSED);
        assertThat(entry.action()).isEqualTo(QUARANTINE_DEVICE);
        assertThat(entry.target()).isEqualTo(DEVICE);
        assertThat(entry.actor()).isEqualTo("ops-alice");
        assertThat(entry.detail()).isEqualTo("undid quarantined dev-1 #1; false alarm");
        assertThat(entries(incident.id(), Kind.ACTION_REVERSED)).containsExactly(entry);
        assertThat(told).containsExactly(new StandingAction(QUARANTINE_DEVICE, DEVICE, "quarantined dev-1 #1"));
        assertThat(incidents.standingActions(incident.id())).isEmpty();
        Incident now = store.find(incident.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(now.containedAt()).isNull();
        assertThat(events).filteredOn(e -> "action_reversed".equals(e.details().get("kind")))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("ops-alice");
                    assertThat(e.details()).containsEntry("action", QUARANTINE_DEVICE).containsEntry("target", DEVICE);
                });
    }

    @Test
    void reverse_ofOneOfTwoStandingActions_keepsTheIncidentContained_untilTheLastIsReversed() {
        IncidentResponse response = response("replay: quarantine-device revoke-credential");
        Incident incident = response.respond(raise(Severity.HIGH));

        response.reverse(OPERATOR, incident.id(), REVOKE_CREDENTIAL, DEVICE, null);

        assertThat(revoke.reversed).containsExactly(List.of(DEVICE, "revoked dev-1 #1"));
        assertThat(status(incident.id())).isEqualTo(IncidentStatus.CONTAINED);
        assertThat(incidents.standingActions(incident.id())).extracting(StandingAction::action)
                .containsExactly(QUARANTINE_DEVICE);

        response.reverse(OPERATOR, incident.id(), QUARANTINE_DEVICE, DEVICE, " ");

        assertThat(status(incident.id())).isEqualTo(IncidentStatus.OPEN);
        assertThat(entries(incident.id(), Kind.ACTION_REVERSED)).extracting(TimelineEntry::detail)
                .as("a blank reason adds nothing").containsExactly("undid revoked dev-1 #1", "undid quarantined dev-1 #1");
    }

    /**
     * A notification holds nothing back ({@code IncidentResponse#containing}): once the only
     * containing action is reversed, nothing holds the cause back any more, so the incident is open
     * again even though the notification still "stands" on the timeline. This is the class comment's
     * own example playbook, "message-flood: quarantine-device@medium notify".
     */
    @Test
    void reverse_ofTheLastContainingAction_reopens_evenWhenANotificationStillStands() {
        IncidentResponse response = response("replay: quarantine-device notify");
        Incident incident = response.respond(raise(Severity.HIGH));
        assertThat(incident.status()).isEqualTo(IncidentStatus.CONTAINED);
        assertThat(notify.taken).containsExactly(DEVICE);

        response.reverse(OPERATOR, incident.id(), QUARANTINE_DEVICE, DEVICE, "released");

        assertThat(status(incident.id())).as("nothing holds the device back any more").isEqualTo(IncidentStatus.OPEN);
    }

    @Test
    void reverse_ofAnActionThatDoesNotStand_isAConflict_andChangesNothing() {
        IncidentResponse response = response("replay: quarantine-device");
        List<StandingAction> told = new ArrayList<>();
        response.onReversed(told::add);
        Incident incident = response.respond(raise(Severity.HIGH));
        List<TimelineEntry> before = store.timeline(incident.id());
        int audited = events.size();

        assertThatThrownBy(() -> response.reverse(OPERATOR, incident.id(), BLOCK_SOURCE, DEVICE, "oops"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("does not stand");
        assertThatThrownBy(() -> response.reverse(OPERATOR, incident.id(), QUARANTINE_DEVICE, "dev-2", "oops"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'dev-2'");

        assertThat(block.reversed).isEmpty();
        assertThat(quarantine.reversed).isEmpty();
        assertThat(told).isEmpty();
        assertThat(store.timeline(incident.id())).isEqualTo(before);
        assertThat(events).hasSize(audited);
        assertThat(status(incident.id())).isEqualTo(IncidentStatus.CONTAINED);

        response.reverse(OPERATOR, incident.id(), QUARANTINE_DEVICE, DEVICE, "released");
        assertThatThrownBy(() -> response.reverse(OPERATOR, incident.id(), QUARANTINE_DEVICE, DEVICE, "again"))
                .as("reversed already").isInstanceOf(ConflictException.class);
        assertThat(quarantine.reversed).hasSize(1);
        assertThat(told).hasSize(1);
    }

    @Test
    void afterAReversal_theDeviceAttackingAgain_isContainedAgain() {
        IncidentResponse response = response("replay: quarantine-device");
        Incident incident = response.respond(raise(Severity.HIGH));
        response.reverse(OPERATOR, incident.id(), QUARANTINE_DEVICE, DEVICE, "released");
        assertThat(status(incident.id())).isEqualTo(IncidentStatus.OPEN);

        Incident again = response.respond(raise(Severity.HIGH, T0.plusSeconds(120)));

        assertThat(again.id()).isEqualTo(incident.id());
        assertThat(quarantine.taken).containsExactly(DEVICE, DEVICE);
        assertThat(again.status()).isEqualTo(IncidentStatus.CONTAINED);
        assertThat(incidents.standing(incident.id(), QUARANTINE_DEVICE, DEVICE))
                .contains(new StandingAction(QUARANTINE_DEVICE, DEVICE, "quarantined dev-1 #2"));

        // and a second release undoes the second taking, not the first
        response.reverse(OPERATOR, incident.id(), QUARANTINE_DEVICE, DEVICE, "released again");
        assertThat(quarantine.reversed).containsExactly(
                List.of(DEVICE, "quarantined dev-1 #1"), List.of(DEVICE, "quarantined dev-1 #2"));
    }

    // --- the operator's own actions -------------------------------------------------------------

    @Test
    void take_byTheOperator_carriesTheActionOut_onAnyTarget_andRecordsItWithTheReason() {
        IncidentResponse response = response("");
        Incident incident = raise(Severity.LOW);

        TimelineEntry entry = response.take(OPERATOR, incident.id(), BLOCK_SOURCE, "192.0.2.7", "same host");

        assertThat(block.taken).containsExactly("192.0.2.7");
        assertThat(entry.kind()).isEqualTo(Kind.ACTION_TAKEN);
        assertThat(entry.actor()).isEqualTo("ops-alice");
        assertThat(entry.target()).isEqualTo("192.0.2.7");
        assertThat(entry.detail()).isEqualTo("blocked 192.0.2.7 #1; same host");
        assertThat(incidents.standing(incident.id(), BLOCK_SOURCE, "192.0.2.7")).isPresent();
        assertThat(status(incident.id())).as("the operator contains by changing the status").isEqualTo(IncidentStatus.OPEN);

        response.reverse(OPERATOR, incident.id(), BLOCK_SOURCE, "192.0.2.7", null);
        assertThat(block.reversed).containsExactly(List.of("192.0.2.7", "blocked 192.0.2.7 #1; same host"));
    }

    @Test
    void anOperatorTaking_ofAPlaybookStep_isNotTakenAgainByTheHub() {
        IncidentResponse response = response("replay: quarantine-device");
        Incident incident = raise(Severity.HIGH);
        response.take(OPERATOR, incident.id(), QUARANTINE_DEVICE, DEVICE, null);

        Incident after = response.respond(incident);

        assertThat(quarantine.taken).containsExactly(DEVICE);
        assertThat(after.status()).isEqualTo(IncidentStatus.CONTAINED);
    }

    @Test
    void takeAndReverse_byAnyoneButTheOperatorWithWriteScope_areForbidden_andDoNothing() {
        IncidentResponse response = response("replay: quarantine-device");
        Incident incident = response.respond(raise(Severity.HIGH));
        List<TimelineEntry> before = store.timeline(incident.id());

        for (Principal caller : List.of(SUPPLIER, PARTNER, READ_ONLY_OPERATOR)) {
            assertThatThrownBy(() -> response.take(caller, incident.id(), BLOCK_SOURCE, "192.0.2.7", null))
                    .as(caller.clientId()).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> response.reverse(caller, incident.id(), QUARANTINE_DEVICE, DEVICE, null))
                    .as(caller.clientId()).isInstanceOf(ForbiddenException.class);
        }

        assertThat(block.taken).isEmpty();
        assertThat(quarantine.reversed).isEmpty();
        assertThat(store.timeline(incident.id())).isEqualTo(before);
        assertThat(status(incident.id())).isEqualTo(IncidentStatus.CONTAINED);
    }

    @Test
    void take_ofAnUnknownAction_isInvalid_andNamesTheKnownOnes() {
        IncidentResponse response = response("");
        Incident incident = raise(Severity.HIGH);

        assertThatThrownBy(() -> response.take(OPERATOR, incident.id(), "nuke-device", DEVICE, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown action 'nuke-device'")
                .hasMessageContaining("known: block-source, notify, quarantine-device, revoke-credential");
        assertThat(entries(incident.id(), Kind.ACTION_TAKEN)).isEmpty();
        assertThat(response.actionNames())
                .containsExactlyInAnyOrder(QUARANTINE_DEVICE, REVOKE_CREDENTIAL, BLOCK_SOURCE, NOTIFY);
    }

    @Test
    void take_onAResolvedIncident_isRefused_andNothingIsDone() {
        IncidentResponse response = response("");
        Incident incident = raise(Severity.HIGH);
        incidents.changeStatus(OPERATOR, incident.id(), IncidentStatus.RESOLVED, incident.version(), "done");

        assertThatThrownBy(() -> response.take(OPERATOR, incident.id(), QUARANTINE_DEVICE, DEVICE, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("resolved");
        assertThat(quarantine.taken).isEmpty();
        assertThat(entries(incident.id(), Kind.ACTION_TAKEN)).isEmpty();
    }

    @Test
    void twoActionsOfTheSameName_areRefused() {
        List<ResponseAction> twice = List.of(quarantine, new RecordingAction(QUARANTINE_DEVICE, "again"));
        assertThatThrownBy(() -> new IncidentResponse(incidents, twice, Playbooks.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(QUARANTINE_DEVICE);
    }

    // --- what stands ----------------------------------------------------------------------------

    @Test
    void standing_takenTwiceThenReversedOnce_doesNotStand() {
        Incident incident = raise(Severity.HIGH);
        incidents.recordAction(incident.id(), QUARANTINE_DEVICE, DEVICE, "first");
        incidents.recordAction(incident.id(), QUARANTINE_DEVICE, DEVICE, "second");

        assertThat(incidents.standing(incident.id(), QUARANTINE_DEVICE, DEVICE))
                .as("one per action and target, with the latest taking's detail")
                .contains(new StandingAction(QUARANTINE_DEVICE, DEVICE, "second"));
        assertThat(incidents.standingActions(incident.id())).hasSize(1);

        incidents.recordReversal(incident.id(), QUARANTINE_DEVICE, DEVICE, "released");

        assertThat(incidents.standing(incident.id(), QUARANTINE_DEVICE, DEVICE)).isEmpty();
        assertThat(incidents.standingActions(incident.id())).isEmpty();
        assertThatThrownBy(() -> incidents.recordReversal(incident.id(), QUARANTINE_DEVICE, DEVICE, "again"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void standingActions_areOnePerActionAndTarget_oldestFirst_andAReTakingMovesToTheEnd() {
        Incident incident = raise(Severity.HIGH);
        incidents.recordAction(incident.id(), QUARANTINE_DEVICE, DEVICE, "q1");
        incidents.recordAction(incident.id(), QUARANTINE_DEVICE, "dev-2", "q2");
        incidents.recordAction(incident.id(), BLOCK_SOURCE, DEVICE, "b1");
        incidents.recordReversal(incident.id(), QUARANTINE_DEVICE, DEVICE, "released");
        incidents.recordAction(incident.id(), QUARANTINE_DEVICE, DEVICE, "q3");

        assertThat(incidents.standingActions(incident.id())).containsExactly(
                new StandingAction(QUARANTINE_DEVICE, "dev-2", "q2"),
                new StandingAction(BLOCK_SOURCE, DEVICE, "b1"),
                new StandingAction(QUARANTINE_DEVICE, DEVICE, "q3"));
        assertThat(incidents.standing(incident.id(), BLOCK_SOURCE, "dev-2")).isEmpty();
        assertThat(incidents.standingActions("no-such-incident")).isEmpty();
    }
}
