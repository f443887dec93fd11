package io.pactum.server;

import io.pactum.server.cli.PactumCommand;

/** Entry point of the {@code pactum} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int exit = PactumCommand.commandLine().execute(args);
        if (exit != 0 || !isServe(args)) {
            System.exit(exit);
        }
    }

    /** {@code serve} returns only after shutdown, from within the shutdown hook's run. */
    private static boolean isServe(String[] args) {
        return args.length > 0 && args[0].equals("serve");
    }
}
