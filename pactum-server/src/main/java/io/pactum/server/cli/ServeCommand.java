package io.pactum.server.cli;

import io.pactum.server.Hub;
import io.pactum.server.config.PactumConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the hub until it is stopped (Ctrl-C or SIGTERM). */
@Command(name = "serve", description = "Start the hub.", mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PactumConfig config = options.load();
        PrintWriter out = spec.commandLine().getOut();
        Hub hub = Hub.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hub.close();
            stopped.countDown();
        }, "pactum-shutdown"));
        StartBanner.print(out, config, hub);
        stopped.await();
        return 0;
    }
}
