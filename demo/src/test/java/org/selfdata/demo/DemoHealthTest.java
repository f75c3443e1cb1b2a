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
import org.selfdata.services.Health;
import org.selfdata.services.HealthAct;
import org.selfdata.services.HealthInsurer;
import org.selfdata.services.HealthKind;
import org.selfdata.services.HealthReport;
import org.selfdata.services.MoneyPeriod;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo person's care over her two years, checked against what the generator does ({@link BankStatementWriter}'s
 * {@code health}): each visit to her doctor costs 30.00, the national insurance pays back 20.40 five to eight days
 * later and her mutual 9.00 nine to fourteen days later, leaving her 0.60; the pharmacy she goes to after some visits
 * is paid back by nobody; her mutual takes 14.50 on the 12th of each month.
 */
class DemoHealthTest {
    private static final MoneyPeriod TWO_YEARS = new MoneyPeriod(YearMonth.from(DemoPerson.FIRST_DAY),
            YearMonth.from(DemoPerson.LAST_DAY));
    /** The longest the generator lets her mutual take after a visit. */
    private static final int MUTUAL_AT_THE_LATEST = 14;

    @TempDir
    static Path folder;
    private static Vault vault;
    private static HealthReport report;

    @BeforeAll
    static void importTheDemoStatement() {
        vault = TestVaults.create(Engine.SQLITE, folder.resolve("vault"));
        Person camille = vault.people().create(DemoPerson.HANDLE, DemoPerson.ZONE);
        Path statement = folder.resolve("releve-banque.ofx");
        DemoPerson.generate(2024).statement(statement);
        new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT)
                .importPath(camille, statement, ImportMode.STRICT, IntakeListener.NONE);
        report = new Health(Gate.over(vault)).report(camille, TWO_YEARS);
    }

    @AfterAll
    static void closeTheVault() {
        vault.close();
    }

    @Test
    void everyVisitToHerDoctorIsPaidBackByBothInsurersAndLeavesHerSixtyCents() {
        List<HealthAct> visits = visits().stream()
                .filter(visit -> visit.day().plusDays(MUTUAL_AT_THE_LATEST).isBefore(DemoPerson.LAST_DAY)).toList();

        assertThat(visits).as("about one day in fifty over two years").hasSizeGreaterThan(8);
        assertThat(visits).allSatisfy(visit -> {
            assertThat(visit.paid()).isEqualByComparingTo("30.00");
            assertThat(visit.national()).get().satisfies(national -> {
                assertThat(national.amount()).isEqualByComparingTo("20.40");
                assertThat(national.payee()).isEqualTo("CPAM LYON REMBOURSEMENT SOINS");
                assertThat(national.days()).isBetween(5, 8);
            });
            assertThat(visit.mutual()).get().satisfies(mutual -> {
                assertThat(mutual.amount()).isEqualByComparingTo("9.00");
                assertThat(mutual.payee()).isEqualTo("HARMONIE MUTUELLE REMBT");
                assertThat(mutual.days()).isBetween(9, MUTUAL_AT_THE_LATEST);
            });
            assertThat(visit.remaining()).isEqualByComparingTo("0.60");
            assertThat(visit.status()).isEqualTo(HealthAct.Status.REIMBURSED);
            assertThat(visit.confidence()).contains(HealthAct.Confidence.HIGH);
        });
    }

    @Test
    void aVisitInHerLastDaysAwaitsWhatHasNotComeYetWithoutBeingLate() {
        assertThat(visits()).filteredOn(visit -> visit.status() != HealthAct.Status.REIMBURSED).allSatisfy(visit -> {
            assertThat(visit.day()).isAfter(DemoPerson.LAST_DAY.minusDays(MUTUAL_AT_THE_LATEST + 1));
            assertThat(visit.waiting()).get().satisfies(waiting -> assertThat(waiting.longerThanUsual()).isFalse());
        });
        assertThat(report.asOf()).isEqualTo(DemoPerson.LAST_DAY);
    }

    @Test
    void nothingComesBackForThePharmacyAndThatIsNotCalledLateAsPharmaciesAreUsuallyPaidDirectly() {
        List<HealthAct> pharmacy = report.acts().stream().filter(act -> act.kind() == HealthKind.PHARMACY).toList();

        assertThat(pharmacy).isNotEmpty().allSatisfy(purchase -> {
            assertThat(purchase.payee()).isEqualTo("PHARMACIE DU PONT");
            assertThat(purchase.status()).isEqualTo(HealthAct.Status.NOT_YET);
            assertThat(purchase.remaining()).isEqualByComparingTo(purchase.paid());
            assertThat(purchase.waiting()).get().satisfies(waiting -> assertThat(waiting.longerThanUsual()).isFalse());
        });
        assertThat(report.acts()).extracting(HealthAct::kind).containsOnly(HealthKind.DOCTOR, HealthKind.PHARMACY);
        assertThat(report.unmatched()).isEmpty();
    }

    @Test
    void herOwnDelaysAreTheUsualOnesAndTheYearsPremiumsAreSetAgainstWhatHerMutualPaid() {
        assertThat(report.usual()).satisfiesExactly(
                national -> {
                    assertThat(national.insurer()).isEqualTo(HealthInsurer.NATIONAL);
                    assertThat(national.fromHistory()).isTrue();
                    assertThat(national.days()).isBetween(5, 8);
                },
                mutual -> {
                    assertThat(mutual.insurer()).isEqualTo(HealthInsurer.MUTUAL);
                    assertThat(mutual.fromHistory()).isTrue();
                    assertThat(mutual.days()).isBetween(9, MUTUAL_AT_THE_LATEST);
                });
        HealthReport.Premiums premiums = report.premiums();
        assertThat(premiums.from()).isEqualTo(YearMonth.of(2025, 9));
        assertThat(premiums.payees()).singleElement().satisfies(premium -> {
            assertThat(premium.payee()).isEqualTo("HARMONIE MUTUELLE");
            assertThat(premium.payments()).isEqualTo(12);
            assertThat(premium.total()).isEqualByComparingTo("174.00");
        });
        assertThat(premiums.reimbursed()).isEqualByComparingTo(
                new BigDecimal("9.00").multiply(BigDecimal.valueOf(premiums.reimbursements().size())));
        assertThat(report.enoughHistory()).isTrue();
    }

    private static List<HealthAct> visits() {
        return report.acts().stream().filter(act -> act.kind() == HealthKind.DOCTOR).toList();
    }
}
