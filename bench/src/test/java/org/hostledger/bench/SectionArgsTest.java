package org.hostledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The benchmark's arguments: numbers refused with a message that names the option, not a parser's stack trace. */
class SectionArgsTest {

    @Test
    void aSectionTakesQuickAndRepetitions() {
        assertThat(SectionArgs.parse(new String[] {"--repetitions=5"}).repetitions())
                .isEqualTo(5);
        SectionArgs quick = SectionArgs.parse(new String[] {"--quick"});
        assertThat(quick.quick()).isTrue();
        assertThat(quick.repetitions()).isEqualTo(1);
        assertThat(quick.postgres()).isNull();
    }

    @Test
    void numbersAreWholeAndWithinTheirBounds() {
        assertThat(SectionArgs.number("--events=1_000_000", 1, Long.MAX_VALUE)).isEqualTo(1_000_000L);
        assertThatThrownBy(() -> SectionArgs.number("--events=lots", 1, Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--events= takes a whole number, not 'lots'");
        assertThatThrownBy(() -> SectionArgs.parse(new String[] {"--repetitions=0"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--repetitions= takes a number from 1 to 1000, not 0");
        assertThatThrownBy(() -> SectionArgs.parse(new String[] {"--repetitions=5000"}))
                .hasMessage("--repetitions= takes a number from 1 to 1000, not 5000");
    }

    @Test
    void anUnknownArgumentOrStoreOptionIsRefused() {
        assertThatThrownBy(() -> SectionArgs.parse(new String[] {"--store=postgres"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown argument --store=postgres");
        assertThatThrownBy(() -> SectionArgs.parse(new String[] {"--store=oracle"}, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
