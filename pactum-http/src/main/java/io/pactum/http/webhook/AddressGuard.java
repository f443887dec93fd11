package io.pactum.http.webhook;

import io.pactum.core.delivery.WebhookPolicy;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.net.InetAddress;
import java.util.Objects;

/**
 * The server-side request forgery rule at delivery time: resolves the endpoint's host name now
 * (DNS may have changed since the webhook was registered) and returns the address to connect to,
 * refusing the whole name if any address it resolves to is one the {@link WebhookPolicy} does not
 * allow. The caller connects to exactly this address, without resolving the name again, so a
 * second answer from DNS cannot swap in another target between the check and the connection.
 */
final class AddressGuard {
    /** The host resolved to an address the policy does not allow. */
    static final class AddressRefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        AddressRefusedException(String host) {
            super("webhook host " + host + " resolves to an address the webhook policy does not allow", null,
                    false, false);
        }
    }

    private final WebhookPolicy policy;

    AddressGuard(WebhookPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Resolves {@code host} on a worker thread (name lookups block); fails with {@link AddressRefusedException}. */
    Future<InetAddress> resolve(Context context, String host) {
        return context.executeBlocking(() -> check(host, InetAddress.getAllByName(host)), false);
    }

    InetAddress check(String host, InetAddress[] addresses) throws AddressRefusedException {
        if (addresses.length == 0) {
            throw new AddressRefusedException(host);
        }
        for (InetAddress address : addresses) {
            if (!policy.mayConnect(address)) {
                throw new AddressRefusedException(host);
            }
        }
        return addresses[0];
    }
}
