package org.selfdata.gate;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words a person searches their records for, folded as the records' text is folded: without case, accents or
 * ligatures, so that "societe" finds "Société" and "oeuvre" finds "Œuvre".
 *
 * <p>A record matches when each word begins a word of its text: several words mean all of them, in any order, and a
 * word typed halfway ("boulang") already finds what it begins. A search is bounded in length and in words, since each
 * word is looked for in every record a search reads.
 */
public record SearchWords(List<String> words) {
    public static final int MAXIMUM_LENGTH = 200;
    public static final int MAXIMUM_WORDS = 8;

    private static final Pattern BETWEEN_WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    public SearchWords {
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.gate.search.noWord"));
        }
        if (words.size() > MAXIMUM_WORDS) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.gate.search.tooManyWords", Integer.toString(MAXIMUM_WORDS)));
        }
    }

    /** The words of what a person typed, folded; refused when it is too long, holds no word, or too many. */
    public static SearchWords parse(String typed) {
        if (typed.length() > MAXIMUM_LENGTH) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.gate.search.tooLong", Integer.toString(MAXIMUM_LENGTH)));
        }
        return new SearchWords(Arrays.stream(BETWEEN_WORDS.split(fold(typed))).filter(word -> !word.isEmpty())
                .distinct().toList());
    }

    /** True when each word begins a word of the text, the text folded by {@link #fold}. */
    boolean foundIn(String foldedText) {
        for (String word : words) {
            if (!beginsAWord(foldedText, word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean beginsAWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Text without case, accents or ligatures: letters are decomposed and their marks dropped, then lower-cased.
     * Text in plain ASCII, as most bank labels are, is only lower-cased.
     */
    public static String fold(String text) {
        if (text.chars().allMatch(character -> character < 0x80)) {
            return text.toLowerCase(Locale.ROOT);
        }
        String bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        return bare.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
    }
}
