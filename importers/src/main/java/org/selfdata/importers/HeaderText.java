package org.selfdata.importers;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compares column headers the way a person reads them: {@code Libellé}, {@code LIBELLE} and {@code  libelle } are
 * one column. Banks drop accents in some exports and not in others, and change case between versions.
 */
final class HeaderText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SPACES = Pattern.compile("[\\s\u00A0\u202F]+");

    private HeaderText() {}

    static String normalize(String header) {
        String decomposed = Normalizer.normalize(header.replace('\u2019', '\''), Normalizer.Form.NFD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    /** A word from a mapping file fit to quote back in a message: short, without control characters. */
    static String quotable(String word) {
        String shortened = word.length() > 64 ? word.substring(0, 64) + "…" : word;
        return "'" + shortened.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
