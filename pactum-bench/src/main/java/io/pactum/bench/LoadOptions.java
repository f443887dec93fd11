package io.pactum.bench;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The options every load harness takes (devices, messages, warm-up, in-flight window, timeout, the
 * Mosquitto binary, verbose, help), every number bounded; each harness adds its own.
 */
abstract class LoadOptions {
    int devices;
    int messages;
    int warmupMessages = -1;
    int inflight = 100;
    int timeoutSeconds = 180;
    Path mosquitto = MosquittoBroker.DEBIAN_BINARY;
    boolean verbose;
    boolean help;

    LoadOptions(int devices, int messages) {
        this.devices = devices;
        this.messages = messages;
    }

    /** Reads every argument: the common options here, the harness's own with {@link #readOwn}. */
    final void read(String[] args) {
        for (int i = 0; i < args.length; i++) {
            int used = readCommon(args, i);
            if (used < 0) {
                used = readOwn(args, i);
            }
            if (used < 0) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i = used;
        }
    }

    /**
     * Reads the harness's own option at {@code args[i]}; returns the index of the last argument it
     * used, or -1 if {@code args[i]} is none of its options.
     */
    abstract int readOwn(String[] args, int i);

    private int readCommon(String[] args, int i) {
        String arg = args[i];
        switch (arg) {
            case "--help", "-h" -> help = true;
            case "--verbose" -> verbose = true;
            case "--devices" -> devices = Args.intValue(arg, args, ++i, 1, 1000);
            case "--messages" -> messages = Args.intValue(arg, args, ++i, 1, 1_000_000);
            case "--warmup-messages" -> warmupMessages = Args.intValue(arg, args, ++i, 1, 1_000_000);
            case "--inflight" -> inflight = Args.intValue(arg, args, ++i, 1, 1000);
            case "--timeout" -> timeoutSeconds = Args.intValue(arg, args, ++i, 1, 3600);
            case "--mosquitto" -> mosquitto = Path.of(Args.value(arg, args, ++i));
            default -> {
                return -1;
            }
        }
        return i;
    }

    /**
     * What every harness's {@code main} does first: parses the options (on a mistake: the usage, exit
     * 2; for {@code --help}: the usage, and empty), checks that Mosquitto is installed (if not: how to
     * install it, exit 2), and quiets the hub's logs unless {@code --verbose}.
     */
    static <O extends LoadOptions> Optional<O> prepare(String[] args, Function<String[], O> parse, String usage) {
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(usage);
            System.exit(2);
            return Optional.empty();
        }
        if (options.help) {
            System.out.print(usage);
            return Optional.empty();
        }
        try {
            MosquittoBroker.requireInstalled(options.mosquitto);
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return Optional.empty();
        }
        if (!options.verbose) {
            Harness.quietHubLogs();
        }
        return Optional.of(options);
    }
}
