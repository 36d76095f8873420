package org.hostledger.projections.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

class SearchTest {

    @Test
    void textIsFoldedWithoutAccentsInLowerCase() {
        assertThat(Search.fold("HÔPITAL Saint-Éloi, Clinique Sainte-Thérèse, Zürich"))
                .isEqualTo("hopital saint-eloi, clinique sainte-therese, zurich");
    }

    @Test
    void everyAccentedLetterTheSqlFoldsBecomesOneLetterAsTheJavaSideFoldsIt() {
        assertThat(Search.PLAIN).hasSameSizeAs(Search.ACCENTED).matches("[a-z]+");
        for (int i = 0; i < Search.ACCENTED.length(); i++) {
            assertThat(Search.fold(Search.ACCENTED.substring(i, i + 1))).isEqualTo(Search.PLAIN.substring(i, i + 1));
        }
    }

    @Test
    void wildcardsAndTheEscapeCharacterAreMatchedAsThemselves() {
        MapSqlParameterSource params = Search.bind(new MapSqlParameterSource(), " 50%_off!Ü ");
        assertThat(params.getValue("q")).isEqualTo("%50!%!_off!!u%");
        assertThat(Search.anyContains("a.name", "a.id"))
                .startsWith("(LOWER(TRANSLATE(a.name, '")
                .contains(" LIKE :q ESCAPE '!' OR LOWER(TRANSLATE(a.id, '")
                .endsWith(" LIKE :q ESCAPE '!')");
    }

    @Test
    void aSearchLongerThanTheLimitIsRefused() {
        assertThatThrownBy(() -> Search.bind(new MapSqlParameterSource(), "x".repeat(Search.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
