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
import org.selfdata.services.EnergyBill;
import org.selfdata.services.EnergyCosts;
import org.selfdata.services.Recurring;
import org.selfdata.services.TariffOption;
import org.selfdata.services.TariffTable;
import org.selfdata.services.TempoColour;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo person's last year of load curve priced with the shipped tariffs, against what {@link LoadCurveWriter} draws:
 * her water heater runs from 01:00 to 05:00 and her convectors more at night, so over a third of her energy falls in
 * off-peak hours, past the 29 % at which off-peak's cheaper night pays for its dearer day; most of it falls on blue Tempo
 * days, dearer than base at no hour, and her winter heating, even when red days are put on her heaviest weekdays, is too
 * little to undo that. Her supplier takes 38 € a month ({@link BankStatementWriter}), far less than what she uses.
 */
class DemoEnergyBillTest {
    @TempDir
    static Path folder;
    private static Vault vault;
    private static EnergyCosts costs;

    @BeforeAll
    static void importHerStatementAndLoadCurve() {
        vault = TestVaults.create(Engine.SQLITE, folder.resolve("vault"));
        Person camille = vault.people().create(DemoPerson.HANDLE, DemoPerson.ZONE);
        DemoPerson demo = DemoPerson.generate(2024);
        Path statement = folder.resolve("releve-banque.ofx");
        Path curve = folder.resolve("linky-courbe-de-charge.csv");
        demo.statement(statement);
        demo.loadCurve(curve);
        Intake intake = new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT);
        intake.importPath(camille, statement, ImportMode.STRICT, IntakeListener.NONE);
        intake.importPath(camille, curve, ImportMode.STRICT, IntakeListener.NONE);
        Gate gate = Gate.over(vault);
        costs = new EnergyBill(gate, new Recurring(gate, Clock.systemUTC()), TariffTable::standard)
                .bill(camille, Optional.empty(), Optional.empty());
    }

    @AfterAll
    static void closeTheVault() {
        vault.close();
    }

    @Test
    void herLastYearOfHalfHoursIsSplitIntoPeakAndOffPeakMonthByMonth() {
        assertThat(costs.from()).isEqualTo(DemoPerson.LAST_DAY.minusYears(1).plusDays(1).atStartOfDay(DemoPerson.ZONE)
                .toInstant());
        assertThat(costs.to()).isEqualTo(DemoPerson.LAST_DAY.plusDays(1).atStartOfDay(DemoPerson.ZONE).toInstant());
        assertThat(costs.split()).isTrue();
        assertThat(costs.months()).hasSize(12);
        double used = costs.months().stream().mapToDouble(EnergyCosts.MonthUse::kilowattHours).sum();
        double offPeak = costs.months().stream().mapToDouble(month -> month.offPeakKilowattHours().orElseThrow()).sum();
        assertThat(offPeak / used).isBetween(0.33, 0.45);
        assertThat(costs.months().get(4).kilowattHours()).as("January, with her convectors at their highest")
                .isGreaterThan(2 * costs.months().get(0).kilowattHours());
    }

    @Test
    void tempoWouldHaveCostHerLeastThenOffPeakThenBaseThoughItsRedDaysMakeJanuaryDearest() {
        EnergyCosts.Priced priced = costs.priced().orElseThrow();

        assertThat(priced.assumed()).isTrue();
        assertThat(priced.option()).isEqualTo(TariffOption.BASE);
        assertThat(priced.cheapest()).contains(TariffOption.TEMPO);
        assertThat(priced.totals().get(TariffOption.TEMPO)).isLessThan(priced.totals().get(TariffOption.OFF_PEAK));
        assertThat(priced.totals().get(TariffOption.OFF_PEAK)).isLessThan(priced.totals().get(TariffOption.BASE));
        assertThat(priced.tempoDays()).containsOnly(Map.entry(TempoColour.BLUE, 300), Map.entry(TempoColour.WHITE, 43),
                Map.entry(TempoColour.RED, 22));
        EnergyCosts.MonthCost january = priced.months().get(4);
        assertThat(january.month()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(january.costs().get(TariffOption.TEMPO)).isGreaterThan(january.costs().get(TariffOption.BASE));
    }

    @Test
    void herThirtyEightEurosAMonthToEdfLeaveMostOfHerYearToPayAtTheSettlement() {
        assertThat(costs.instalments()).hasValueSatisfying(instalments -> {
            assertThat(instalments.payee()).isEqualTo("EDF CLIENTS PARTICULIERS");
            assertThat(instalments.monthly()).isEqualByComparingTo("38.00");
            assertThat(instalments.count()).isEqualTo(12);
        });
        EnergyCosts.Priced priced = costs.priced().orElseThrow();
        assertThat(priced.settlement()).hasValueSatisfying(settlement -> {
            assertThat(settlement.cost()).isEqualByComparingTo(priced.totals().get(TariffOption.BASE));
            assertThat(settlement.instalments()).isEqualByComparingTo("456.00");
            assertThat(settlement.balance()).isEqualByComparingTo(settlement.cost().subtract(new BigDecimal("456.00")))
                    .isGreaterThan(new BigDecimal("300"));
        });
    }
}
