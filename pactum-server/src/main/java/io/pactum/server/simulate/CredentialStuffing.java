package io.pactum.server.simulate;

import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Password spraying from one host: many CONNECTs with guessed device ids and passwords, several
 * at once, as a stuffing tool does (the hub slows each failed one down). It binds a loopback
 * address of its own (127.0.0.3 by default), so that blocking it leaves the rest of 127/8 alone.
 * The {@code credential-stuffing} behaviour (more than 20 failures from one host in 10 s) blocks
 * the host.
 */
public final class CredentialStuffing extends ScriptedAttack {
    public static final AttackBounds DEFAULT_BOUNDS = AttackBounds.of(60, Duration.ofSeconds(10));
    public static final String DEFAULT_SOURCE = "127.0.0.3";
    private static final int AT_ONCE = 30;

    private final String source;

    public CredentialStuffing(LoopbackTarget target, AttackBounds bounds, String source) {
        super(target, bounds);
        this.source = LoopbackTarget.requireLoopback(source, "source address");
    }

    @Override
    public String name() {
        return "credential stuffing";
    }

    @Override
    public String detector() {
        return "credential-stuffing";
    }

    /** The host the hub sees the guesses come from. */
    @Override
    public String subject() {
        return source;
    }

    @Override
    void script(Vertx vertx, AttackTally tally) throws InterruptedException {
        SecureRandom random = new SecureRandom();
        Semaphore inFlight = new Semaphore(AT_ONCE);
        tally.markStarted();
        int guess = 0;
        while (tally.more()) {
            if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            byte[] password = new byte[12];
            random.nextBytes(password);
            DeviceLink link = DeviceLink.login(vertx, target, String.format("sensor-%04d", guess++),
                    HexFormat.of().formatHex(password), source);
            tally.sent();
            link.connectAsync().onComplete(done -> {
                if (done.succeeded()) {
                    tally.accepted();
                    link.closeAsync();
                } else {
                    tally.refused();
                }
                inFlight.release();
            });
        }
        // bounded: the guesses still in flight get what is left of the duration, at least a few seconds
        inFlight.tryAcquire(AT_ONCE, Math.max(5_000_000_000L, tally.nanosLeft()), TimeUnit.NANOSECONDS);
    }
}
