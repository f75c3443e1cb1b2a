package org.selfdata.rights;

import org.selfdata.texts.Wording;

import java.time.LocalDate;

/**
 * A day as a person reads it, "Monday 2 March 2026" or "lundi 2 mars 2026", rather than an ISO date: a deadline's
 * weekday matters to whoever must meet it.
 */
public final class DayWording {
    private DayWording() {
    }

    public static Wording of(LocalDate day) {
        String weekday = "rights.weekday." + day.getDayOfWeek().getValue();
        String month = "rights.month." + day.getMonthValue();
        return Wording.of("rights.day", Wording.of(weekday), day.getDayOfMonth(), Wording.of(month),
                String.valueOf(day.getYear()));
    }
}
