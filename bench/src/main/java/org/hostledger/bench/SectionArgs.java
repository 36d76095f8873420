package org.hostledger.bench;

/**
 * The arguments of a benchmark section run alone: {@code [--quick] [--repetitions=N]} (quick: one repetition), and
 * for the sections that take it, the store as the whole benchmark takes it ({@link PostgresServer#OPTIONS}); {@code
 * postgres} is null on H2.
 */
record SectionArgs(boolean quick, int repetitions, PostgresServer postgres) {

    /** The arguments of a section that runs on H2 only. */
    static SectionArgs parse(String[] args) {
        return parse(args, false);
    }

    static SectionArgs parse(String[] args, boolean takesStore) {
        boolean quick = false;
        int repetitions = 3;
        boolean postgres = false;
        PostgresServer server = PostgresServer.fromEnvironment();
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
                repetitions = 1;
            } else if (arg.startsWith("--repetitions=")) {
                repetitions = repetitions(arg);
            } else if (takesStore && arg.startsWith("--store=")) {
                postgres = PostgresServer.storeIsPostgres(arg);
            } else if (takesStore && PostgresServer.isOption(arg)) {
                server = server.with(arg);
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + "; use --quick, --repetitions=N"
                        + (takesStore ? ", " + PostgresServer.OPTIONS : ""));
            }
        }
        return new SectionArgs(quick, repetitions, postgres ? server : null);
    }

    /** The whole number after the {@code =} of {@code arg}, from {@code min} to {@code max}. */
    static long number(String arg, long min, long max) {
        String option = arg.substring(0, arg.indexOf('=') + 1);
        String value = arg.substring(option.length()).replace("_", "");
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(option + " takes a number from " + min + " to " + max + ", not " + n);
        }
        return n;
    }

    /** How many times each figure is measured: its median is the figure. */
    static int repetitions(String arg) {
        return (int) number(arg, 1, 1000);
    }

    /**
     * Parses the arguments with {@code parse}; arguments it refuses end the run with their reason and exit status 2
     * (a usage error, not a stack trace).
     */
    static <T> T orExit(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark: " + e.getMessage());
            System.exit(2);
            throw e;
        }
    }
}
