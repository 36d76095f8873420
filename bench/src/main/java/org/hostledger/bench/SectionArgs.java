package org.hostledger.bench;

/** The arguments of a benchmark section run alone: {@code [--quick] [--repetitions=N]} (quick: one repetition). */
record SectionArgs(boolean quick, int repetitions) {

    static SectionArgs parse(String[] args) {
        boolean quick = false;
        int repetitions = 3;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
                repetitions = 1;
            } else if (arg.startsWith("--repetitions=")) {
                repetitions = Integer.parseInt(arg.substring("--repetitions=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + "; use --quick, --repetitions=N");
            }
        }
        return new SectionArgs(quick, repetitions);
    }
}
