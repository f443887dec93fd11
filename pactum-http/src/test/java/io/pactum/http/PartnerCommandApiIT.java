package io.pactum.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.audit.AuditEventType;
import io.pactum.core.registry.DeviceState;
import io.pactum.core.registry.DeviceStateChange;
import io.pactum.core.registry.ProvisionedDevice;
import io.pactum.core.signal.SignalType;
import org.junit.jupiter.api.Test;

/**
 * Issue #4 over the API: a partner commands a device by its own pseudonym of it, only as an agreement
 * grants; every refusal names its reason, never the raw device id, and records no command.
 */
class PartnerCommandApiIT extends SharingApiTest {

    /** A partner whose agreement over the thermometers grants {@code reboot}, with its token and a device in scope. */
    private record Partner(String id, String token, String agreement, ProvisionedDevice device, String pseudonym) {
        String commands() {
            return "/api/v1/shared-devices/" + pseudonym + "/commands";
        }

        String deviceId() {
            return device.device().id();
        }
    }

    private Partner partner() {
        String id = fixture.partner();
        ProvisionedDevice device = fixture.device(null);
        return new Partner(id, fixture.token(id), fixture.temperatureAgreement(id), device,
                hub.pseudonym(id, device.device().id()));
    }

    @Test
    void grantedCommand_isSignedAndRecorded_andTheAnswerNamesTheDeviceOnlyByThePartnersPseudonym() {
        Partner p = partner();

        Api.Reply sent = api.post(p.commands(), p.token(), "{\"name\": \"reboot\", \"parameters\": {\"delaySeconds\": 5}}");

        assertThat(sent.status()).as("%s", sent).isEqualTo(201);
        assertThat(sent.text("/deviceId")).isEqualTo(p.pseudonym());
        assertThat(sent.text("/name")).isEqualTo("reboot");
        assertThat(sent.json().at("/parameters/delaySeconds").asInt()).isEqualTo(5);
        assertThat(sent.text("/state")).as("no device connection in this test").isEqualTo("undeliverable");
        assertThat(sent.raw()).doesNotContain(p.deviceId());
        Api.Reply recorded = api.get("/api/v1/devices/" + p.deviceId() + "/commands", hub.operatorToken);
        assertThat(recorded.json().at("/items/0/id").asText()).isEqualTo(sent.text("/id"));
        assertThat(recorded.json().at("/items/0/issuedBy").asText()).isEqualTo(sent.text("/issuedBy"));
        assertThat(hub.audit.recent(e -> e.type() == AuditEventType.COMMAND_ALLOWED
                && p.pseudonym().equals(e.details().get("devicePseudonym")))).hasSize(1);
    }

    @Test
    void commandNoAgreementGrants_isRefusedWithTheReason_raisesASignal_andRecordsNothing() {
        Partner p = partner();

        Api.Reply refused = api.post(p.commands(), p.token(), "{\"name\": \"factory-reset\"}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("/code")).isEqualTo("forbidden");
        assertThat(refused.text("/detail")).contains("command-not-granted", "factory-reset", p.pseudonym())
                .doesNotContain(p.deviceId());
        assertNothingRecorded(p);
        assertThat(hub.signals.recent()).anySatisfy(s -> {
            assertThat(s.type()).isEqualTo(SignalType.COMMAND_REFUSED);
            assertThat(s.detail()).contains("command-not-granted", p.pseudonym());
        });
        assertThat(hub.audit.recent(e -> e.type() == AuditEventType.COMMAND_REFUSED
                && p.pseudonym().equals(e.details().get("devicePseudonym"))))
                .extracting(e -> e.details().get("reason")).containsExactly("command-not-granted");
    }

    @Test
    void commandsUnderASuspendedAgreement_orToAQuarantinedDevice_areRefusedWithTheirReasons() {
        Partner suspended = partner();
        fixture.changeAgreement(suspended.agreement(), "suspend");
        Api.Reply whileSuspended = api.post(suspended.commands(), suspended.token(), "{\"name\": \"reboot\"}");
        assertThat(whileSuspended.status()).isEqualTo(403);
        assertThat(whileSuspended.text("/detail")).contains("(suspended)");
        assertNothingRecorded(suspended);

        Partner quarantined = partner();
        hub.registry.devices().changeState(fixture.operator, quarantined.deviceId(),
                new DeviceStateChange(DeviceState.QUARANTINED, "test"));
        Api.Reply toQuarantined = api.post(quarantined.commands(), quarantined.token(), "{\"name\": \"reboot\"}");
        assertThat(toQuarantined.status()).isEqualTo(403);
        assertThat(toQuarantined.text("/detail")).contains("device-not-active").doesNotContain(quarantined.deviceId());
        assertNothingRecorded(quarantined);
    }

    @Test
    void pseudonymsNoAgreementReaches_are404_includingAnotherPartnersPseudonym() {
        Partner p = partner();
        Partner other = partner();

        assertThat(api.post("/api/v1/shared-devices/no-such-device/commands", p.token(), "{\"name\": \"reboot\"}").status())
                .isEqualTo(404);
        assertThat(api.post(p.commands(), other.token(), "{\"name\": \"reboot\"}").status())
                .as("pseudonyms differ per recipient").isEqualTo(404);
        assertThat(api.post("/api/v1/shared-devices/" + p.deviceId() + "/commands", p.token(), "{\"name\": \"reboot\"}")
                .status()).as("the raw device id is no address").isEqualTo(404);
        assertNothingRecorded(p);
    }

    private void assertNothingRecorded(Partner p) {
        assertThat(api.get("/api/v1/devices/" + p.deviceId() + "/commands", hub.operatorToken).json().get("items")).isEmpty();
    }
}
