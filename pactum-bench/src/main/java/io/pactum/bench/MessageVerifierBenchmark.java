package io.pactum.bench;

import io.pactum.core.integrity.DeviceKeys;
import io.pactum.core.integrity.MessageVerifier;
import io.pactum.core.integrity.VerifiedMessage;
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
 * COSE_Mac0 verification alone (strict CBOR parse of the message and protected header, MAC_structure,
 * HMAC-SHA256, counter and kid checks) of a real-sized device message: one SenML CBOR glucose
 * reading, about 100 bytes. The key is already open, as it would be if the hub cached it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MessageVerifierBenchmark {
    private static final String DEVICE = "bench-glucose-0001";
    private static final byte[] NO_AAD = new byte[0];

    private byte[] message;
    private DeviceKeys keys;

    @Setup
    public void prepare() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        keys = DeviceKeys.mac(key);
        message = GlucoseMessages.message(DEVICE, key, 42, 5.4, Instant.parse("2026-11-23T09:00:00Z"));
    }

    @Benchmark
    public VerifiedMessage verifyMac0() throws Exception {
        return MessageVerifier.verify(message, DEVICE, keys, NO_AAD);
    }

    @Benchmark
    public boolean recogniseCose() {
        return MessageVerifier.isCose(message);
    }
}
