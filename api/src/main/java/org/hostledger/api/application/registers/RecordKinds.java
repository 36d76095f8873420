package org.hostledger.api.application.registers;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hostledger.core.command.RecordKind;

/**
 * The kinds of records as the store holds them, for one import's diff: each id is asked at most once, since nothing is
 * written while the diff runs, and the ids a diff is about to ask can be read many at a time first ({@link #read}).
 */
final class RecordKinds implements Function<String, Optional<RecordKind>> {

    private final Function<String, Optional<RecordKind>> one;
    private final Function<Collection<String>, Map<String, RecordKind>> many;
    private final Map<String, Optional<RecordKind>> answers = new HashMap<>();

    /**
     * @param one the kind of one id
     * @param many the kinds of those of several ids the store holds (an id it does not hold is not in the answer)
     */
    RecordKinds(
            Function<String, Optional<RecordKind>> one, Function<Collection<String>, Map<String, RecordKind>> many) {
        this.one = one;
        this.many = many;
    }

    @Override
    public Optional<RecordKind> apply(String id) {
        return answers.computeIfAbsent(id, one);
    }

    /** Reads the kinds of those of {@code ids} not asked yet, in one go. */
    void read(Collection<String> ids) {
        Set<String> unknown = new LinkedHashSet<>(ids);
        unknown.removeAll(answers.keySet());
        if (unknown.isEmpty()) {
            return;
        }
        Map<String, RecordKind> found = many.apply(unknown);
        for (String id : unknown) {
            answers.put(id, Optional.ofNullable(found.get(id)));
        }
    }
}
