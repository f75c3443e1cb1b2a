package org.selfdata.services;

import org.junit.jupiter.api.Test;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyPeriodTest {
    @Test
    void monthsOutsideTheYears0000To9999AreRefused() {
        assertThatThrownBy(() -> new MoneyPeriod(YearMonth.of(999_999_999, 1), YearMonth.of(999_999_999, 12)))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("the period's first month must be in the years 0000 to 9999")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThatThrownBy(() -> new MoneyPeriod(YearMonth.of(9999, 12), YearMonth.of(10_000, 1)))
                .hasMessage("the period's last month must be in the years 0000 to 9999");
        assertThat(new MoneyPeriod(YearMonth.of(0, 1), YearMonth.of(0, 12)).months()).isEqualTo(12);
    }

    @Test
    void aPeriodTooLongOrOutOfRangeIsRefusedInFrench() {
        assertThatThrownBy(() -> new MoneyPeriod(YearMonth.of(2000, 1), YearMonth.of(2020, 1)))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> assertThat(refusal.message(Language.FRENCH))
                        .isEqualTo("une période couvre au plus 120 mois"));
        assertThatThrownBy(() -> new MoneyPeriod(YearMonth.of(9999, 12), YearMonth.of(10_000, 1)))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> assertThat(refusal.message(Language.FRENCH))
                        .isEqualTo("le dernier mois de la période doit se situer entre les années 0000 et 9999"));
    }
}
