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
                repetitions = Integer.parseInt(arg.substring("--repetitions=".length()));
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
}
