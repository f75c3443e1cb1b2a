package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class HolidayCalendarTest {
    private static final HolidayCalendar METROPOLITAN = new HolidayCalendar(HolidayRegion.METROPOLITAN_FRANCE);
    private static final HolidayCalendar ALSACE_MOSELLE = new HolidayCalendar(HolidayRegion.ALSACE_MOSELLE);

    /** Easter Sundays as published in the Church's tables, including the earliest (22 March) and latest (25 April). */
    @ParameterizedTest(name = "Easter {0}")
    @CsvSource({
        "1583-04-10", "1818-03-22", "1900-04-15", "1943-04-25", "1954-04-18", "1961-04-02",
        "1990-04-15", "1991-03-31", "1992-04-19", "1993-04-11", "1994-04-03", "1995-04-16", "1996-04-07",
        "1997-03-30", "1998-04-12", "1999-04-04", "2000-04-23", "2001-04-15", "2002-03-31", "2003-04-20",
        "2004-04-11", "2005-03-27", "2006-04-16", "2007-04-08", "2008-03-23", "2009-04-12", "2010-04-04",
        "2011-04-24", "2012-04-08", "2013-03-31", "2014-04-20", "2015-04-05", "2016-03-27", "2017-04-16",
        "2018-04-01", "2019-04-21", "2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09", "2024-03-31",
        "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01", "2030-04-21", "2031-04-13",
        "2032-03-28", "2033-04-17", "2034-04-09", "2035-03-25", "2036-04-13", "2037-04-05", "2038-04-25",
        "2039-04-10", "2040-04-01", "2100-03-28", "2285-03-22"
    })
    void easterFallsOnThePublishedSunday(LocalDate easter) {
        assertThat(HolidayCalendar.easterSunday(easter.getYear())).isEqualTo(easter);
    }

    @Test
    void metropolitanFranceHasTheElevenDaysOfTheLabourCode() {
        assertThat(METROPOLITAN.holidays(2026)).containsExactly(
                entry(LocalDate.of(2026, 1, 1), PublicHoliday.NEW_YEAR),
                entry(LocalDate.of(2026, 4, 6), PublicHoliday.EASTER_MONDAY),
                entry(LocalDate.of(2026, 5, 1), PublicHoliday.LABOUR_DAY),
                entry(LocalDate.of(2026, 5, 8), PublicHoliday.VICTORY_IN_EUROPE),
                entry(LocalDate.of(2026, 5, 14), PublicHoliday.ASCENSION),
                entry(LocalDate.of(2026, 5, 25), PublicHoliday.WHIT_MONDAY),
                entry(LocalDate.of(2026, 7, 14), PublicHoliday.NATIONAL_DAY),
                entry(LocalDate.of(2026, 8, 15), PublicHoliday.ASSUMPTION),
                entry(LocalDate.of(2026, 11, 1), PublicHoliday.ALL_SAINTS),
                entry(LocalDate.of(2026, 11, 11), PublicHoliday.ARMISTICE),
                entry(LocalDate.of(2026, 12, 25), PublicHoliday.CHRISTMAS));
    }

    @Test
    void alsaceMoselleAddsGoodFridayAndSaintStephensDay() {
        Map<LocalDate, PublicHoliday> alsace = ALSACE_MOSELLE.holidays(2026);

        assertThat(alsace).hasSize(13)
                .contains(entry(LocalDate.of(2026, 4, 3), PublicHoliday.GOOD_FRIDAY),
                        entry(LocalDate.of(2026, 12, 26), PublicHoliday.SAINT_STEPHEN))
                .containsAllEntriesOf(METROPOLITAN.holidays(2026));
        assertThat(METROPOLITAN.holiday(LocalDate.of(2026, 4, 3))).isEmpty();
        assertThat(METROPOLITAN.holiday(LocalDate.of(2026, 12, 26))).isEmpty();
    }

    @Test
    void whitMondayIsAPublicHolidayEvenInTheYearsOfTheSolidarityDay() {
        assertThat(METROPOLITAN.holiday(LocalDate.of(2005, 5, 16))).contains(PublicHoliday.WHIT_MONDAY);
        assertThat(METROPOLITAN.holiday(LocalDate.of(2026, 5, 25))).contains(PublicHoliday.WHIT_MONDAY);
    }

    @Test
    void ascensionOnTheFirstOfMayIsNamedLabourDay() {
        assertThat(METROPOLITAN.holiday(LocalDate.of(2008, 5, 1))).contains(PublicHoliday.LABOUR_DAY);
        assertThat(METROPOLITAN.holidays(2008)).hasSize(10);
    }

    @Test
    void aWorkingDayIsNeitherAWeekendDayNorAPublicHoliday() {
        assertThat(METROPOLITAN.isWorkingDay(LocalDate.of(2026, 4, 3))).isTrue();
        assertThat(ALSACE_MOSELLE.isWorkingDay(LocalDate.of(2026, 4, 3))).isFalse();
        assertThat(METROPOLITAN.isWorkingDay(LocalDate.of(2026, 4, 4))).as("a Saturday").isFalse();
        assertThat(METROPOLITAN.isWorkingDay(LocalDate.of(2026, 4, 5))).as("a Sunday").isFalse();
        assertThat(METROPOLITAN.isWorkingDay(LocalDate.of(2026, 4, 6))).as("Easter Monday").isFalse();
        assertThat(METROPOLITAN.isWorkingDay(LocalDate.of(2026, 4, 7))).isTrue();
    }
}
