package io.pactum.core.delivery;

import io.pactum.core.error.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which webhook endpoints the hub will call. A webhook is an outbound request chosen by a partner,
 * so by default only HTTPS to public addresses is allowed: plain HTTP would expose released data
 * in transit, and loopback, private or link-local targets would let a partner reach the hub's own
 * network (server-side request forgery). Both can be allowed for a closed test or demo setup. The
 * address rule is checked on registration and again on each delivery, against what the name
 * resolves to then (DNS can change).
 */
public record WebhookPolicy(boolean allowPlainHttp, boolean allowPrivateAddresses) {
    public static final int MAX_URL_LENGTH = 2048;
    /** The secure default: HTTPS to public addresses only. */
    public static final WebhookPolicy STRICT = new WebhookPolicy(false, false);

    /** The URL, checked: absolute, http(s), no user info or fragment, an allowed scheme and (literal) address. */
    public URI check(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("url", "url is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new InvalidInputException("url", "url must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "url is not a valid URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidInputException("url", "url must be an absolute http(s) URL");
        }
        if (scheme.equals("http") && !allowPlainHttp) {
            throw new InvalidInputException("url", "url must use https (plain http is switched off on this hub)");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException("url", "url must name a host and carry no user info or fragment");
        }
        String host = uri.getHost();
        if (!allowPrivateAddresses && (host.equalsIgnoreCase("localhost") || isLiteralAddress(host)
                && !isPublic(literal(host)))) {
            throw new InvalidInputException("url", "url points to a loopback, private or link-local address");
        }
        return uri;
    }

    /** Whether the hub may connect to this resolved address. */
    public boolean mayConnect(InetAddress address) {
        return allowPrivateAddresses || isPublic(address);
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT, RFC 6598
                    && first != 0 && first < 224;
        }
        return (b[0] & 0xfe) != 0xfc; // IPv6 unique local addresses, RFC 4193
    }

    private static boolean isLiteralAddress(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }

    private static InetAddress literal(String host) {
        try {
            String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return InetAddress.getByName(bare); // a literal: no lookup happens
        } catch (java.net.UnknownHostException e) {
            throw new InvalidInputException("url", "url has an invalid address");
        }
    }
}
