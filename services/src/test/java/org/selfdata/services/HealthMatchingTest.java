package org.selfdata.services;

import org.junit.jupiter.api.Test;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matching rule on payments and credits made by hand, without a vault: which payment a credit goes to, and when
 * it goes to none.
 */
class HealthMatchingTest {
    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);
    private final AtomicLong sequence = new AtomicLong();
    private final List<HealthMatching.Payment> payments = new ArrayList<>();
    private final List<HealthReport.Credit> credits = new ArrayList<>();

    @Test
    void aNationalCreditOfTheWholePaymentIsALongIllnessPaidInFull() {
        pay(0, HealthKind.DOCTOR, "30.00");
        credit(6, HealthInsurer.NATIONAL, "30.00");

        HealthAct visit = acts(20).getFirst();

        assertThat(visit.national()).get().satisfies(national -> assertThat(national.amount()).isEqualByComparingTo("30.00"));
        assertThat(visit.remaining()).isEqualByComparingTo("0.00");
        assertThat(visit.status()).isEqualTo(HealthAct.Status.REIMBURSED);
    }

    @Test
    void twoAlikeVisitsArePaidBackOldestFirst() {
        pay(0, HealthKind.DOCTOR, "30.00");
        pay(2, HealthKind.DOCTOR, "30.00");
        credit(7, HealthInsurer.NATIONAL, "19.00");

        List<HealthAct> acts = acts(8);

        assertThat(acts.get(0).national()).isPresent();
        assertThat(acts.get(1).national()).isEmpty();
        assertThat(acts.get(1).waiting().orElseThrow().days()).isEqualTo(6);
    }

    @Test
    void aCreditGoesToThePaymentWhoseUsualPartItIsNearestRatherThanToTheOldest() {
        pay(0, HealthKind.DENTIST, "50.00");
        pay(1, HealthKind.DOCTOR, "30.00");
        credit(7, HealthInsurer.NATIONAL, "19.00");

        List<HealthAct> acts = acts(8);

        assertThat(acts.get(0).national()).as("70 % of 50.00 less 2.00 is 33.00, far from 19.00").isEmpty();
        assertThat(acts.get(1).national()).get()
                .satisfies(national -> assertThat(national.amount()).isEqualByComparingTo("19.00"));
    }

    @Test
    void theMutualPayingBeforeTheNationalInsuranceIsMatchedButSaidUnsure() {
        pay(0, HealthKind.DOCTOR, "30.00");
        credit(5, HealthInsurer.MUTUAL, "9.00");

        HealthAct visit = acts(6).getFirst();

        assertThat(visit.mutual()).isPresent();
        assertThat(visit.status()).isEqualTo(HealthAct.Status.PARTLY);
        assertThat(visit.waiting().orElseThrow().from()).containsExactly(HealthInsurer.NATIONAL);
        assertThat(visit.confidence()).contains(HealthAct.Confidence.LOW);
    }

    @Test
    void aCreditMoreThanSixtyDaysAfterIsMatchedToNothingAndThePaymentIsNoLongerAwaited() {
        pay(0, HealthKind.DOCTOR, "30.00");
        credit(61, HealthInsurer.NATIONAL, "19.00");
        HealthMatching matching = new HealthMatching(payments).match(credits);

        HealthAct visit = matching.acts(MONDAY.plusDays(70), false, matching.usual()).getFirst();

        assertThat(matching.unmatched()).hasSize(1);
        assertThat(visit.waiting().orElseThrow().givenUp()).isTrue();
        assertThat(visit.waiting().orElseThrow().longerThanUsual()).isTrue();
    }

    @Test
    void aMutualNeverPaysMoreThanTheNationalInsuranceLeft() {
        pay(0, HealthKind.DOCTOR, "30.00");
        credit(6, HealthInsurer.NATIONAL, "19.00");
        credit(10, HealthInsurer.MUTUAL, "12.00");
        HealthMatching matching = new HealthMatching(payments).match(credits);

        assertThat(matching.acts(MONDAY.plusDays(11), true, matching.usual()).getFirst().mutual()).isEmpty();
        assertThat(matching.unmatched()).extracting(HealthReport.Credit::amount).containsExactly(new BigDecimal("12.00"));
    }

    private List<HealthAct> acts(int asOf) {
        HealthMatching matching = new HealthMatching(payments).match(credits);
        return matching.acts(MONDAY.plusDays(asOf), false, matching.usual());
    }

    private void pay(int day, HealthKind kind, String amount) {
        payments.add(new HealthMatching.Payment(id(), MONDAY.plusDays(day), kind.term(), kind, new BigDecimal(amount)));
    }

    private void credit(int day, HealthInsurer insurer, String amount) {
        credits.add(new HealthReport.Credit(id(), MONDAY.plusDays(day), insurer.term(), insurer, new BigDecimal(amount)));
    }

    private RecordId id() {
        return new RecordId(RecordType.BANK_TRANSACTION, 1_740_960_000_000L, sequence.incrementAndGet());
    }
}
