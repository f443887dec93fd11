package io.pactum.http.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.detect.SourceHost;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

/** Sources are written as the other adapters write them, so detection finds the host in them. */
class AccessDenialsTest {
    @Test
    void source_isHttpHostAndPort_withIpv6InBrackets() {
        assertThat(AccessDenials.source(SocketAddress.inetSocketAddress(48396, "203.0.113.7")))
                .isEqualTo("http 203.0.113.7:48396");
        String v6 = AccessDenials.source(SocketAddress.inetSocketAddress(5684, "2001:db8::1"));
        assertThat(v6).startsWith("http [").endsWith("]:5684");
        assertThat(SourceHost.of(v6)).doesNotContain("[", "5684");
        assertThat(SourceHost.of(AccessDenials.source(SocketAddress.inetSocketAddress(1, "203.0.113.7"))))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void source_isAbsent_withoutAnInetAddress() {
        assertThat(AccessDenials.source(null)).isNull();
        assertThat(AccessDenials.source(SocketAddress.domainSocketAddress("/tmp/pactum.sock"))).isNull();
    }
}
