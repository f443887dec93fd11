package io.pactum.core.ingest;

import io.pactum.core.registry.Device;
import io.pactum.core.registry.Product;
import java.util.Objects;

/** A device that proved its identity at connect, with its product as it was then. */
public record AuthenticatedDevice(Device device, Product product) {
    public AuthenticatedDevice {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(product, "product");
        if (!device.productId().equals(product.id())) {
            throw new IllegalArgumentException("device " + device.id() + " is not of product " + product.id());
        }
    }

    public String deviceId() {
        return device.id();
    }
}
