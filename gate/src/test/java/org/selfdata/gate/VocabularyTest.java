package org.selfdata.gate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VocabularyTest {
    @Test
    void aValueOnTheListIsSpelledAsTheListSpellsIt() {
        assertThat(Vocabulary.ACTIVITY.spelling("in passenger vehicle")).contains("IN_PASSENGER_VEHICLE");
        assertThat(Vocabulary.ACTIVITY.spelling("In-Passenger_Vehicle ")).contains("IN_PASSENGER_VEHICLE");
        assertThat(Vocabulary.POST_KIND.spelling("AD INTEREST")).contains("ad-interest");
        assertThat(Vocabulary.CURRENCY.spelling("EUR")).contains("EUR");
    }

    @Test
    void aValueOffTheListIsNotSpelledAtAll() {
        assertThat(Vocabulary.ACTIVITY.spelling("vélo avec Linda")).isEmpty();
        assertThat(Vocabulary.CURRENCY.spelling("LIN")).isEmpty();
        assertThat(Vocabulary.PLACE_TYPE.spelling("Chez Linda")).isEmpty();
        assertThat(Vocabulary.TRANSACTION_KIND.spelling("Remboursement Linda")).isEmpty();
    }

    @Test
    void aBankTransactionCodeIsAnIsoDomainWithOptionalFamilyAndSubFamily() {
        assertThat(Vocabulary.TRANSACTION_KIND.spelling("PMNT/RCDT/ESCT")).contains("PMNT/RCDT/ESCT");
        assertThat(Vocabulary.TRANSACTION_KIND.spelling("PMNT")).contains("PMNT");
        assertThat(Vocabulary.TRANSACTION_KIND.spelling("LIND/AAAA")).isEmpty();
        assertThat(Vocabulary.TRANSACTION_KIND.spelling("PMNT/linda")).isEmpty();
    }
}
