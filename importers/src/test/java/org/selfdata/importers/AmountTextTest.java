package org.selfdata.importers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.selfdata.importers.CsvMapping.DecimalMark;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class AmountTextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-25,50 | AUTO | -25.50",
            "+1234,56 | AUTO | 1234.56",
            "' 45' | AUTO | 45",
            "-6,4 | COMMA | -6.4",
            "-123 456,78 | COMMA | -123456.78",
            "-123\u00A0456,78 | AUTO | -123456.78",
            "123\u202F456,78 | AUTO | 123456.78",
            "1.234,56 | COMMA | 1234.56",
            "1.234,56 | AUTO | 1234.56",
            "1,234.56 | POINT | 1234.56",
            "1.234.567 | AUTO | 1234567",
            "370.00 | AUTO | 370.00",
            "12,50- | COMMA | -12.50",
            "(12.50) | POINT | -12.50",
            "- $21.59 | POINT | -21.59",
            "1234,37 EUR | COMMA | 1234.37",
            "€ 3,00 | COMMA | 3.00",
            ",5 | COMMA | 0.5"})
    void readsTheAmountsBanksWrite(String text, DecimalMark mark, BigDecimal expected) {
        assertThat(AmountText.parse(text, mark)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "douze", "1e999", "--3", "+3-", "1,2,3", "12.5", "1.23,4.5", ",", "(-3)", "NaN",
            "99999999999999999999999999999999999999999999999999999999999999999"})
    void readsNothingFromWhatIsNoAmountWithADecimalComma(String text) {
        assertThat(AmountText.parse(text, DecimalMark.COMMA)).isEmpty();
    }
}
