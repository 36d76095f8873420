package org.hostledger.api.application.registers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hostledger.core.command.RecordKind;
import org.junit.jupiter.api.Test;

class RegisterImporterKindsTest {

    @Test
    void anImportsDiffAsksTheStoreOncePerIdWhateverTheAnswer() {
        List<String> asked = new ArrayList<>();
        Function<String, Optional<RecordKind>> kinds = RegisterImporter.memoized(id -> {
            asked.add(id);
            return id.equals("microsoft") ? Optional.of(RecordKind.HOST) : Optional.empty();
        });

        assertThat(kinds.apply("microsoft")).contains(RecordKind.HOST);
        assertThat(kinds.apply("microsoft")).contains(RecordKind.HOST);
        assertThat(kinds.apply("fedramp-x-1")).isEmpty();
        assertThat(kinds.apply("fedramp-x-1")).isEmpty();

        assertThat(asked).containsExactly("microsoft", "fedramp-x-1");
    }
}
