package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.selfdata.texts.Language;
import org.selfdata.texts.Words;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every region, holiday, kind of deadline, weekday and month has words in every language, constant by constant. */
class DeadlineWordsTest {
    private static final LocalDate DUE = LocalDate.of(2026, 3, 2);

    @Test
    void everyRegionHolidayAndKindOfDeadlineIsSaidInEveryLanguage() {
        for (Language language : Language.values()) {
            Words words = Words.of(language);
            for (HolidayRegion region : HolidayRegion.values()) {
                assertThat(words.say(region.wording())).as("%s in %s", region, language).isNotBlank();
            }
            for (PublicHoliday holiday : PublicHoliday.values()) {
                assertThat(words.say(holiday.wording())).as("%s in %s", holiday, language).isNotBlank();
            }
            for (DeadlineKind kind : DeadlineKind.values()) {
                assertThat(words.say(kind.wording())).as("%s in %s", kind, language).isNotBlank();
            }
        }
    }

    @Test
    void everyKindOfDeadlineSaysItsDayBothDueAndOverdue() {
        for (DeadlineKind kind : DeadlineKind.values()) {
            for (LocalDate today : List.of(DUE.minusDays(1), DUE.plusDays(7))) {
                DeadlineStatus status = new DeadlineStatus(kind, DUE, today, List.of());
                assertThat(Words.of(Language.ENGLISH).say(status.summary())).as("%s on %s", kind, today)
                        .contains("Monday 2 March 2026");
                assertThat(Words.of(Language.FRENCH).say(status.summary())).as("%s on %s", kind, today)
                        .contains("lundi 2 mars 2026");
            }
        }
    }

    @Test
    void everyWeekdayAndMonthIsNamedInEveryLanguage() {
        for (LocalDate day = LocalDate.of(2026, 1, 5); day.isBefore(LocalDate.of(2026, 1, 12)); day = day.plusDays(1)) {
            assertThat(Words.of(Language.ENGLISH).say(DayWording.of(day)))
                    .startsWith(day.getDayOfWeek().getDisplayName(TextStyle.FULL, Language.ENGLISH.locale()) + " ");
            assertThat(Words.of(Language.FRENCH).say(DayWording.of(day)))
                    .startsWith(day.getDayOfWeek().getDisplayName(TextStyle.FULL, Language.FRENCH.locale()) + " ");
        }
        for (Month month : Month.values()) {
            LocalDate first = LocalDate.of(2026, month, 1);
            assertThat(Words.of(Language.ENGLISH).say(DayWording.of(first)))
                    .endsWith(" 1 " + month.getDisplayName(TextStyle.FULL, Language.ENGLISH.locale()) + " 2026");
            assertThat(Words.of(Language.FRENCH).say(DayWording.of(first)))
                    .endsWith(" 1er " + month.getDisplayName(TextStyle.FULL, Language.FRENCH.locale()) + " 2026");
        }
    }
}
