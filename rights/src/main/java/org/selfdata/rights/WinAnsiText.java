package org.selfdata.rights;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;

/**
 * Text as the PDF's standard fonts can write it. The fourteen standard fonts are not embedded, which keeps a letter to
 * a few kilobytes, but they write only the characters of WinAnsiEncoding (Windows-1252): all of French, œ, «, », ’
 * and the dashes included. Other characters are folded where the letter keeps its meaning (spaces of other widths
 * become a no-break space, other hyphens a hyphen, a letter with a mark unknown to the font its base letter, as a
 * postal address is written); a character with no such equivalent (a letter of another script) is reported, never
 * dropped nor replaced by a question mark in a legal letter.
 */
final class WinAnsiText {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Map<Character, String> EQUIVALENTS = Map.ofEntries(
            Map.entry('\u202f', "\u00a0"), Map.entry('\u2007', "\u00a0"), Map.entry('\u2009', "\u00a0"),
            Map.entry('\u2002', " "), Map.entry('\u2003', " "), Map.entry('\u2008', " "), Map.entry('\u200a', "\u00a0"),
            Map.entry('\t', " "), Map.entry('\u2010', "-"), Map.entry('\u2011', "-"), Map.entry('\u2012', "\u2013"),
            Map.entry('\u2212', "-"), Map.entry('\u2032', "'"), Map.entry('\u2033', "\""), Map.entry('\u00ad', ""),
            Map.entry('\u200b', ""), Map.entry('\u200c', ""), Map.entry('\u200d', ""), Map.entry('\ufeff', ""),
            Map.entry('\u0141', "L"), Map.entry('\u0142', "l"), Map.entry('\u0110', "D"), Map.entry('\u0111', "d"),
            Map.entry('\u0131', "i"), Map.entry('\u0126', "H"), Map.entry('\u0127', "h"), Map.entry('\u2044', "/"));

    private WinAnsiText() {}

    /** The text in characters the standard fonts write, or none if one of its characters has no equivalent. */
    static Optional<String> fold(String text) {
        CharsetEncoder encoder = WINDOWS_1252.newEncoder();
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder folded = new StringBuilder(composed.length());
        for (int index = 0; index < composed.length(); index++) {
            char character = composed.charAt(index);
            String equivalent = EQUIVALENTS.get(character);
            if (equivalent != null) {
                folded.append(equivalent);
            }
            else if (encoder.canEncode(character) && !Character.isISOControl(character)) {
                folded.append(character);
            }
            else {
                Optional<String> base = baseLetter(character, encoder);
                if (base.isEmpty()) {
                    return Optional.empty();
                }
                folded.append(base.orElseThrow());
            }
        }
        return Optional.of(folded.toString());
    }

    /** A letter without the marks the font does not know: "ř" is written "r", "ő" is written "o". */
    private static Optional<String> baseLetter(char character, CharsetEncoder encoder) {
        String base = Normalizer.normalize(String.valueOf(character), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return base.isEmpty() || !encoder.canEncode(base) ? Optional.empty() : Optional.of(base);
    }
}
