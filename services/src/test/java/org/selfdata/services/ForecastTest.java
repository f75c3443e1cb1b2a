package org.selfdata.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.gate.Gate;
import org.selfdata.model.BankAccount;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.VaultWithCamille;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The forecast over a real vault: six months of rent of 500.00 on the 5th, a grant of 800.00 on the 10th and 9.00 of
 * groceries every third day, the statement giving the balance at the end of June.
 */
class ForecastTest {
    private static final SourceDescriptor BANK = SourceDescriptor.file("Banque Exemple", "comptes");
    private static final Clock JULY_2025 = Clock.fixed(Instant.parse("2025-07-01T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate LAST_DAY = LocalDate.of(2025, 6, 30);

    @RegisterExtension
    final VaultWithCamille vault = new VaultWithCamille(Engine.SQLITE);
    private final AtomicInteger lines = new AtomicInteger();

    private Forecast forecast() {
        Gate gate = Gate.over(vault.vault());
        return new Forecast(gate, new Recurring(gate, JULY_2025));
    }

    @Test
    void fromTheStatedBalanceTheRentAndGrantComeBackEachMonthWithTheGroceriesAsATrend() {
        write(sixMonths(Optional.of(new BigDecimal("1234.00"))));

        ForecastDays ahead = forecast().days(vault.camille(), 30, Optional.empty());

        assertThat(ahead.enoughHistory()).isTrue();
        assertThat(ahead.asOf()).as("the latest line's day, the statement's balance walked back to it")
                .isEqualTo(LocalDate.of(2025, 6, 28));
        assertThat(ahead.fromStatement()).isTrue();
        assertThat(ahead.opening()).isEqualByComparingTo("1234.00");
        assertThat(ahead.dues()).extracting(ForecastDays.Due::payee, ForecastDays.Due::day).containsExactly(
                tuple("FONCIA LOYER", LocalDate.of(2025, 7, 5)),
                tuple("CROUS BOURSE", LocalDate.of(2025, 7, 10)));
        assertThat(ahead.trend().perDay()).isEqualByComparingTo("-3.00");
        assertThat(ahead.trend().fromDays()).isEqualTo(90);
        assertThat(ahead.lowest()).hasValueSatisfying(low -> {
            assertThat(low.to()).isEqualTo(LocalDate.of(2025, 7, 9));
            assertThat(low.payments()).extracting(ForecastDays.Due::payee).containsExactly("FONCIA LOYER");
            assertThat(low.relief()).map(ForecastDays.Due::payee).contains("CROUS BOURSE");
        });
        assertThat(ahead.days().getLast().low()).isLessThan(ahead.days().getLast().expected());
    }

    @Test
    void withoutAStatedBalanceTheForecastIsTheChangeFromTheLastDayAndSaysSo() {
        write(sixMonths(Optional.empty()));

        ForecastDays ahead = forecast().days(vault.camille(), 60, Optional.empty());

        assertThat(ahead.fromStatement()).isFalse();
        assertThat(ahead.opening()).isEqualByComparingTo("0");
        assertThat(ahead.days()).hasSize(60);
    }

    @Test
    void aMonthAndAHalfIsTooLittleHistoryAndNothingIsForecast() {
        write(sixMonths(Optional.empty()));

        ForecastDays ahead = forecast().days(vault.camille(), 30, Optional.of(LocalDate.of(2025, 2, 15)));

        assertThat(ahead.enoughHistory()).isFalse();
        assertThat(ahead.days()).isEmpty();
        assertThat(ahead.dues()).isEmpty();
        assertThat(ahead.lowest()).isEmpty();
    }

    @Test
    void aForecastMadeInAprilIsCheckedAgainstMayAndAHorizonBeyondTheLinesIsLeftOut() {
        write(sixMonths(Optional.of(new BigDecimal("1234.00"))));

        ForecastBacktest backtest = forecast().backtest(vault.camille(), 30,
                List.of(LocalDate.of(2025, 4, 20), LocalDate.of(2025, 6, 15)));

        assertThat(backtest.checks()).singleElement().satisfies(check -> {
            assertThat(check.cutOff()).isEqualTo(LocalDate.of(2025, 4, 20));
            assertThat(check.actual().subtract(check.opening())).isEqualByComparingTo(sum(LocalDate.of(2025, 4, 20)));
        });
        assertThat(backtest.meanAbsoluteError()).isLessThan(new BigDecimal("30"));
    }

    @Test
    void aHorizonOtherThanThirtySixtyOrNinetyDaysIsRefused() {
        assertThatThrownBy(() -> forecast().days(vault.camille(), 45, Optional.empty()))
                .isInstanceOf(SelfdataException.class).hasMessageContaining("30, 60 or 90");
    }

    private BigDecimal sum(LocalDate cutOff) {
        BigDecimal change = BigDecimal.ZERO;
        for (RecordDraft draft : sixMonths(Optional.empty())) {
            BankTransaction line = (BankTransaction) draft.payload();
            if (line.bookingDate().isAfter(cutOff) && !line.bookingDate().isAfter(cutOff.plusDays(30))) {
                change = change.add(line.amount());
            }
        }
        return change;
    }

    private List<RecordDraft> sixMonths(Optional<BigDecimal> balance) {
        List<RecordDraft> drafts = new ArrayList<>();
        for (int month = 0; month < 6; month++) {
            LocalDate first = LocalDate.of(2025, 1 + month, 1);
            drafts.add(line(first.withDayOfMonth(5), "-500.00", "PRLV FONCIA LOYER"));
            drafts.add(line(first.withDayOfMonth(10), "800.00", "VIR CROUS BOURSE"));
        }
        for (LocalDate day = LocalDate.of(2025, 1, 2); !day.isAfter(LAST_DAY); day = day.plusDays(3)) {
            drafts.add(line(day, "-9.00", "CB CARREFOUR CITY " + day.getDayOfMonth()));
        }
        balance.ifPresent(amount -> drafts.add(RecordDraft.of(TimeSpan.day(LAST_DAY, TestVaults.PARIS),
                new BankAccount("111", Optional.empty(), Optional.empty(), Optional.empty(), BankAccount.Kind.CHECKING, "EUR",
                        Optional.empty(), Optional.of(amount), Optional.of(LAST_DAY)), Position.line(lines.incrementAndGet()))));
        return drafts;
    }

    private void write(List<RecordDraft> drafts) {
        vault.vault().imports().write(vault.camille().id(), new ImportRequest(BANK, "ofx", "releve.ofx"), drafts.stream());
    }

    private RecordDraft line(LocalDate day, String amount, String label) {
        return RecordDraft.of(TimeSpan.day(day, TestVaults.PARIS), new BankTransaction("111", day, Optional.empty(),
                new BigDecimal(amount), "EUR", label, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()), Position.line(lines.incrementAndGet()));
    }
}
