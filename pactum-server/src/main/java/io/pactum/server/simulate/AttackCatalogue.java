package io.pactum.server.simulate;

import java.util.List;
import java.util.Objects;

/**
 * The scripted attacks of issue #6, each with its default bounds and a device of its own from the
 * scenario, in the order the demo and the bench harness run them.
 */
public final class AttackCatalogue {
    /** One device per device attack: flood, CONNECT flood, replay, forgery, scan, clone, values. */
    public static final int DEVICES_NEEDED = 7;
    /** How many attacks {@link #all} returns. */
    public static final int SIZE = 9;

    private AttackCatalogue() {}

    /** The nine attacks; {@code devices} must hold at least {@link #DEVICES_NEEDED}, none shared with a fleet. */
    public static List<Attack> all(LoopbackTarget target, Scenario scenario, List<SimDevice> devices,
            MessageSealer sealer) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(sealer, "sealer");
        if (devices.size() < DEVICES_NEEDED) {
            throw new IllegalArgumentException("the attacks need " + DEVICES_NEEDED + " devices, not " + devices.size());
        }
        Scenario.Partner partner = scenario.partner();
        List<Attack> attacks = List.of(
                new CredentialStuffing(target, CredentialStuffing.DEFAULT_BOUNDS, CredentialStuffing.DEFAULT_SOURCE),
                new ConnectFlood(target, ConnectFlood.DEFAULT_BOUNDS, devices.get(0)),
                new TelemetryFlood(target, TelemetryFlood.DEFAULT_BOUNDS, devices.get(1)),
                new ReplayAttack(target, ReplayAttack.DEFAULT_BOUNDS, devices.get(2), sealer),
                new MacForgery(target, MacForgery.DEFAULT_BOUNDS, devices.get(3), sealer),
                new TopicScan(target, TopicScan.DEFAULT_BOUNDS, devices.get(4)),
                new ClonedCredential(target, ClonedCredential.DEFAULT_BOUNDS, devices.get(5),
                        ClonedCredential.CLONE_ADDRESS),
                new PartnerOverreach(target, PartnerOverreach.DEFAULT_BOUNDS, partner.organisationId(),
                        partner.token(), devices.stream().map(SimDevice::id).toList()),
                new ImplausibleValues(target, ImplausibleValues.DEFAULT_BOUNDS, devices.get(6)));
        if (attacks.size() != SIZE) {
            throw new IllegalStateException("SIZE must say how many attacks there are: " + attacks.size());
        }
        return attacks;
    }
}
