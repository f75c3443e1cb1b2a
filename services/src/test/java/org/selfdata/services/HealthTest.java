package org.selfdata.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.VaultWithCamille;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The service over a real vault, on a half year of hand-made lines whose truth is worked out here from the usual French
 * rates: a doctor's 30.00 pays back 70 % less the 2.00 participation, 19.00, from the national insurance and the
 * other 30 %, 9.00, from the mutual, leaving 2.00; two visits of 25.00 paid back by one credit of each insurer; a
 * physiotherapist, a pharmacy and a dentist that nothing paid back yet; a shop's refund that is no insurer's; and the
 * mutual's premium of 14.50 each month.
 */
class HealthTest {
    private static final SourceDescriptor BANK = SourceDescriptor.file("Banque Exemple", "comptes");
    private static final MoneyPeriod HALF_YEAR = new MoneyPeriod(YearMonth.of(2025, 1), YearMonth.of(2025, 6));

    @RegisterExtension
    final VaultWithCamille vault = new VaultWithCamille(Engine.SQLITE);
    private final Health health = new Health(Gate.over(vault.vault()));
    private final AtomicInteger lines = new AtomicInteger();

    @Test
    void aDoctorsVisitIsPaidBackByTheNationalInsuranceAndTheMutualAndLeavesTheParticipation() {
        write(halfYear());

        HealthAct visit = act(LocalDate.of(2025, 3, 3));

        assertThat(visit.kind()).isEqualTo(HealthKind.DOCTOR);
        assertThat(visit.payee()).isEqualTo("DR MARTIN PAUL");
        assertThat(visit.paid()).isEqualByComparingTo("30.00");
        assertThat(visit.national()).get().satisfies(national -> {
            assertThat(national.amount()).isEqualByComparingTo("19.00");
            assertThat(national.day()).isEqualTo(LocalDate.of(2025, 3, 10));
            assertThat(national.days()).isEqualTo(7);
            assertThat(national.acts()).isEqualTo(1);
            assertThat(national.credit()).isEqualTo(id("VIR CPAM RHONE REMBOURSEMENT SOINS", "19.00"));
        });
        assertThat(visit.mutual()).get().satisfies(mutual -> {
            assertThat(mutual.amount()).isEqualByComparingTo("9.00");
            assertThat(mutual.days()).isEqualTo(11);
            assertThat(mutual.credit()).isEqualTo(id("VIR HARMONIE MUTUELLE REMBT", "9.00"));
        });
        assertThat(visit.remaining()).isEqualByComparingTo("2.00");
        assertThat(visit.status()).isEqualTo(HealthAct.Status.REIMBURSED);
        assertThat(visit.waiting()).isEmpty();
        assertThat(visit.confidence()).contains(HealthAct.Confidence.HIGH);
        assertThat(visit.id()).isEqualTo(id("CB DR MARTIN PAUL 03/03", "-30.00"));
    }

    @Test
    void oneCreditOfEachInsurerForTwoVisitsIsSplitBetweenThemAndSaidLessSure() {
        write(halfYear());

        for (LocalDate day : List.of(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 3))) {
            HealthAct visit = act(day);
            assertThat(visit.national()).get().satisfies(national -> {
                assertThat(national.amount()).isEqualByComparingTo("15.50");
                assertThat(national.creditAmount()).isEqualByComparingTo("31.00");
                assertThat(national.acts()).isEqualTo(2);
            });
            assertThat(visit.mutual()).get().satisfies(mutual -> {
                assertThat(mutual.amount()).isEqualByComparingTo("7.50");
                assertThat(mutual.acts()).isEqualTo(2);
            });
            assertThat(visit.remaining()).isEqualByComparingTo("2.00");
            assertThat(visit.status()).isEqualTo(HealthAct.Status.REIMBURSED);
            assertThat(visit.confidence()).contains(HealthAct.Confidence.MEDIUM);
        }
    }

    @Test
    void careNothingPaidBackYetWaitsAndOnlyAPhysiotherapistsEightWeeksAreLongerThanUsual() {
        write(halfYear());

        HealthReport report = health.report(vault.camille(), HALF_YEAR);

        assertThat(report.asOf()).isEqualTo(LocalDate.of(2025, 6, 25));
        assertThat(report.acts()).filteredOn(act -> act.status() == HealthAct.Status.NOT_YET)
                .extracting(HealthAct::kind, HealthAct::paid, act -> act.waiting().orElseThrow().days(),
                        act -> act.waiting().orElseThrow().longerThanUsual(), HealthAct::remaining)
                .containsExactly(
                        tuple(HealthKind.PARAMEDICAL, new BigDecimal("40.00"), 54, true, new BigDecimal("40.00")),
                        tuple(HealthKind.PHARMACY, new BigDecimal("12.30"), 36, false, new BigDecimal("12.30")),
                        tuple(HealthKind.DENTIST, new BigDecimal("60.00"), 5, false, new BigDecimal("60.00")));
        assertThat(report.acts()).filteredOn(act -> act.status() == HealthAct.Status.NOT_YET)
                .allSatisfy(act -> {
                    assertThat(act.waiting().orElseThrow().from())
                            .containsExactly(HealthInsurer.NATIONAL, HealthInsurer.MUTUAL);
                    assertThat(act.waiting().orElseThrow().givenUp()).isFalse();
                    assertThat(act.confidence()).isEmpty();
                });
        assertThat(report.usual()).containsExactly(new HealthReport.Usual(HealthInsurer.NATIONAL, 7, false, 0),
                new HealthReport.Usual(HealthInsurer.MUTUAL, 14, false, 0));
        assertThat(report.totals()).isEqualTo(new HealthReport.Totals(6, new BigDecimal("192.30"), new BigDecimal("50.00"),
                new BigDecimal("24.00"), new BigDecimal("118.30"), 2, 1));
    }

    @Test
    void aShopsRefundIsNoReimbursementAndAnInsurersCreditForNothingSeenIsListedApart() {
        write(halfYear());

        HealthReport report = health.report(vault.camille(), HALF_YEAR);

        assertThat(report.acts()).flatExtracting(act -> Stream.concat(act.national().stream(), act.mutual().stream())
                .map(HealthAct.Share::payee).toList()).doesNotContain("DECATHLON REMBOURSEMENT");
        assertThat(report.unmatched()).extracting(HealthReport.Credit::day, HealthReport.Credit::insurer,
                HealthReport.Credit::amount)
                .containsExactly(tuple(LocalDate.of(2025, 1, 5), HealthInsurer.NATIONAL, new BigDecimal("5.00")));
        assertThat(report.enoughHistory()).isTrue();
        assertThat(report.mutualSeen()).isTrue();
    }

    @Test
    void theMutualsPremiumsOverTheYearAreSetAgainstWhatItPaidBack() {
        write(halfYear());

        HealthReport.Premiums premiums = health.report(vault.camille(), HALF_YEAR).premiums();

        assertThat(premiums.from()).isEqualTo(YearMonth.of(2024, 7));
        assertThat(premiums.to()).isEqualTo(YearMonth.of(2025, 6));
        assertThat(premiums.payees()).singleElement().satisfies(premium -> {
            assertThat(premium.payee()).isEqualTo("HARMONIE MUTUELLE");
            assertThat(premium.payments()).isEqualTo(6);
            assertThat(premium.typical()).isEqualByComparingTo("14.50");
            assertThat(premium.debits()).extracting(HealthReport.Credit::day).hasSize(6).doesNotHaveDuplicates()
                    .first().isEqualTo(LocalDate.of(2025, 1, 12));
        });
        assertThat(premiums.paid()).isEqualByComparingTo("87.00");
        assertThat(premiums.reimbursed()).isEqualByComparingTo("24.00");
        assertThat(premiums.reimbursements()).extracting(HealthReport.Credit::amount)
                .containsExactly(new BigDecimal("9.00"), new BigDecimal("15.00"));
    }

    @Test
    void aNationalCreditAboveSeventyPercentAndAEuroIsMatchedToNothing() {
        write(List.of(card(LocalDate.of(2025, 2, 3), "-30.00", "DR MARTIN PAUL"),
                line(LocalDate.of(2025, 2, 10), "25.00", "VIR CPAM RHONE REMBOURSEMENT SOINS")));

        HealthReport report = health.report(vault.camille(), HALF_YEAR);

        assertThat(report.acts()).singleElement().satisfies(visit -> {
            assertThat(visit.status()).isEqualTo(HealthAct.Status.NOT_YET);
            assertThat(visit.waiting().orElseThrow().from()).containsExactly(HealthInsurer.NATIONAL);
        });
        assertThat(report.unmatched()).extracting(HealthReport.Credit::amount).containsExactly(new BigDecimal("25.00"));
        assertThat(report.mutualSeen()).isFalse();
        assertThat(report.enoughHistory()).as("a week of lines").isFalse();
    }

    @Test
    void withoutAnyBankLineNothingIsShownAndTheUsualDelaysAreTheTypicalOnes() {
        HealthReport report = health.report(vault.camille(), HALF_YEAR);

        assertThat(report.since()).isEmpty();
        assertThat(report.enoughHistory()).isFalse();
        assertThat(report.acts()).isEmpty();
        assertThat(report.usual()).noneMatch(HealthReport.Usual::fromHistory);
        assertThat(report.premiums().payees()).isEmpty();
        assertThat(report.totals().paid()).isEqualByComparingTo("0");
    }

    private List<RecordDraft> halfYear() {
        List<RecordDraft> drafts = new ArrayList<>();
        drafts.add(line(LocalDate.of(2025, 1, 5), "5.00", "VIR CPAM RHONE REMBOURSEMENT SOINS"));
        for (int month = 1; month <= 6; month++) {
            drafts.add(line(LocalDate.of(2025, month, 12), "-14.50", "PRLV SEPA HARMONIE MUTUELLE"));
        }
        drafts.add(card(LocalDate.of(2025, 3, 3), "-30.00", "DR MARTIN PAUL"));
        drafts.add(line(LocalDate.of(2025, 3, 10), "19.00", "VIR CPAM RHONE REMBOURSEMENT SOINS"));
        drafts.add(line(LocalDate.of(2025, 3, 14), "9.00", "VIR HARMONIE MUTUELLE REMBT"));
        drafts.add(card(LocalDate.of(2025, 4, 1), "-25.00", "DR DURAND ANNE"));
        drafts.add(card(LocalDate.of(2025, 4, 3), "-25.00", "DR DURAND ANNE"));
        drafts.add(line(LocalDate.of(2025, 4, 10), "31.00", "VIR CPAM RHONE REMBOURSEMENT SOINS"));
        drafts.add(line(LocalDate.of(2025, 4, 16), "15.00", "VIR HARMONIE MUTUELLE REMBT"));
        drafts.add(card(LocalDate.of(2025, 5, 2), "-40.00", "KINE CABINET BELLECOUR"));
        drafts.add(card(LocalDate.of(2025, 5, 20), "-12.30", "PHARMACIE DU PONT"));
        drafts.add(line(LocalDate.of(2025, 5, 22), "30.00", "VIR DECATHLON REMBOURSEMENT"));
        drafts.add(card(LocalDate.of(2025, 6, 20), "-60.00", "CABINET DENTAIRE DU RHONE"));
        drafts.add(line(LocalDate.of(2025, 6, 25), "-20.00", "CB CARREFOUR CITY"));
        return drafts;
    }

    private HealthAct act(LocalDate day) {
        return health.report(vault.camille(), HALF_YEAR).acts().stream().filter(act -> act.day().equals(day)).findFirst()
                .orElseThrow();
    }

    private RecordId id(String label, String amount) {
        try (Stream<StoredRecord> records = Gate.over(vault.vault()).records(new Accessor.Owner(vault.camille().id()),
                RecordQuery.ofType(RecordType.BANK_TRANSACTION))) {
            return records.filter(record -> record.payload() instanceof BankTransaction line && line.label().equals(label)
                    && line.amount().compareTo(new BigDecimal(amount)) == 0).map(StoredRecord::id).findFirst().orElseThrow();
        }
    }

    private void write(List<RecordDraft> drafts) {
        vault.vault().imports().write(vault.camille().id(), new ImportRequest(BANK, "ofx", "releve.ofx"), drafts.stream());
    }

    /** A card payment as French banks print it: the day it was made in its label, booked the next day. */
    private RecordDraft card(LocalDate day, String amount, String merchant) {
        String label = "CB " + merchant + " " + String.format("%02d/%02d", day.getDayOfMonth(), day.getMonthValue());
        return draft(day.plusDays(1), Optional.of(day), amount, label);
    }

    private RecordDraft line(LocalDate day, String amount, String label) {
        return draft(day, Optional.empty(), amount, label);
    }

    private RecordDraft draft(LocalDate booked, Optional<LocalDate> used, String amount, String label) {
        return RecordDraft.of(TimeSpan.day(booked, TestVaults.PARIS), new BankTransaction("111", booked, used,
                new BigDecimal(amount), "EUR", label, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()), Position.line(lines.incrementAndGet()));
    }
}
