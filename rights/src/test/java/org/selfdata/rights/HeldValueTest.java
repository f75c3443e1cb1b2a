package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.selfdata.gate.SearchWords;
import org.selfdata.model.SelfdataException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeldValueTest {
    private static final HeldValue ADDRESS = new HeldValue(PersonalDetail.ADDRESS, "12 rue de la République, 69002 Lyon");
    private static final HeldValue PHONE = new HeldValue(PersonalDetail.PHONE, "06 12 34 56 78");
    private static final HeldValue EMAIL = new HeldValue(PersonalDetail.EMAIL, "Camille.Martin@Example.org");
    private static final HeldValue NAME = new HeldValue(PersonalDetail.NAME, "Camille Martin");

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            12 RUE DE LA REPUBLIQUE 69002 LYON                   | true
            Domicile : 12, r. de la République - 69002  Lyon     | true
            12 rue de la   république\\n69002 Lyon 2e            | true
            12 avenue de la République, 69002 Lyon               | true
            121 rue de la République, 69002 Lyon                 | false
            12 rue de la République, 69003 Lyon                  | false
            12 rue Victor Hugo, 69002 Lyon                       | false
            """)
    void anAddressIsFoundByItsMeaningfulWordsWhateverTheCaseAccentsAndSpacing(String text, boolean found) {
        assertThat(ADDRESS.foundIn(text.replace("\\n", "\n"))).isEqualTo(found);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Tél. 06 12 34 56 78, merci        | true
            0612345678                        | true
            06.12.34.56.78                    | true
            +33 6 12 34 56 78                 | true
            +33612345678                      | true
            0033 6 12 34 56 78                | true
            06 12 34 56 79                    | false
            061234567890                      | false
            Facture 2026 106 12 34 56 78      | false
            """)
    void aPhoneNumberIsFoundByItsDigitsInTheNationalOrInternationalForm(String text, boolean found) {
        assertThat(PHONE.foundIn(text)).isEqualTo(found);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Contact : camille.martin@example.org.        | true
            <CAMILLE.MARTIN@EXAMPLE.ORG>                 | true
            jean.camille.martin@example.org              | false
            camille.martin@example.org.uk                | false
            camille.martin@example.organic               | false
            """)
    void anEmailAddressIsFoundWholeWhateverItsCase(String text, boolean found) {
        assertThat(EMAIL.foundIn(text)).isEqualTo(found);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            MARTIN Camille          | true
            Mme Camille Martin      | true
            Camille Martinez        | false
            Camille Dupont          | false
            """)
    void aNameIsFoundByEachOfItsWordsInAnyOrder(String text, boolean found) {
        assertThat(NAME.foundIn(text)).isEqualTo(found);
    }

    @Test
    void theSearchesOfAPhoneNumberCoverEachWayItIsWritten() {
        assertThat(PHONE.searches()).extracting(SearchWords::words).containsExactly(
                java.util.List.of("0612345678"),
                java.util.List.of("06", "12", "34", "56", "78"),
                java.util.List.of("33612345678"),
                java.util.List.of("33", "6", "12", "34", "56", "78"));
    }

    @Test
    void theSearchOfAnAddressIsForItsMeaningfulWordsOnly() {
        assertThat(ADDRESS.searches()).extracting(SearchWords::words)
                .containsExactly(java.util.List.of("12", "republique", "69002", "lyon"));
    }

    @Test
    void twoWritingsOfOneValueAreTheSameValue() {
        assertThat(HeldValue.same(PersonalDetail.PHONE, "+33 6 12 34 56 78", "06.12.34.56.78")).isTrue();
        assertThat(HeldValue.same(PersonalDetail.ADDRESS, "12 Rue de la République", "12 rue de la republique"))
                .isTrue();
        assertThat(HeldValue.same(PersonalDetail.EMAIL, "A@Example.org", "a@example.org")).isTrue();
        assertThat(HeldValue.same(PersonalDetail.NAME, "Camille Martin", "Camille Martinez")).isFalse();
    }

    @Test
    void aValueWithNothingToLookForIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> new HeldValue(PersonalDetail.ADDRESS, "rue de la"))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("The old address holds no word that tells it from another (a number, a street name, a "
                        + "postcode, a town): there is nothing to look for.");
        assertThatThrownBy(() -> new HeldValue(PersonalDetail.PHONE, "06 12"))
                .hasMessage("The old phone number has fewer than six digits: there is nothing to look for.");
        assertThatThrownBy(() -> new HeldValue(PersonalDetail.EMAIL, "  "))
                .hasMessage("The old value is empty or longer than 500 characters.");
    }
}
