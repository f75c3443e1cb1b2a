package org.selfdata.rights;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words by which an answer to an access request names the items of art. 15, in French and in English: a key of a
 * JSON file, a heading of a CSV file, a heading or a label of a text, such as "Finalités du traitement",
 * "data_categories" or "Retention period:". The checklist is pre-filled with the items an answer names; the person
 * confirms or unticks them.
 *
 * <p>A term is a set of words that must all be among the heading's words, in any order: "categories" and "data" are
 * in "Categories of personal data", "data_categories" and "personalDataCategories". Headings are compared without
 * accents, case or separators, camel case split into words; French elisions ("l'origine") fall apart at the apostrophe.
 *
 * <p>The words are chosen so that the data itself does not tick an item. Answers carry the person's records, whose
 * columns and keys are ordinary words; a bare word that a record commonly uses is therefore only a term together with a
 * word that makes it about personal data:
 * <ul>
 *     <li>purposes: "purposes" is, but not "purpose" alone, a bank transfer's reference column in many English
 *     statements; "finalité" is only ever a purpose of processing;</li>
 *     <li>categories: "categories" or "category" only with "data" or "données", since a transaction has a category;</li>
 *     <li>recipients: the plural "recipients" or "destinataires", never the singular, which a transfer or a message
 *     has; and "third parties";</li>
 *     <li>storage period: "retention", "storage period", "conservation" ("durée de conservation");</li>
 *     <li>rights: "your rights", "data subject rights", "vos droits", "droits de la personne concernée", or a right
 *     named ("rectification", "erasure", "effacement"); not "droits" alone, which a bank charges ("droits de
 *     garde");</li>
 *     <li>complaint: the authority ("CNIL", "supervisory authority", "autorité de contrôle") or the right to complain
 *     ("right to lodge a complaint", "droit d'introduire une réclamation"); not "complaint" or "réclamation" alone, a
 *     customer service's words, whose complaints an answer may list;</li>
 *     <li>source: "source", "sources", "origine", "origin" or "provenance" only with "data" or "données", since a
 *     transaction or a position has a source;</li>
 *     <li>automated decisions: "automated decision(s)", "décision(s) automatisée(s)", "profiling", "profilage";</li>
 *     <li>transfer safeguards (art. 15(2)): "third country", "pays tiers", "safeguards", "garanties appropriées",
 *     "international transfers", "transferts internationaux"; not "transfers" alone, a bank's word.</li>
 * </ul>
 * The copy (art. 15(3)) is no word: it is what the answer's files became.
 */
final class AnswerVocabulary {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern CAMEL_CASE = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Map<AccessItem, List<Set<String>>> TERMS = terms();

    private AnswerVocabulary() {}

    /** The items a heading or a key names; none for an item of art. 15 whose words it does not hold. */
    static Set<AccessItem> named(String heading) {
        Set<String> words = Set.copyOf(words(heading));
        Set<AccessItem> named = EnumSet.noneOf(AccessItem.class);
        TERMS.forEach((item, terms) -> {
            if (terms.stream().anyMatch(words::containsAll)) {
                named.add(item);
            }
        });
        return named;
    }

    /** A heading's words: camel case split, without accents, in lower case, without separators. */
    static List<String> words(String heading) {
        String split = CAMEL_CASE.matcher(heading).replaceAll(" ");
        String plain = MARKS.matcher(Normalizer.normalize(split, Normalizer.Form.NFD)).replaceAll("");
        return Arrays.stream(SEPARATORS.split(plain.toLowerCase(Locale.ROOT))).filter(word -> !word.isEmpty()).toList();
    }

    private static Map<AccessItem, List<Set<String>>> terms() {
        Map<AccessItem, List<Set<String>>> terms = new EnumMap<>(AccessItem.class);
        terms.put(AccessItem.PURPOSES, terms("purposes", "purpose processing", "finalite", "finalites"));
        terms.put(AccessItem.CATEGORIES, terms("categories data", "category data", "categories donnees",
                "categorie donnees"));
        terms.put(AccessItem.RECIPIENTS, terms("recipients", "destinataires", "third parties"));
        terms.put(AccessItem.STORAGE_PERIOD, terms("retention", "storage period", "conservation"));
        terms.put(AccessItem.RIGHTS, terms("your rights", "data subject rights", "vos droits",
                "droits personne concernee", "rectification", "erasure", "effacement"));
        terms.put(AccessItem.COMPLAINT, terms("cnil", "supervisory authority", "autorite controle", "right complaint",
                "lodge complaint", "droit reclamation", "introduire reclamation"));
        terms.put(AccessItem.SOURCE, terms("source data", "sources data", "origin data", "source donnees",
                "sources donnees", "origine donnees", "provenance donnees"));
        terms.put(AccessItem.AUTOMATED_DECISIONS, terms("automated decision", "automated decisions",
                "decision automatisee", "decisions automatisees", "profiling", "profilage"));
        terms.put(AccessItem.TRANSFER_SAFEGUARDS, terms("third country", "third countries", "pays tiers", "safeguards",
                "garanties appropriees", "international transfers", "transferts internationaux"));
        return terms;
    }

    private static List<Set<String>> terms(String... terms) {
        return Arrays.stream(terms).map(term -> Set.of(term.split(" "))).toList();
    }
}
