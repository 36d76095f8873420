package org.hostledger.api.application.registers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hostledger.core.command.RecordKind;
import org.junit.jupiter.api.Test;

class RecordKindsTest {

    private final Map<String, RecordKind> store = Map.of("microsoft", RecordKind.HOST);
    private final List<String> asked = new ArrayList<>();
    private final List<List<String>> read = new ArrayList<>();
    private final RecordKinds kinds = new RecordKinds(
            id -> {
                asked.add(id);
                return Optional.ofNullable(store.get(id));
            },
            ids -> {
                read.add(List.copyOf(ids));
                Map<String, RecordKind> found = new HashMap<>();
                ids.forEach(id -> {
                    if (store.containsKey(id)) {
                        found.put(id, store.get(id));
                    }
                });
                return found;
            });

    @Test
    void anImportsDiffAsksTheStoreOncePerIdWhateverTheAnswer() {
        assertThat(kinds.apply("microsoft")).contains(RecordKind.HOST);
        assertThat(kinds.apply("microsoft")).contains(RecordKind.HOST);
        assertThat(kinds.apply("fedramp-x-1")).isEmpty();
        assertThat(kinds.apply("fedramp-x-1")).isEmpty();

        assertThat(asked).containsExactly("microsoft", "fedramp-x-1");
        assertThat(read).isEmpty();
    }

    @Test
    void idsReadAtOnceAreNotAskedAgain() {
        assertThat(kinds.apply("fedramp-x-1")).isEmpty();

        kinds.read(List.of("microsoft", "fedramp-x-1", "fedramp-x-2", "microsoft"));

        assertThat(read).containsExactly(List.of("microsoft", "fedramp-x-2"));
        assertThat(kinds.apply("microsoft")).contains(RecordKind.HOST);
        assertThat(kinds.apply("fedramp-x-2")).isEmpty();
        assertThat(asked).containsExactly("fedramp-x-1");

        kinds.read(List.of("microsoft", "fedramp-x-2"));
        assertThat(read).hasSize(1);
    }
}
