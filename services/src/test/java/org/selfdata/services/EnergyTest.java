package org.selfdata.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.gate.Gate;
import org.selfdata.model.EnergyReading;
import org.selfdata.model.ErrorCode;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hand-made readings of three meters. PRM1: average power of 1,000 W over four half-hours from 23:00 on 31 January 2025
 * in Paris, 0.5 kWh each, two in January and two in February, with two indexes 100 kWh apart that its curve makes
 * redundant. PRM2: indexes at midnight on 1, 2, 3 and 5 March (1,000,000, 1,012,000, 1,020,000 and 1,040,000 Wh). PRM3:
 * 250 Wh every half-hour of 30 March, the day the clocks go forward, which has 23 hours.
 */
class EnergyTest {
    private static final SourceDescriptor METERS = SourceDescriptor.file("Enedis", "compteurs");

    @RegisterExtension
    final VaultWithCamille vault = new VaultWithCamille(Engine.SQLITE);
    private final Energy energy = new Energy(Gate.over(vault.vault()));
    private final List<RecordDraft> drafts = new ArrayList<>();

    EnergyTest() {
        Instant lateOnJanuary31 = Instant.parse("2025-01-31T22:00:00Z");
        for (int half = 0; half < 4; half++) {
            Instant start = lateOnJanuary31.plus(Duration.ofMinutes(30L * half));
            reading("PRM1", EnergyReading.Quantity.POWER, "1000", TimeSpan.between(start, start.plus(Duration.ofMinutes(30))));
        }
        reading("PRM1", EnergyReading.Quantity.INDEX, "5000000", TimeSpan.at(midnight("2025-02-01")));
        reading("PRM1", EnergyReading.Quantity.INDEX, "5100000", TimeSpan.at(midnight("2025-02-02")));
        reading("PRM2", EnergyReading.Quantity.INDEX, "1000000", TimeSpan.at(midnight("2025-03-01")));
        reading("PRM2", EnergyReading.Quantity.INDEX, "1012000", TimeSpan.at(midnight("2025-03-02")));
        reading("PRM2", EnergyReading.Quantity.INDEX, "1020000", TimeSpan.at(midnight("2025-03-03")));
        reading("PRM2", EnergyReading.Quantity.INDEX, "1040000", TimeSpan.at(midnight("2025-03-05")));
        Instant end = midnight("2025-03-31");
        for (Instant start = midnight("2025-03-30"); start.isBefore(end); start = start.plus(Duration.ofMinutes(30))) {
            reading("PRM3", EnergyReading.Quantity.ENERGY, "250", TimeSpan.between(start, start.plus(Duration.ofMinutes(30))));
        }
        vault.vault().imports().write(vault.camille().id(), new ImportRequest(METERS, "linky", "mesures.csv"), drafts.stream());
    }

    @Test
    void averagePowerOverHalfHoursIsEnergyInTheMonthOfTheParisCalendar() {
        EnergySeries months = energy.series(vault.camille(), midnight("2025-01-01"), midnight("2025-03-01"), EnergyStep.MONTH);

        assertThat(months.points()).containsExactly(
                new EnergySeries.Point(midnight("2025-01-01"), midnight("2025-02-01"), 1.0),
                new EnergySeries.Point(midnight("2025-02-01"), midnight("2025-03-01"), 1.0));
        assertThat(months.kilowattHours()).isEqualTo(2.0);
    }

    @Test
    void indexesGiveTheDifferenceBetweenTwoReadingsSharedOverTheDaysBetweenThem() {
        EnergySeries days = energy.series(vault.camille(), midnight("2025-03-01"), midnight("2025-03-05"), EnergyStep.DAY);

        assertThat(days.points()).extracting(EnergySeries.Point::kilowattHours).containsExactly(12.0, 8.0, 10.0, 10.0);
        assertThat(days.kilowattHours()).isEqualTo(40.0);
    }

    @Test
    void weeksBeginOnMondayAndThePeriodsEdgesCutTheFirstAndLastWeek() {
        EnergySeries weeks = energy.series(vault.camille(), midnight("2025-03-01"), midnight("2025-03-05"), EnergyStep.WEEK);

        assertThat(weeks.points()).containsExactly(
                new EnergySeries.Point(midnight("2025-03-01"), midnight("2025-03-03"), 20.0),
                new EnergySeries.Point(midnight("2025-03-03"), midnight("2025-03-05"), 20.0));
    }

    @Test
    void theDayTheClocksGoForwardHasTwentyThreeHours() {
        EnergySeries hours = energy.series(vault.camille(), midnight("2025-03-30"), midnight("2025-03-31"), EnergyStep.HOUR);
        EnergySeries day = energy.series(vault.camille(), midnight("2025-03-30"), midnight("2025-03-31"), EnergyStep.DAY);

        assertThat(hours.points()).hasSize(23).allSatisfy(point -> assertThat(point.kilowattHours()).isEqualTo(0.5));
        assertThat(day.points()).extracting(EnergySeries.Point::kilowattHours).containsExactly(11.5);
    }

    @Test
    void theRawCurveIsTheHalfHoursAsTheMeterGaveThem() {
        EnergySeries raw = energy.series(vault.camille(), midnight("2025-03-30"), midnight("2025-03-31"), EnergyStep.RAW);

        assertThat(raw.points()).hasSize(46).allSatisfy(point -> assertThat(point.kilowattHours()).isEqualTo(0.25));
        assertThat(raw.points().getFirst()).isEqualTo(new EnergySeries.Point(Instant.parse("2025-03-29T23:00:00Z"),
                Instant.parse("2025-03-29T23:30:00Z"), 0.25));
        assertThat(raw.kilowattHours()).isEqualTo(11.5);
    }

    @Test
    void aLongRangeIsRefusedTheRawCurveOrTooManyPoints() {
        assertThatThrownBy(() -> energy.series(vault.camille(), midnight("2025-01-01"), midnight("2025-02-02"), EnergyStep.RAW))
                .isInstanceOf(SelfdataException.class).hasMessageContaining("at most 31 days");
        assertThatThrownBy(() -> energy.series(vault.camille(), midnight("2025-01-01"), midnight("2025-12-01"), EnergyStep.HOUR))
                .isInstanceOf(SelfdataException.class).hasMessageContaining("at most 1500 points");
    }

    @Test
    void aPeriodOutsideTheYears0000To9999IsRefusedBeforeAnyArithmetic() {
        Instant far = Instant.parse("+999999999-12-31T23:59:59Z");

        assertThatThrownBy(() -> energy.series(vault.camille(), midnight("2025-01-01"), far, EnergyStep.MONTH))
                .isInstanceOf(SelfdataException.class).hasMessage("the period's end must be in the years 0000 to 9999")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThatThrownBy(() -> energy.comparison(vault.camille(), midnight("2025-01-01"), midnight("2025-02-01"),
                Instant.parse("-999999999-01-01T00:00:00Z"), midnight("2024-02-01"), EnergyStep.DAY))
                .isInstanceOf(SelfdataException.class).hasMessage("the period's start must be in the years 0000 to 9999");
    }

    @Test
    void aPeriodIsComparedPointByPointFromEachStart() {
        EnergyComparison comparison = energy.comparison(vault.camille(), midnight("2025-03-02"), midnight("2025-03-04"),
                midnight("2025-03-01"), midnight("2025-03-03"), EnergyStep.DAY);

        assertThat(comparison.period().points()).extracting(EnergySeries.Point::kilowattHours).containsExactly(8.0, 10.0);
        assertThat(comparison.against().points()).extracting(EnergySeries.Point::kilowattHours).containsExactly(12.0, 8.0);
        assertThat(comparison.changePercent()).hasValue(-10.0);
    }

    @Test
    void thereIsNoChangeToTellAgainstAPeriodWithoutConsumption() {
        EnergyComparison comparison = energy.comparison(vault.camille(), midnight("2025-03-02"), midnight("2025-03-04"),
                midnight("2024-06-01"), midnight("2024-06-03"), EnergyStep.DAY);

        assertThat(comparison.against().kilowattHours()).isZero();
        assertThat(comparison.changePercent()).isEmpty();
    }

    private static Instant midnight(String day) {
        return LocalDate.parse(day).atStartOfDay(TestVaults.PARIS).toInstant();
    }

    private void reading(String meter, EnergyReading.Quantity quantity, String value, TimeSpan time) {
        drafts.add(RecordDraft.of(time, new EnergyReading(meter, quantity, new BigDecimal(value),
                quantity == EnergyReading.Quantity.INDEX ? Optional.empty() : Optional.of(30), Optional.empty()),
                Position.line(drafts.size() + 1)));
    }
}
