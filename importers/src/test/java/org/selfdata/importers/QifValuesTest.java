package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QifValuesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-1,000.00|-1000.00",
            "1,234,567.89|1234567.89",
            "-1.234,56|-1234.56",
            "12,50|12.50",
            "-3,2|-3.2",
            "1,000|1000",
            "+75.00|75.00",
            "1 234,56|1234.56",
            "23|23",
            ".5|0.5"})
    void readsAmountsWithEitherMarkAndThousandsSeparators(String text, String expected) {
        assertThat(QifAmounts.parse(text)).contains(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "12 EUR", "1,2,3.4.5", "1.000,00.5", "--1", "$12"})
    void refusesWhatIsNotAnAmount(String text) {
        assertThat(QifAmounts.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12/31/2024|12|31|2024",
            "1/ 1'10|1|1|2010",
            " 6/ 2/94|6|2|1994",
            "31.12.24|31|12|2024",
            "2011-03-04|3|4|2011",
            "1/1/49|1|1|2049",
            "1/1/50|1|1|1950"})
    void splitsADateIntoItsNumbersBeforeTheOrderIsKnown(String text, int first, int second, int year) {
        assertThat(QifDates.split(text)).contains(new QifDates.Parts(first, second, year));
    }

    @Test
    void provesTheOrderOnlyWithANumberOverTwelve() {
        assertThat(QifDates.split("13/01/2025").orElseThrow().evidence()).contains(QifDates.Order.DAY_FIRST);
        assertThat(QifDates.split("01/13/2025").orElseThrow().evidence()).contains(QifDates.Order.MONTH_FIRST);
        assertThat(QifDates.split("01/02/2025").orElseThrow().evidence()).isEmpty();
    }

    @Test
    void guessesTheOrderThatKeepsDatesClosest() {
        List<QifDates.Parts> days = List.of(new QifDates.Parts(3, 1, 2025), new QifDates.Parts(3, 2, 2025),
                new QifDates.Parts(3, 3, 2025));

        assertThat(QifDates.guess(days, ZoneId.of("Europe/Paris"))).isEqualTo(QifDates.Order.MONTH_FIRST);
        assertThat(days.getFirst().date(QifDates.Order.MONTH_FIRST)).contains(LocalDate.of(2025, 3, 1));
    }

    @Test
    void guessesByThePersonsZoneWhenTheDatesCannotTell() {
        List<QifDates.Parts> one = List.of(new QifDates.Parts(3, 4, 2025));

        assertThat(QifDates.guess(one, ZoneId.of("Europe/Paris"))).isEqualTo(QifDates.Order.DAY_FIRST);
        assertThat(QifDates.guess(one, ZoneId.of("America/Chicago"))).isEqualTo(QifDates.Order.MONTH_FIRST);
    }
}
