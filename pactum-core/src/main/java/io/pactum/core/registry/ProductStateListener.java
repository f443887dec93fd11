package io.pactum.core.registry;

/**
 * Told when a product's approval changes, so that adapters can act at once: when a product no
 * longer {@link ApprovalState#admitsDevices() admits devices} (suspended, rejected, or sent back to
 * pending by a changed submission), its connected devices are disconnected and nothing more of
 * theirs is ingested. Called after the change is stored, on the thread that made it;
 * implementations must return quickly.
 */
@FunctionalInterface
public interface ProductStateListener {
    void approvalChanged(Product product);
}
