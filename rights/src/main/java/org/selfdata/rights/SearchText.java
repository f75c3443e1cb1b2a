package org.selfdata.rights;

import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text as the directory compares it: without case or accents ("Société" and "societe" are the same word), with the
 * typographic apostrophe and runs of blanks made plain, and web addresses reduced to their host without "www.".
 */
final class SearchText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Legal forms that a company's name may carry or not: "Free SAS" is "Free", "Clearview AI, Inc." is "Clearview AI". */
    private static final Set<String> LEGAL_FORMS = Set.of("ab", "ag", "as", "bv", "co", "company", "corp",
            "corporation", "gmbh", "inc", "kg", "limited", "llc", "ltd", "nv", "oy", "plc", "pty", "sa", "sarl", "sas",
            "sasu", "se", "spa", "srl", "ug");

    private SearchText() {}

    /** Lower case, no accents, one space between words, no blank at either end. */
    static String normalized(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").replace('’', '\'').toLowerCase(Locale.ROOT);
        return BLANKS.matcher(plain).replaceAll(" ").strip();
    }

    /** The name as a key that ignores punctuation and a trailing legal form, to recognize a source's name. */
    static String nameKey(String name) {
        String words = NOT_WORD.matcher(normalized(name).replace(".", "")).replaceAll(" ").strip();
        List<String> kept = new ArrayList<>(List.of(words.split(" ")));
        while (kept.size() > 1 && LEGAL_FORMS.contains(kept.getLast())) {
            kept.removeLast();
        }
        return String.join(" ", kept);
    }

    /** The host of a web address ("https://www.clearview.ai/" gives "clearview.ai"), or of a bare host name. */
    static Optional<String> host(String address) {
        String plain = normalized(address);
        String host;
        if (plain.startsWith("http://") || plain.startsWith("https://")) {
            try {
                host = URI.create(plain).getHost();
            }
            catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        else {
            host = plain.contains("/") ? plain.substring(0, plain.indexOf('/')) : plain;
        }
        if (host == null || host.isEmpty() || host.contains(" ")) {
            return Optional.empty();
        }
        return Optional.of(host.startsWith("www.") ? host.substring("www.".length()) : host);
    }

    /** Whether the query starts a word of the text other than its first: "connect" in "sncf connect". */
    static boolean startsAWord(String text, String query) {
        for (int position = text.indexOf(query, 1); position > 0; position = text.indexOf(query, position + 1)) {
            if (!Character.isLetterOrDigit(text.charAt(position - 1))) {
                return true;
            }
        }
        return false;
    }
}
