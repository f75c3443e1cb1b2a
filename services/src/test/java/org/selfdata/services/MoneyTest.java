package org.selfdata.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.gate.Gate;
import org.selfdata.model.BankAccount;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.Payload;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.VaultWithCamille;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two months of hand-made lines on two euro accounts and one in dollars. January: 45.50 and 12.30 at Carrefour, 480.00
 * of rent, 1,200.00 of salary; February: 100.00 from the current account to the savings account, 20.00 at the pharmacy
 * (a category the bank gave), 30.00 at a restaurant. Around them, a line on 31 December and one on 2 March, outside the
 * period; statements give 1,000.00 and 100.00 on 5 March.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class MoneyTest {
    private static final SourceDescriptor BANK = SourceDescriptor.file("Banque Exemple", "comptes");
    private static final String CURRENT = "111";
    private static final String SAVINGS = "222";
    private static final MoneyPeriod JANUARY_AND_FEBRUARY = new MoneyPeriod(YearMonth.of(2025, 1), YearMonth.of(2025, 2));

    @RegisterExtension
    final VaultWithCamille vault;
    private final Money money;
    private final AtomicInteger lines = new AtomicInteger();

    MoneyTest(Engine engine) {
        vault = new VaultWithCamille(engine);
        money = new Money(Gate.over(vault.vault()));
        write(Stream.of(
                line(CURRENT, "2024-12-31", "-999.00", "EUR", "CB CARREFOUR CITY 30/12", Optional.empty()),
                line(CURRENT, "2025-01-03", "-45.50", "EUR", "CB CARREFOUR CITY 02/01", Optional.empty()),
                line(CURRENT, "2025-01-05", "-480.00", "EUR", "PRLV SEPA FONCIA LYON LOYER", Optional.empty()),
                line("333", "2025-01-10", "-25.00", "USD", "CARD PAYMENT STARBUCKS NEW YORK", Optional.empty()),
                line(CURRENT, "2025-01-28", "1200.00", "EUR", "VIR SALAIRE LIBRAIRIE DES CANUTS", Optional.empty()),
                line(CURRENT, "2025-01-31", "-12.30", "EUR", "CB CARREFOUR CITY 30/01", Optional.empty()),
                line(CURRENT, "2025-02-01", "-100.00", "EUR", "VIR VERS COMPTE 222", Optional.empty()),
                line(SAVINGS, "2025-02-02", "100.00", "EUR", "VIR DEPUIS COMPTE 111", Optional.empty()),
                line(CURRENT, "2025-02-10", "-20.00", "EUR", "CB PHARMACIE DU PONT 09/02", Optional.of("Santé")),
                line(CURRENT, "2025-02-14", "-30.00", "EUR", "CB RESTAURANT LE BOUCHON 13/02", Optional.empty()),
                line(CURRENT, "2025-03-02", "-50.00", "EUR", "CB LIDL 01/03", Optional.empty()),
                statement(CURRENT, "1000.00"),
                statement(SAVINGS, "100.00")));
    }

    @Test
    void spendingAndIncomeArePerMonthWithoutTheTransferBetweenOwnAccounts() {
        MoneySummary.Currency euros = euros(money.summary(vault.camille(), JANUARY_AND_FEBRUARY, Optional.empty()));

        assertThat(euros.months()).containsExactly(
                new MoneySummary.Month(YearMonth.of(2025, 1), new BigDecimal("537.80"), new BigDecimal("1200.00")),
                new MoneySummary.Month(YearMonth.of(2025, 2), new BigDecimal("50.00"), BigDecimal.ZERO));
        assertThat(euros.ownTransfers()).isEqualTo(new MoneySummary.Count(2, new BigDecimal("0.00")));
    }

    @Test
    void categoriesComeFromTheBankWhenItGivesOneAndFromTheLabelOtherwise() {
        MoneySummary.Currency euros = euros(money.summary(vault.camille(), JANUARY_AND_FEBRUARY, Optional.empty()));

        assertThat(euros.categories()).containsExactly(
                new MoneySummary.CategoryTotal("housing", false, new BigDecimal("480.00"), BigDecimal.ZERO),
                new MoneySummary.CategoryTotal("groceries", false, new BigDecimal("57.80"), BigDecimal.ZERO),
                new MoneySummary.CategoryTotal("eating-out", false, new BigDecimal("30.00"), BigDecimal.ZERO),
                new MoneySummary.CategoryTotal("Santé", true, new BigDecimal("20.00"), BigDecimal.ZERO),
                new MoneySummary.CategoryTotal("income", false, BigDecimal.ZERO, new BigDecimal("1200.00")));
    }

    @Test
    void payeesAreNamedWithoutTheCardDateAndRankedBySpending() {
        MoneySummary.Currency euros = euros(money.summary(vault.camille(), JANUARY_AND_FEBRUARY, Optional.empty()));

        assertThat(euros.payees()).containsExactly(
                new MoneySummary.PayeeTotal("FONCIA LYON LOYER", new BigDecimal("480.00"), 1),
                new MoneySummary.PayeeTotal("CARREFOUR CITY", new BigDecimal("57.80"), 2),
                new MoneySummary.PayeeTotal("RESTAURANT LE BOUCHON", new BigDecimal("30.00"), 1),
                new MoneySummary.PayeeTotal("PHARMACIE DU PONT", new BigDecimal("20.00"), 1));
    }

    @Test
    void theBalanceIsWalkedBackFromTheStatementsThroughTheLinesAfterThePeriod() {
        MoneySummary.Balance balance = euros(money.summary(vault.camille(), JANUARY_AND_FEBRUARY, Optional.empty())).balance();

        assertThat(balance.fromStatement()).isTrue();
        assertThat(balance.days()).hasSize(31 + 28);
        assertThat(balance.days().getFirst()).isEqualTo(new MoneySummary.Day(LocalDate.of(2025, 1, 1), new BigDecimal("537.80")));
        assertThat(balance.days().get(2)).isEqualTo(new MoneySummary.Day(LocalDate.of(2025, 1, 3), new BigDecimal("492.30")));
        assertThat(balance.days().getLast())
                .isEqualTo(new MoneySummary.Day(LocalDate.of(2025, 2, 28), new BigDecimal("1150.00")));
    }

    @Test
    void dollarsAreSummedApartAndWithoutAStatementTheBalanceRunsFromZero() {
        MoneySummary summary = money.summary(vault.camille(), JANUARY_AND_FEBRUARY, Optional.empty());
        MoneySummary.Currency dollars = summary.currencies().stream().filter(currency -> currency.currency().equals("USD"))
                .findFirst().orElseThrow();

        assertThat(summary.accounts()).containsExactly(CURRENT, SAVINGS, "333");
        assertThat(dollars.months()).extracting(MoneySummary.Month::spending)
                .containsExactly(new BigDecimal("25.00"), BigDecimal.ZERO);
        assertThat(dollars.categories()).containsExactly(
                new MoneySummary.CategoryTotal("other", false, new BigDecimal("25.00"), BigDecimal.ZERO));
        assertThat(dollars.payees())
                .containsExactly(new MoneySummary.PayeeTotal("STARBUCKS NEW YORK", new BigDecimal("25.00"), 1));
        assertThat(dollars.balance().fromStatement()).isFalse();
        assertThat(dollars.balance().days().get(8).balance()).isEqualByComparingTo("0");
        assertThat(dollars.balance().days().get(9).balance()).isEqualByComparingTo("-25.00");
    }

    @Test
    void currenciesComeWithTheMostLinesFirstEachNamingItsAccounts() {
        write(Stream.of(line("444", "2025-02-20", "-80.00", "BRL", "PIX PADARIA SAO PAULO", Optional.empty())));

        MoneySummary summary = money.summary(vault.camille(), JANUARY_AND_FEBRUARY, Optional.empty());

        assertThat(summary.currencies()).extracting(MoneySummary.Currency::currency).containsExactly("EUR", "BRL", "USD");
        assertThat(summary.currencies()).extracting(MoneySummary.Currency::lines).containsExactly(8L, 1L, 1L);
        assertThat(summary.currencies()).extracting(MoneySummary.Currency::accounts)
                .containsExactly(List.of(CURRENT, SAVINGS), List.of("444"), List.of("333"));
    }

    @Test
    void oneAccountAloneHasNoTransferToPairAndCountsWhatCameIn() {
        MoneySummary.Currency savings = euros(money.summary(vault.camille(), JANUARY_AND_FEBRUARY, Optional.of(SAVINGS)));

        assertThat(savings.months()).extracting(MoneySummary.Month::income)
                .containsExactly(BigDecimal.ZERO, new BigDecimal("100.00"));
        assertThat(savings.ownTransfers().lines()).isZero();
        assertThat(savings.balance().days().getFirst().balance()).isEqualByComparingTo("0");
        assertThat(savings.balance().days().getLast().balance()).isEqualByComparingTo("100.00");
    }

    private static MoneySummary.Currency euros(MoneySummary summary) {
        return summary.currencies().stream().filter(currency -> currency.currency().equals("EUR")).findFirst().orElseThrow();
    }

    private void write(Stream<RecordDraft> drafts) {
        vault.vault().imports().write(vault.camille().id(), new ImportRequest(BANK, "ofx", "releve.ofx"), drafts);
    }

    private RecordDraft line(String account, String day, String amount, String currency, String label,
            Optional<String> bankCategory) {
        LocalDate booked = LocalDate.parse(day);
        return draft(booked, new BankTransaction(account, booked, Optional.empty(), new BigDecimal(amount), currency, label,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), bankCategory));
    }

    private RecordDraft statement(String account, String balance) {
        LocalDate day = LocalDate.of(2025, 3, 5);
        return draft(day, new BankAccount(account, Optional.empty(), Optional.empty(), Optional.empty(),
                BankAccount.Kind.CHECKING, "EUR", Optional.empty(), Optional.of(new BigDecimal(balance)), Optional.of(day)));
    }

    private RecordDraft draft(LocalDate day, Payload payload) {
        return RecordDraft.of(TimeSpan.day(day, TestVaults.PARIS), payload, Position.line(lines.incrementAndGet()));
    }
}
