package org.selfdata.rights;

import org.selfdata.gate.SearchWords;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The old value of a detail as selfdata looks for it in what organizations hold: the same value however it was written,
 * whatever the case, accents and spacing. An e-mail address is found whole; a name by each of its words, in any order;
 * an address by its meaningful words (its number, street name, postcode and town, not "rue" or "de"), since each
 * organization writes the rest its own way; a phone number by its digits, in the national or the international form.
 *
 * <p>The gate's search finds records by the beginnings of words, which is loose on purpose: {@link #searches()} gives
 * what to search for so that every record holding the value is among those found, and {@link #foundIn} then keeps
 * only those that hold it.
 */
public record HeldValue(PersonalDetail detail, String value) {
    public static final int MAXIMUM_LENGTH = 500;
    private static final Pattern BETWEEN_WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?\\d[\\d .\\-()/]*\\d");
    private static final int MINIMUM_PHONE_DIGITS = 6;
    private static final int FRENCH_NATIONAL_DIGITS = 10;
    /** Words every address has in some form, which say nothing of which address it is. */
    private static final Set<String> ADDRESS_FILLERS = Set.of("rue", "r", "avenue", "av", "ave", "boulevard", "bd",
            "bld", "chemin", "ch", "allee", "place", "pl", "impasse", "imp", "route", "rte", "quai", "cours", "square",
            "sq", "residence", "res", "batiment", "bat", "appartement", "appt", "apt", "etage", "escalier", "esc",
            "lieu", "dit", "lotissement", "de", "du", "des", "la", "le", "les", "l", "d", "au", "aux", "et", "en",
            "sur", "sous", "bis", "ter", "cedex", "bp", "cs", "france", "the", "of", "street", "st", "road", "rd",
            "lane", "ln", "drive", "dr", "flat", "floor", "apartment");

    public HeldValue {
        requireNonNull(detail, "detail is null");
        value = requireNonNull(value, "value is null").strip();
        if (value.isEmpty() || value.length() > MAXIMUM_LENGTH) {
            throw invalid(Wording.of("error.rights.change.oldValue", MAXIMUM_LENGTH));
        }
        if (keyWords(detail, value).isEmpty()) {
            String key = "error.rights.change.nothingToFind." + detail.term();
            throw invalid(Wording.of(key));
        }
    }

    /** The searches whose results hold every record with this value, each at most {@link SearchWords#MAXIMUM_WORDS}. */
    public List<SearchWords> searches() {
        Set<List<String>> searches = new LinkedHashSet<>();
        if (detail == PersonalDetail.PHONE) {
            phoneWritings(digits(value)).forEach(writing -> searches.add(words(writing)));
        }
        else {
            searches.add(keyWords(detail, value));
        }
        return searches.stream()
                .map(words -> new SearchWords(words.subList(0, Math.min(words.size(), SearchWords.MAXIMUM_WORDS))))
                .toList();
    }

    /** Whether a text (a record's words, or a value an organization was given) holds this value. */
    public boolean foundIn(String text) {
        String folded = folded(text);
        return switch (detail) {
            case EMAIL -> Pattern.compile("(?<![\\p{L}\\p{N}._%+-])" + Pattern.quote(folded(value).replace(" ", ""))
                    + "(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])").matcher(folded).find();
            case NAME, ADDRESS -> keyWords(detail, value).stream().allMatch(word ->
                    Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])")
                            .matcher(folded).find());
            case PHONE -> holdsNumber(folded, nationalDigits(value));
        };
    }

    /** Whether two values of a detail are the same value, written otherwise. */
    public static boolean same(PersonalDetail detail, String one, String other) {
        return switch (detail) {
            case PHONE -> nationalDigits(one).equals(nationalDigits(other));
            case EMAIL -> folded(one).replace(" ", "").equals(folded(other).replace(" ", ""));
            case NAME, ADDRESS -> words(one).equals(words(other));
        };
    }

    /** Text without case, accents, ligatures or runs of spaces, as the gate folds a record's words. */
    static String folded(String text) {
        return SPACES.matcher(SearchWords.fold(text)).replaceAll(" ").strip();
    }

    private static List<String> keyWords(PersonalDetail detail, String value) {
        return switch (detail) {
            case EMAIL, NAME -> words(value);
            case ADDRESS -> words(value).stream().filter(word -> !ADDRESS_FILLERS.contains(word)).toList();
            case PHONE -> digits(value).length() < MINIMUM_PHONE_DIGITS ? List.of() : List.of(nationalDigits(value));
        };
    }

    private static List<String> words(String text) {
        return Arrays.stream(BETWEEN_WORDS.split(folded(text))).filter(word -> !word.isEmpty()).distinct().toList();
    }

    private static String digits(String text) {
        return text.replaceAll("\\D", "");
    }

    /**
     * The number as dialled from France: "+33 6 12 34 56 78" and "0033612345678" are "0612345678". Numbers of other
     * countries keep their digits.
     */
    private static String nationalDigits(String number) {
        String stripped = number.strip();
        String digits = digits(stripped);
        if (stripped.startsWith("+33") || digits.startsWith("0033")) {
            return "0" + digits.substring(stripped.startsWith("+") ? 2 : 4);
        }
        return digits;
    }

    /** The ways a number is written in records: its digits together, in pairs, and in the international form. */
    private static List<String> phoneWritings(String typedDigits) {
        List<String> writings = new ArrayList<>(List.of(typedDigits));
        String national = nationalDigits(typedDigits.length() > FRENCH_NATIONAL_DIGITS && typedDigits.startsWith("33")
                ? "+" + typedDigits : typedDigits);
        writings.add(national);
        if (national.length() == FRENCH_NATIONAL_DIGITS && national.startsWith("0")) {
            writings.add(String.join(" ", national.split("(?<=\\G..)")));
            String subscriber = national.substring(1);
            writings.add("33" + subscriber);
            writings.add("33 " + subscriber.charAt(0) + " " + String.join(" ", subscriber.substring(1).split("(?<=\\G..)")));
        }
        return writings;
    }

    /**
     * Whether the text holds the number as consecutive groups of digits: "tél. 06 12 34 56 78 ou" does, and so does
     * "+33 6 12 34 56 78", but not "0612345678901", whose digits run on.
     */
    private static boolean holdsNumber(String text, String national) {
        Set<String> writings = new LinkedHashSet<>(List.of(national));
        if (national.length() == FRENCH_NATIONAL_DIGITS && national.startsWith("0")) {
            writings.add("33" + national.substring(1));
            writings.add("0033" + national.substring(1));
        }
        Matcher matcher = PHONE_NUMBER.matcher(text);
        while (matcher.find()) {
            String[] groups = matcher.group().replace("+", "").split("\\D+");
            for (int first = 0; first < groups.length; first++) {
                StringBuilder joined = new StringBuilder();
                for (int last = first; last < groups.length && joined.length() < national.length() + 4; last++) {
                    joined.append(groups[last]);
                    if (writings.contains(joined.toString())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static SelfdataException invalid(Wording wording) {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, wording);
    }
}
