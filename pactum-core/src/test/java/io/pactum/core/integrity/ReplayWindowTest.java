package io.pactum.core.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.integrity.ReplayWindow.Decision;
import io.pactum.core.integrity.ReplayWindow.Verdict;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {

    @Test
    void inOrderCounters_areAccepted() {
        ReplayWindow window = ReplayWindow.EMPTY;
        for (long counter = 1; counter <= 200; counter++) {
            Decision decision = window.check(counter);
            assertThat(decision.verdict()).isEqualTo(Verdict.ACCEPT);
            window = decision.window();
        }
        assertThat(window.highest()).isEqualTo(200);
        assertThat(window.bitmap()).isEqualTo(-1L); // all 64 recent ones seen
    }

    @Test
    void outOfOrderWithinTheWindow_isAcceptedOnce() {
        ReplayWindow window = accept(ReplayWindow.EMPTY, 100);

        Decision late = window.check(40); // 60 behind, inside the 64-wide window
        assertThat(late.verdict()).isEqualTo(Verdict.ACCEPT);
        assertThat(late.window().highest()).isEqualTo(100);
        assertThat(late.window().check(40).verdict()).isEqualTo(Verdict.DUPLICATE);
        assertThat(late.window().check(41).verdict()).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void duplicate_isRejectedAndLeavesTheWindowAsItWas() {
        ReplayWindow window = accept(accept(ReplayWindow.EMPTY, 5), 6);

        Decision again = window.check(6);
        Decision older = window.check(5);

        assertThat(again.verdict()).isEqualTo(Verdict.DUPLICATE);
        assertThat(again.window()).isSameAs(window);
        assertThat(older.verdict()).isEqualTo(Verdict.DUPLICATE);
    }

    @Test
    void olderThanTheWindow_isStale() {
        ReplayWindow window = accept(ReplayWindow.EMPTY, 100);

        assertThat(window.check(36).verdict()).isEqualTo(Verdict.STALE);   // 64 behind
        assertThat(window.check(37).verdict()).isEqualTo(Verdict.ACCEPT);  // 63 behind
        assertThat(window.check(1).verdict()).isEqualTo(Verdict.STALE);
    }

    @Test
    void jumpBeyondTheWindow_forgetsEverythingBehindIt() {
        ReplayWindow window = accept(accept(ReplayWindow.EMPTY, 10), 11);

        ReplayWindow jumped = accept(window, 10 + 1_000);

        assertThat(jumped).isEqualTo(new ReplayWindow(1_010, 1));
        assertThat(jumped.check(11).verdict()).isEqualTo(Verdict.STALE);
        assertThat(jumped.check(1_010 - 63).verdict()).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void jumpOfExactlyTheWindowSize_keepsNoOldBits() {
        ReplayWindow window = accept(accept(ReplayWindow.EMPTY, 1), 2);

        ReplayWindow jumped = accept(window, 2 + 64);

        assertThat(jumped.bitmap()).isEqualTo(1);
        assertThat(accept(window, 2 + 63).bitmap()).isEqualTo(1L | (1L << 63));
    }

    @Test
    void counterOverflowEdge_largestCounterWorksAndNothingWrapsAround() {
        ReplayWindow window = accept(ReplayWindow.EMPTY, 1);

        ReplayWindow top = accept(window, Long.MAX_VALUE);

        assertThat(top.check(Long.MAX_VALUE).verdict()).isEqualTo(Verdict.DUPLICATE);
        assertThat(top.check(Long.MAX_VALUE - 63).verdict()).isEqualTo(Verdict.ACCEPT);
        assertThat(top.check(Long.MAX_VALUE - 64).verdict()).isEqualTo(Verdict.STALE);
        assertThat(top.check(1).verdict()).isEqualTo(Verdict.STALE);
        assertThatThrownBy(() -> top.check(Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> top.check(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidPersistedState_isRefused() {
        assertThatThrownBy(() -> new ReplayWindow(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplayWindow(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplayWindow(5, 2)).isInstanceOf(IllegalArgumentException.class);     // highest not marked
        assertThatThrownBy(() -> new ReplayWindow(3, 0b1001)).isInstanceOf(IllegalArgumentException.class); // marks counter 0
        assertThat(new ReplayWindow(3, 0b111)).isEqualTo(accept(accept(accept(ReplayWindow.EMPTY, 1), 2), 3));
    }

    @Test
    void stateRoundTripsThroughItsTwoLongs() {
        ReplayWindow window = accept(accept(accept(ReplayWindow.EMPTY, 70), 9), 69);

        ReplayWindow restored = new ReplayWindow(window.highest(), window.bitmap());

        assertThat(restored).isEqualTo(window);
        assertThat(restored.check(69).verdict()).isEqualTo(Verdict.DUPLICATE);
    }

    /** Property: whatever the order, an accepted counter is never accepted again, and no fresh in-window counter is refused. */
    @Test
    void property_anAcceptedCounterIsNeverAcceptedAgain() {
        Random random = new Random(20240603L);
        for (int run = 0; run < 200; run++) {
            ReplayWindow window = ReplayWindow.EMPTY;
            Set<Long> accepted = new HashSet<>();
            long base = random.nextBoolean() ? 1 : Long.MAX_VALUE - 5_000;
            for (int step = 0; step < 500; step++) {
                long counter = base + random.nextInt(random.nextInt(10) == 0 ? 5_000 : 300);
                Decision decision = window.check(counter);
                boolean fresh = !accepted.contains(counter);
                boolean inWindow = counter > window.highest() - ReplayWindow.SIZE;
                switch (decision.verdict()) {
                    case ACCEPT -> {
                        assertThat(fresh).as("counter %d accepted twice", counter).isTrue();
                        accepted.add(counter);
                        window = decision.window();
                    }
                    case DUPLICATE -> assertThat(fresh).isFalse();
                    case STALE -> assertThat(inWindow).isFalse();
                }
                if (fresh && inWindow) {
                    assertThat(decision.verdict()).isEqualTo(Verdict.ACCEPT);
                }
            }
        }
    }

    private static ReplayWindow accept(ReplayWindow window, long counter) {
        Decision decision = window.check(counter);
        assertThat(decision.accepted()).as("counter %d", counter).isTrue();
        return decision.window();
    }
}
