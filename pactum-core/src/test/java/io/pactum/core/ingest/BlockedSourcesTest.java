package io.pactum.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Hosts refused for a while, checked by the source a connection comes from. */
class BlockedSourcesTest {
    private static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");
    private static final Instant UNTIL = T0.plus(Duration.ofMinutes(15));

    private final BlockedSources blocked = new BlockedSources();

    @Test
    void nothingBlocked_refusesNothing() {
        assertThat(blocked.refuses("mqtt 10.0.0.1:5555", T0)).isFalse();
        assertThat(blocked.refuses(null, T0)).isFalse();
    }

    @Test
    void aBlockedHost_isRefused_fromAnyPortAndChannel_otherHostsAreNot() {
        blocked.block("10.0.0.1", UNTIL);

        assertThat(blocked.refuses("mqtt 10.0.0.1:5555", T0)).isTrue();
        assertThat(blocked.refuses("mqtt 10.0.0.1:40123", T0.plusSeconds(60))).as("another port").isTrue();
        assertThat(blocked.refuses("http 10.0.0.1:8443", T0)).as("another channel").isTrue();
        assertThat(blocked.refuses("10.0.0.1", T0)).as("a bare address").isTrue();
        assertThat(blocked.refuses("mqtt 10.0.0.2:5555", T0)).isFalse();
        assertThat(blocked.refuses("mqtt 10.0.0.10:5555", T0)).as("not a prefix match").isFalse();
        assertThat(blocked.refuses(null, T0)).isFalse();
        assertThat(blocked.refuses("  ", T0)).isFalse();
    }

    @Test
    void anIPv6Host_isMatchedInItsBracketedForm() {
        blocked.block("2001:db8::1", UNTIL);

        assertThat(blocked.refuses("[2001:db8::1]:5684", T0)).isTrue();
        assertThat(blocked.refuses("coap [2001:db8::1]:5684", T0)).isTrue();
        assertThat(blocked.refuses("coap [2001:db8::2]:5684", T0)).isFalse();
        assertThat(blocked.refuses("mqtt 10.0.0.1:5555", T0)).isFalse();
    }

    @Test
    void aBlock_endsByItself_atItsEnd_andTheEntryIsDropped() {
        blocked.block("10.0.0.1", UNTIL);

        assertThat(blocked.refuses("mqtt 10.0.0.1:5555", UNTIL.minusMillis(1))).isTrue();
        assertThat(blocked.refuses("mqtt 10.0.0.1:5555", UNTIL)).as("at its end").isFalse();
        assertThat(blocked.unblock("10.0.0.1")).as("dropped when found expired").isFalse();
        assertThat(blocked.refuses("mqtt 10.0.0.1:5555", T0)).as("gone, also for an earlier clock").isFalse();
    }

    @Test
    void aBlock_pastItsEnd_isNotRefused() {
        blocked.block("10.0.0.1", UNTIL);

        assertThat(blocked.refuses("mqtt 10.0.0.1:5555", UNTIL.plusSeconds(3600))).isFalse();
        assertThat(blocked.unblock("10.0.0.1")).isFalse();
    }

    @Test
    void blockingAgain_movesTheEnd() {
        blocked.block("10.0.0.1", UNTIL);
        blocked.block("10.0.0.1", UNTIL.plus(Duration.ofHours(1)));

        assertThat(blocked.refuses("mqtt 10.0.0.1:5555", UNTIL.plusSeconds(60))).isTrue();
    }

    @Test
    void unblock_liftsTheBlock_andSaysWhetherThereWasOne() {
        blocked.block("10.0.0.1", UNTIL);
        blocked.block("10.0.0.2", UNTIL);

        assertThat(blocked.unblock("10.0.0.1")).isTrue();
        assertThat(blocked.refuses("mqtt 10.0.0.1:5555", T0)).isFalse();
        assertThat(blocked.refuses("mqtt 10.0.0.2:5555", T0)).as("others stay blocked").isTrue();
        assertThat(blocked.unblock("10.0.0.1")).as("no block any more").isFalse();
        assertThat(blocked.unblock("192.0.2.9")).as("never blocked").isFalse();
    }
}
