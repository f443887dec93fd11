package io.pactum.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceHostTest {

    @Test
    void hostIsTakenWithoutAdapterAndPort() {
        assertThat(SourceHost.of("mqtt 127.0.0.1:48396")).isEqualTo("127.0.0.1");
        assertThat(SourceHost.of("coap [2001:db8::1]:5684")).isEqualTo("2001:db8::1");
        assertThat(SourceHost.of("http 2001:db8::1")).isEqualTo("2001:db8::1");
        assertThat(SourceHost.of("gateway.example")).isEqualTo("gateway.example");
        assertThat(SourceHost.of(null)).isNull();
        assertThat(SourceHost.of(" ")).isNull();
    }
}
