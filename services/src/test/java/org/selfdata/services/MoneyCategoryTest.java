package org.selfdata.services;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyCategoryTest {
    @ParameterizedTest
    @CsvSource({
            "CB UBER EATS 12/03, false, EATING_OUT",
            "UBER TRIP HELP.UBER.COM, false, TRANSPORT",
            "PRLV SEPA EDF CLIENTS PARTICULIERS, false, ENERGY",
            "PRLV SEPA FREE MOBILE, false, TELECOM",
            "Pharmacie Gambetta, false, HEALTH",
            "Café de la Poste, false, EATING_OUT",
            "PRLV SEPA TCL SYTRAL ABONNEMENT, false, TRANSPORT",
            "VIR CPAM LYON REMBOURSEMENT SOINS, true, INCOME",
            "VIREMENT INTERNE LIVRET A, true, TRANSFERS",
            "AMAZON PAYMENTS, false, OTHER",
            "BARBIER DU COIN, false, OTHER"})
    void theTableGuessesFromWholeWordsOfTheLabel(String label, boolean incoming, MoneyCategory expected) {
        assertThat(MoneyCategory.guess(label, incoming)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "CB CARREFOUR CITY 12/03, CARREFOUR CITY",
            "RETRAIT DAB 12/03 LYON GUILLOTIERE, RETRAIT DAB LYON GUILLOTIERE",
            "PRLV SEPA FREE MOBILE, FREE MOBILE",
            "CARTE X1234 LIDL 01.02.25, LIDL",
            "VIR, VIR"})
    void aPayeeIsTheLabelWithoutTheKindOfPaymentTheCardDateOrNumbers(String label, String payee) {
        assertThat(MoneyPayee.cleaned(label)).isEqualTo(payee);
    }
}
