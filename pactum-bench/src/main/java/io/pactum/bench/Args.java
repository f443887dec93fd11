package io.pactum.bench;

/** Reading the load harnesses' command-line options: every number bounded, every error says which option. */
final class Args {
    private Args() {}

    /** The value after option {@code args[i - 1]}. */
    static String value(String option, String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    static int intValue(String option, String[] args, int i, int min, int max) {
        return parseInt(option, value(option, args, i), min, max);
    }

    static int parseInt(String option, String text, int min, int max) {
        try {
            int v = Integer.parseInt(text);
            if (v < min || v > max) {
                throw new IllegalArgumentException(option + " must be " + min + " to " + max + ", not " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, not '" + text + "'");
        }
    }
}
