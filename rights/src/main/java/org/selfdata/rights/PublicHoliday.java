package org.selfdata.rights;

import org.selfdata.texts.Wording;

import java.util.Locale;

/**
 * A public holiday in France: the eleven of the Code du travail (art. L3133-1) and the two Alsace-Moselle adds (art.
 * L3134-13). Whit Monday stays a public holiday even where it is worked as the "journée de solidarité" (art.
 * L3133-7): the law did not take it off the list.
 */
public enum PublicHoliday {
    NEW_YEAR,
    GOOD_FRIDAY,
    EASTER_MONDAY,
    LABOUR_DAY,
    VICTORY_IN_EUROPE,
    ASCENSION,
    WHIT_MONDAY,
    NATIONAL_DAY,
    ASSUMPTION,
    ALL_SAINTS,
    ARMISTICE,
    CHRISTMAS,
    SAINT_STEPHEN;

    /** The name used in the API: lower case, words joined by hyphens. */
    public String term() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The holiday's name, said in the reader's language. */
    public Wording wording() {
        String key = "rights.holiday." + term();
        return Wording.of(key);
    }
}
