package io.pactum.bench;

import io.pactum.core.detect.Alarm;
import io.pactum.core.detect.AlarmCleared;
import io.pactum.core.detect.AlarmListener;
import io.pactum.core.detect.BuiltInBehaviours;
import io.pactum.core.detect.DetectionEngine;
import io.pactum.core.detect.Observation;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What detection adds to one accepted message: the observations the pipeline will hand the engine
 * for it (the message, and one value for its one numeric field), evaluated against all nine
 * built-in behaviours, for a fleet of 10,000 devices taking turns, time moving 1 ms per message.
 * Benign traffic, so no alarm is raised: the steady-state cost, per message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class DetectionBenchmark {
    private static final int DEVICES = 10_000;
    private static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");

    private final String[] deviceIds = new String[DEVICES];
    private DetectionEngine engine;
    private long message;
    private long alarms;

    @Setup
    public void setUp() {
        for (int i = 0; i < DEVICES; i++) {
            deviceIds[i] = String.format("meter-%05d", i);
        }
        engine = new DetectionEngine(BuiltInBehaviours.all(), new AlarmListener() {
            @Override
            public void raised(Alarm alarm) {
                alarms++;
            }

            @Override
            public void cleared(AlarmCleared cleared) {}
        });
    }

    @Benchmark
    public long oneAcceptedMessage() {
        long n = message++;
        String device = deviceIds[(int) (n % DEVICES)];
        Instant at = T0.plusMillis(n);
        // a value near its device's usual level: a noisy daily curve
        double value = 20 + 3 * Math.sin(n / 50_000.0) + ((n * 7919) % 100) / 100.0;
        engine.observe(new Observation.MessageAccepted(device, "meter", 64, at));
        engine.observe(new Observation.ValueObserved(device, "meter", "power", value, at));
        return alarms;
    }
}
