package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The public holidays a person's deadlines are counted with, chosen by where they live. Alsace-Moselle (Moselle,
 * Bas-Rhin, Haut-Rhin) keeps two more days under its local law (Code du travail, art. L3134-13): Good Friday and
 * 26 December. The overseas départements' own days (the abolition of slavery, among others) are not kept: a person
 * living there counts with metropolitan France's days, which can only make a deadline one working day early.
 */
public enum HolidayRegion {
    METROPOLITAN_FRANCE,
    ALSACE_MOSELLE;

    private static final Set<String> ALSACE_MOSELLE_DEPARTMENTS = Set.of("57", "67", "68");
    private static final Pattern DEPARTMENT = Pattern.compile("(0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-6])");

    /**
     * The region of a French département, by its code as INSEE writes it ("01" to "95", "2A", "2B", "971" to
     * "976").
     */
    public static HolidayRegion ofDepartment(String code) {
        requireNonNull(code, "code is null");
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        if (!DEPARTMENT.matcher(normalized).matches()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.deadlines.department"));
        }
        return ALSACE_MOSELLE_DEPARTMENTS.contains(normalized) ? ALSACE_MOSELLE : METROPOLITAN_FRANCE;
    }

    /** The name used in the API and on the command line: lower case, words joined by hyphens. */
    public String term() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The region's name, said in the reader's language. */
    public Wording wording() {
        String key = "rights.holidayRegion." + term();
        return Wording.of(key);
    }
}
