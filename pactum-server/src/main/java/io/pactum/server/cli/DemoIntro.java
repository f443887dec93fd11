package io.pactum.server.cli;

import io.pactum.server.Hub;
import io.pactum.server.demo.DemoEcosystem;
import io.pactum.server.demo.DeviceKind;
import java.io.PrintWriter;

/**
 * What the demo prints once its ecosystem is set up: who takes part, and how to look around while
 * it runs — URLs and the tokens, shown this once (the hub keeps only their hashes).
 */
final class DemoIntro {
    private DemoIntro() {}

    static void print(PrintWriter out, Hub hub, DemoEcosystem ecosystem, String operatorToken) {
        out.println("Set up through the REST API, as an operator would:");
        String label = "  Suppliers  ";
        for (DeviceKind kind : DeviceKind.values()) {
            int count = ecosystem.devices().get(kind).size() + (kind == DeviceKind.TOY ? 1 : 0);
            out.println(label + kind.supplier() + ": " + kind.model() + " (" + kind.formatDescription() + "), "
                    + count + " devices, approved");
            label = "             ";
        }
        out.println("  Partners   " + DemoEcosystem.CLINIC + ": glucose data as measured, for healthcare, under each"
                + " patient's consent");
        out.println("             " + DemoEcosystem.ANALYTICS + ": thermostat and toy data for product improvement;"
                + " rounded, times to the hour,");
        out.println("             pseudonymised; no identifiers (the thermostat's Wi-Fi name) and no microphone events");
        out.println("  Subjects   one patient per glucose monitor, each consenting to the clinic; one household per"
                + " thermostat and toy");
        String base = "http://127.0.0.1:" + hub.httpPort();
        out.println();
        out.println("Look around while it runs (the tokens are shown only now and work only on this demo's hub):");
        out.println("  export PACTUM_URL=" + base);
        out.println("  export PACTUM_TOKEN=" + operatorToken + "    # the operator");
        out.println("  export CLINIC_TOKEN=" + ecosystem.clinic().token());
        out.println("  export ANALYTICS_TOKEN=" + ecosystem.analytics().token());
        out.println("  curl -s -H \"Authorization: Bearer $CLINIC_TOKEN\" \"$PACTUM_URL/api/v1/deliveries?after=0\"");
        out.println("  curl -s -H \"Authorization: Bearer $PACTUM_TOKEN\" $PACTUM_URL/api/v1/incidents");
        out.println("  ./pactum device list        # the CLI calls the API with $PACTUM_URL and $PACTUM_TOKEN");
        out.println("  API " + base + "/api/v1 (described at " + base + "/api/v1/openapi.json), MQTT mqtt://127.0.0.1:"
                + hub.mqttPort());
        out.println();
        out.flush();
    }
}
