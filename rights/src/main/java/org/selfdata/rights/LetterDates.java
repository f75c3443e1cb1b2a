package org.selfdata.rights;

import org.selfdata.texts.Language;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Dates as a letter writes them, in its language: "5 December 2026", "5 décembre 2026", and "1er décembre 2026",
 * since French writes the first day of a month as an ordinal.
 */
public final class LetterDates {
    private LetterDates() {}

    public static String say(LocalDate date, Language language) {
        String monthAndYear = DateTimeFormatter.ofPattern("MMMM uuuu", language.locale()).format(date);
        String day = switch (language) {
            case FRENCH -> date.getDayOfMonth() == 1 ? "1er" : Integer.toString(date.getDayOfMonth());
            case ENGLISH -> Integer.toString(date.getDayOfMonth());
        };
        return day + " " + monthAndYear;
    }
}
