package org.selfdata.gate;

import org.junit.jupiter.api.Test;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchWordsTest {
    @Test
    void wordsAreFoldedWithoutCaseAccentsOrLigaturesAndSplitAtWhatIsNeitherLetterNorDigit() {
        assertThat(SearchWords.parse("  Société  GÉNÉRALE, l’Œuvre: n°12  ").words())
                .containsExactly("societe", "generale", "l", "oeuvre", "n", "12");
    }

    @Test
    void aWordGivenTwiceIsLookedForOnce() {
        assertThat(SearchWords.parse("Lyon lyon LYON").words()).containsExactly("lyon");
    }

    @Test
    void aWordWithoutAccentsFindsItsAccentedSpellingAndTheOtherWayRound() {
        assertThat(SearchWords.parse("societe").foundIn(SearchWords.fold("Société Générale"))).isTrue();
        assertThat(SearchWords.parse("Thémis").foundIn(SearchWords.fold("AMPHI THEMIS"))).isTrue();
        assertThat(SearchWords.parse("tete d'or").foundIn(SearchWords.fold("Parc de la Tête d’Or"))).isTrue();
    }

    @Test
    void aWordFindsTheWordsItBeginsAndNoneItOnlyEndsOrCrosses() {
        assertThat(SearchWords.parse("boulang").foundIn(SearchWords.fold("CB BOULANGERIE DU PONT"))).isTrue();
        assertThat(SearchWords.parse("langerie").foundIn(SearchWords.fold("CB BOULANGERIE DU PONT"))).isFalse();
        assertThat(SearchWords.parse("dupont").foundIn(SearchWords.fold("CB BOULANGERIE DU PONT"))).isFalse();
        assertThat(SearchWords.parse("doua").foundIn(SearchWords.fold("CROUS CAFETERIA\nLA DOUA"))).isTrue();
    }

    @Test
    void severalWordsFindOnlyWhatHoldsEachOfThemInAnyOrder() {
        String label = SearchWords.fold("PRLV SEPA EDF CLIENTS PARTICULIERS");

        assertThat(SearchWords.parse("edf sepa").foundIn(label)).isTrue();
        assertThat(SearchWords.parse("edf engie").foundIn(label)).isFalse();
    }

    @Test
    void aSearchWithoutAnyWordIsRefused() {
        assertThatThrownBy(() -> SearchWords.parse(" ,;’ - "))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(refusal.getMessage()).isEqualTo("the search holds no word; give at least one word of "
                            + "letters or digits");
                });
    }

    @Test
    void aSearchLongerThanTwoHundredCharactersIsRefused() {
        assertThat(SearchWords.parse("a".repeat(200)).words()).hasSize(1);
        assertThatThrownBy(() -> SearchWords.parse("a".repeat(201)))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("the search is longer than 200 characters");
    }

    @Test
    void aSearchOfMoreThanEightWordsIsRefused() {
        assertThat(SearchWords.parse("a b c d e f g h").words()).hasSize(8);
        assertThatThrownBy(() -> SearchWords.parse("a b c d e f g h i"))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("the search has more than 8 words; every record found holds each of them, so a few suffice");
    }
}
