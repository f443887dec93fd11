package io.pactum.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pactum device ...}: provisioning devices of approved products. */
@Command(name = "device", description = "Devices.", mixinStandardHelpOptions = true,
        subcommands = {DeviceCommand.Create.class, DeviceCommand.List.class})
final class DeviceCommand {
    @Command(name = "create", description = "Provision a device; its secret and MAC key are printed once.",
            mixinStandardHelpOptions = true)
    static final class Create extends ApiCommand {
        @Option(names = "--product", required = true, paramLabel = "PRODUCT_ID")
        String productId;

        @Option(names = "--id", description = "Device id (default: generated).")
        String id;

        @Option(names = "--owner", paramLabel = "ORG_ID", description = "Owning organisation (operator only).")
        String ownerId;

        @Option(names = "--subject", paramLabel = "SUBJECT_ID", description = "Data subject (operator only).")
        String subjectId;

        @Option(names = "--cert-fingerprint", paramLabel = "SHA256",
                description = "SHA-256 fingerprint of the device's client certificate.")
        String certificateFingerprint;

        @Override
        Request request() {
            ObjectNode body = object().put("productId", productId);
            putIfSet(body, "id", id);
            putIfSet(body, "ownerId", ownerId);
            putIfSet(body, "subjectId", subjectId);
            putIfSet(body, "certificateFingerprint", certificateFingerprint);
            return new Request("POST", "/devices", body);
        }

        private static void putIfSet(ObjectNode body, String name, String value) {
            if (value != null) {
                body.put(name, value);
            }
        }
    }

    @Command(name = "list", description = "List the devices you may see.", mixinStandardHelpOptions = true)
    static final class List extends ApiCommand {
        @Override
        Request request() {
            return new Request("GET", "/devices", null);
        }
    }
}
