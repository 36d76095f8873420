package org.hostledger.projections.support;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Activity codes as stored: text for any scheme ("1,2,6"), and flags 1-6 for the HDS rules evaluated in SQL. */
public final class Activities {

    private Activities() {}

    public static String text(Collection<Integer> activities) {
        return activities.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    public static List<Integer> parse(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(Integer::valueOf).toList();
    }

    /** 1 or 0 for each of the HDS activities 1 to 6. */
    public static int[] flags(Collection<Integer> activities) {
        int[] flags = new int[6];
        for (int activity : activities) {
            if (activity >= 1 && activity <= 6) {
                flags[activity - 1] = 1;
            }
        }
        return flags;
    }
}
