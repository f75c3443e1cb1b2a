package org.selfdata.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.gate.Gate;
import org.selfdata.importers.Importers;
import org.selfdata.intake.ImportMode;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.intake.IntakeListener;
import org.selfdata.model.Person;
import org.selfdata.services.Recurring;
import org.selfdata.services.RecurringFlow;
import org.selfdata.services.RecurringFlows;
import org.selfdata.services.RecurringPeriod;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The recurring payments and income found in the demo person's two years of bank lines, checked against what the
 * generator pays and gives her every month ({@link BankStatementWriter}'s {@code monthly}): each is found with its
 * period and amounts, her phone plan's rise, her yearly insurance, the gym, the weekly top-ups of her student-restaurant
 * card during the last term, and nothing among her daily spending.
 */
class DemoRecurringTest {
    @TempDir
    static Path folder;
    private static Vault vault;
    private static RecurringFlows found;

    @BeforeAll
    static void importTheDemoStatement() {
        vault = TestVaults.create(Engine.SQLITE, folder.resolve("vault"));
        Person camille = vault.people().create(DemoPerson.HANDLE, DemoPerson.ZONE);
        Path statement = folder.resolve("releve-banque.ofx");
        DemoPerson.generate(2024).statement(statement);
        new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT)
                .importPath(camille, statement, ImportMode.STRICT, IntakeListener.NONE);
        found = new Recurring(Gate.over(vault), Clock.systemUTC()).flows(camille);
    }

    @AfterAll
    static void closeTheVault() {
        vault.close();
    }

    @Test
    void everyBillSubscriptionAndIncomeTheGeneratorGivesHerIsFoundAndNothingElse() {
        assertThat(found.asOf()).isEqualTo(DemoPerson.LAST_DAY);
        assertThat(found.enoughHistory()).isTrue();
        assertThat(found.flows()).extracting(RecurringFlow::payee, RecurringFlow::income, RecurringFlow::period)
                .containsExactlyInAnyOrder(
                        tuple("FONCIA LYON LOYER", false, RecurringPeriod.MONTHLY),
                        tuple("EDF CLIENTS PARTICULIERS", false, RecurringPeriod.MONTHLY),
                        tuple("FITNESS PARK LYON", false, RecurringPeriod.MONTHLY),
                        tuple("TCL SYTRAL ABONNEMENT", false, RecurringPeriod.MONTHLY),
                        tuple("HARMONIE MUTUELLE", false, RecurringPeriod.MONTHLY),
                        tuple("FREE MOBILE", false, RecurringPeriod.MONTHLY),
                        tuple("NETFLIX.COM", false, RecurringPeriod.MONTHLY),
                        tuple("SPOTIFY", false, RecurringPeriod.MONTHLY),
                        tuple("MAIF ASSURANCE HABITATION", false, RecurringPeriod.YEARLY),
                        tuple("SALAIRE LIBRAIRIE DES CANUTS", true, RecurringPeriod.MONTHLY),
                        tuple("M OU MME MARTIN PHILIPPE", true, RecurringPeriod.MONTHLY),
                        tuple("DRFIP BOURSE CROUS", true, RecurringPeriod.MONTHLY),
                        tuple("CAF DU RHONE APL", true, RecurringPeriod.MONTHLY),
                        tuple("IZLY RECHARGEMENT", false, RecurringPeriod.WEEKLY));
        assertThat(found.flows()).filteredOn(flow -> !flow.payee().equals("IZLY RECHARGEMENT"))
                .allMatch(flow -> flow.status() == RecurringFlow.Status.EXPECTED);
    }

    @Test
    void theTopUpsOfHerStudentRestaurantCardEachMondayOfLecturesStopWithTheTermAndLookEnded() {
        RecurringFlow izly = flow("IZLY RECHARGEMENT");

        assertThat(izly.period()).isEqualTo(RecurringPeriod.WEEKLY);
        assertThat(izly.status()).isEqualTo(RecurringFlow.Status.ENDED);
        assertThat(izly.last()).isBetween(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 30));
        assertThat(izly.occurrences()).first().satisfies(first -> assertThat(first.day()).isAfter(LocalDate.of(2026, 1, 1)));
        assertThat(izly.lowest()).isEqualByComparingTo("10.00");
        assertThat(izly.highest()).isEqualByComparingTo("30.00");
    }

    @Test
    void fixedBillsHaveTheirPriceAndVaryingIncomeItsRange() {
        assertThat(flow("FONCIA LYON LOYER")).satisfies(rent -> {
            assertThat(rent.typical()).isEqualByComparingTo("480.00");
            assertThat(rent.lowest()).isEqualByComparingTo("480.00");
            assertThat(rent.highest()).isEqualByComparingTo("480.00");
            assertThat(rent.next()).isEqualTo(LocalDate.of(2026, 9, 5));
            assertThat(rent.occurrences()).hasSize(24);
            assertThat(rent.confidence().level()).isEqualTo(RecurringFlow.Confidence.Level.HIGH);
        });
        assertThat(flow("SALAIRE LIBRAIRIE DES CANUTS")).satisfies(pay -> {
            assertThat(pay.lowest()).isGreaterThanOrEqualTo(new BigDecimal("580.00"));
            assertThat(pay.highest()).isLessThanOrEqualTo(new BigDecimal("725.00"));
            assertThat(pay.typical()).isBetween(pay.lowest(), pay.highest());
            assertThat(pay.next()).isEqualTo(LocalDate.of(2026, 9, 28));
        });
        assertThat(flow("CAF DU RHONE APL")).satisfies(aid -> {
            assertThat(aid.lowest()).isGreaterThanOrEqualTo(new BigDecimal("196.00"));
            assertThat(aid.highest()).isLessThanOrEqualTo(new BigDecimal("198.00"));
        });
        assertThat(flow("M OU MME MARTIN PHILIPPE").typical()).as("the 800.00 she was given to open the account is no part of it")
                .isEqualByComparingTo("350.00");
    }

    @Test
    void herPhonePlanWentFromNineNinetyNineToTwelveNinetyNineInMarch2025AndCallsAbroadWidenItsRange() {
        RecurringFlow phone = flow("FREE MOBILE");

        assertThat(phone.priceChanges()).extracting(RecurringFlow.PriceChange::from, RecurringFlow.PriceChange::before,
                RecurringFlow.PriceChange::after)
                .containsExactly(tuple(LocalDate.of(2025, 3, 8), new BigDecimal("9.99"), new BigDecimal("12.99")));
        assertThat(phone.typical()).isEqualByComparingTo("12.99");
        assertThat(phone.lowest()).isEqualByComparingTo("12.99");
        assertThat(phone.highest()).isGreaterThan(new BigDecimal("12.99")).isLessThanOrEqualTo(new BigDecimal("18.98"));
    }

    @Test
    void herHomeInsuranceIsPaidEachOctoberAndExpectedNextOctoberFromTwoPaymentsOnly() {
        RecurringFlow insurance = flow("MAIF ASSURANCE HABITATION");

        assertThat(insurance.occurrences()).extracting(RecurringFlow.Occurrence::day)
                .containsExactly(LocalDate.of(2024, 10, 14), LocalDate.of(2025, 10, 14));
        assertThat(insurance.typical()).isEqualByComparingTo("116.18");
        assertThat(insurance.next()).isEqualTo(LocalDate.of(2026, 10, 14));
        assertThat(insurance.confidence().level()).isEqualTo(RecurringFlow.Confidence.Level.MEDIUM);
    }

    @Test
    void herGrantPausesInJulyAndAugustAndIsExpectedBackInSeptemberRatherThanEnded() {
        RecurringFlow grant = flow("DRFIP BOURSE CROUS");

        assertThat(grant.pausedMonths()).isEqualTo(Set.of(Month.JULY, Month.AUGUST));
        assertThat(grant.next()).isEqualTo(LocalDate.of(2026, 9, 6));
        assertThat(grant.typical()).isEqualByComparingTo("297.50");
    }

    @Test
    void theGymSheNeverGoesToTakesItsFeeEveryMonth() {
        RecurringFlow gym = flow("FITNESS PARK LYON");

        assertThat(gym.typical()).isEqualByComparingTo("29.95");
        assertThat(gym.occurrences()).hasSize(24);
        assertThat(gym.next()).isEqualTo(LocalDate.of(2026, 9, 3));
    }

    private static RecurringFlow flow(String payee) {
        return found.flows().stream().filter(flow -> flow.payee().equals(payee)).findFirst().orElseThrow();
    }
}
