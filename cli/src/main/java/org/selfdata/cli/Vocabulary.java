package org.selfdata.cli;

import org.selfdata.model.AmountPrecision;
import org.selfdata.model.Category;
import org.selfdata.model.IdentifierPrecision;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.Precision;
import org.selfdata.model.Purpose;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimePrecision;
import org.selfdata.texts.Words;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The names of the model's codes (categories, purposes, precisions) in a reader's language, so that the command line
 * never shows a person {@code pd:Location} or {@code location region}; JSON output keeps the codes for scripts.
 */
final class Vocabulary {
    private Vocabulary() {
    }

    /** A category's name, such as "Location" or "Localisation". */
    static String category(Category category, Words words) {
        return words.say(key("record.category.", category.name()));
    }

    /** A purpose in words, such as "providing a service" or "fournir un service". */
    static String purpose(Purpose purpose, Words words) {
        return words.say(key("purpose.", purpose.name()));
    }

    /** A precision in words, one dimension after the other: "places to the region, exact amounts, …". */
    static String precision(Precision precision, Words words) {
        return words.say("precision.described", location(precision.location(), words), amounts(precision.amount(), words),
                words.say(key("precision.time.", precision.time().name())),
                words.say(key("precision.identifiers.", precision.identifiers().name())));
    }

    /**
     * A precision as the log recorded it, in the model's description ({@code location region, amounts exact, time
     * exact, identifiers clear}), in words; a description that does not read as one is shown as it was recorded.
     */
    static String loggedPrecision(String described, Words words) {
        Map<String, String> terms = new TreeMap<>();
        for (String part : described.split(", ")) {
            String[] dimension = part.split(" ", 2);
            if (dimension.length == 2) {
                terms.put(dimension[0], dimension[1]);
            }
        }
        try {
            return precision(new Precision(LocationPrecision.parse(terms.getOrDefault("location", "")),
                    AmountPrecision.parse(terms.getOrDefault("amounts", "")), TimePrecision.parse(terms.getOrDefault("time", "")),
                    IdentifierPrecision.parse(terms.getOrDefault("identifiers", ""))), words);
        }
        catch (SelfdataException e) {
            return described;
        }
    }

    /** A purpose the log recorded by its term, in words; a term the model does not know is shown as recorded. */
    static String loggedPurpose(String term, Words words) {
        try {
            return purpose(Purpose.fromTerm(term), words);
        }
        catch (SelfdataException e) {
            return term;
        }
    }

    private static String location(LocationPrecision location, Words words) {
        return words.say(key("precision.location.", location.level().name()), location.resolution());
    }

    private static String amounts(AmountPrecision amount, Words words) {
        return words.say(key("precision.amounts.", amount.level().name()), amount.step());
    }

    /**
     * The key of a code's words: a prefix, then the constant's name in lower case, words joined by hyphens. Tests over
     * every constant check that each has words in every language.
     */
    static String key(String prefix, String constant) {
        return prefix + constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
