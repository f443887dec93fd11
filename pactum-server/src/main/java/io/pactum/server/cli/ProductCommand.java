package io.pactum.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pactum product ...}: suppliers' products and their approval. */
@Command(name = "product", description = "Products and their approval.", mixinStandardHelpOptions = true,
        subcommands = {ProductCommand.Create.class, ProductCommand.List.class, ProductCommand.Approve.class})
final class ProductCommand {
    @Command(name = "create", description = "Register a product.", mixinStandardHelpOptions = true)
    static final class Create extends ApiCommand {
        @Option(names = "--model", required = true)
        String model;

        @Option(names = "--firmware", required = true, description = "Firmware version.")
        String firmwareVersion;

        @Option(names = "--format", required = true, description = "Payload format: json, senml_json, senml_cbor, binary.")
        String payloadFormat;

        @Option(names = "--data-model", required = true, paramLabel = "FILE",
                description = "JSON file: {\"fields\": [{\"name\", \"type\", \"unit\", \"min\", \"max\", \"category\"}]}.")
        Path dataModel;

        @Option(names = "--supplier", paramLabel = "ORG_ID", description = "Supplier (only when the operator registers).")
        String supplierId;

        @Option(names = "--allow-unprotected",
                description = "Accept messages without COSE protection (default: protection required).")
        boolean allowUnprotected;

        @Override
        Request request() throws IOException {
            ObjectNode body = object().put("model", model).put("firmwareVersion", firmwareVersion)
                    .put("payloadFormat", payloadFormat);
            body.set("dataModel", JSON.readTree(dataModel.toFile()));
            if (supplierId != null) {
                body.put("supplierId", supplierId);
            }
            if (allowUnprotected) {
                body.putObject("ingestPolicy").put("protectionRequired", false);
            }
            return new Request("POST", "/products", body);
        }
    }

    @Command(name = "list", description = "List the products you may see.", mixinStandardHelpOptions = true)
    static final class List extends ApiCommand {
        @Override
        Request request() {
            return new Request("GET", "/products", null);
        }
    }

    @Command(name = "approve", description = "Decide a product's approval (operator only).", mixinStandardHelpOptions = true)
    static final class Approve extends ApiCommand {
        @Parameters(paramLabel = "PRODUCT_ID")
        String productId;

        @Option(names = "--state", defaultValue = "approved",
                description = "approved, conditionally_approved, rejected, suspended or pending (default: approved).")
        String state;

        @Option(names = "--note", description = "Reason recorded with the decision.")
        String note;

        @Override
        Request request() {
            ObjectNode body = object().put("state", state);
            if (note != null) {
                body.put("note", note);
            }
            return new Request("PUT", "/products/" + productId + "/approval", body);
        }
    }
}
