package org.selfdata.services;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a bank line was for, when the bank did not say: its label is matched against a short table of French and
 * English words. That table is a heuristic: it knows common shops, operators and
 * the words French banks print, it is wrong now and then, and whatever it does not know is {@link #OTHER}.
 */
public enum MoneyCategory {
    GROCERIES, TRANSPORT, HOUSING, ENERGY, TELECOM, EATING_OUT, HEALTH, INCOME, TRANSFERS, OTHER;

    private record Words(MoneyCategory category, Pattern pattern) {}

    /** In order: the first match wins, so "UBER EATS" is eating out before "UBER" is transport. */
    private static final List<Words> TABLE = List.of(
            words(TRANSFERS, "VIREMENT INTERNE", "VIR INTERNE", "EPARGNE", "LIVRET", "SAVINGS", "OWN ACCOUNT",
                    "INTERNAL TRANSFER"),
            words(EATING_OUT, "RESTAURANT", "CAFE", "CAFETERIA", "BISTROT", "BRASSERIE", "PIZZERIA", "BAR", "GLACIER",
                    "UBER EATS", "DELIVEROO", "MCDONALDS", "BURGER", "KFC", "IZLY", "CROUS", "COFFEE", "SNACK"),
            words(GROCERIES, "CARREFOUR", "LIDL", "ALDI", "MONOPRIX", "FRANPRIX", "AUCHAN", "LECLERC", "INTERMARCHE",
                    "CASINO", "BIOCOOP", "PICARD", "SUPERMARCHE", "SUPERMARKET", "BOULANGERIE", "GROCERY", "GROCERIES",
                    "TESCO", "WALMART"),
            words(TRANSPORT, "SNCF", "TCL", "RATP", "NAVIGO", "UBER", "TAXI", "BLABLACAR", "PEAGE", "PARKING", "ESSO",
                    "SHELL", "TRAIN", "AIR FRANCE", "FUEL"),
            words(HOUSING, "LOYER", "RENT", "FONCIA", "NEXITY", "SYNDIC", "ASSURANCE HABITATION", "MORTGAGE"),
            words(ENERGY, "EDF", "ENGIE", "TOTALENERGIES", "ENEDIS", "GRDF", "VEOLIA", "ELECTRICITY", "GAZ", "GAS"),
            words(TELECOM, "FREE MOBILE", "FREE TELECOM", "ORANGE", "SOSH", "SFR", "BOUYGUES", "INTERNET", "MOBILE"),
            words(HEALTH, "PHARMACIE", "PHARMACY", "DR", "DOCTEUR", "MEDECIN", "MUTUELLE", "DENTISTE", "HOPITAL",
                    "CLINIQUE", "CPAM", "HOSPITAL"));

    private static Words words(MoneyCategory category, String... words) {
        return new Words(category, Pattern.compile("\\b(" + String.join("|", words) + ")\\b"));
    }

    /** The term the API and the pages use, such as {@code eating-out}. */
    public String term() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The table's guess for a line's label. Money coming in that the table does not call a transfer is income, whatever
     * its label.
     */
    static MoneyCategory guess(String text, boolean incoming) {
        String normalized = normalized(text);
        for (Words words : TABLE) {
            if (words.pattern().matcher(normalized).find()) {
                return incoming && words.category() != TRANSFERS ? INCOME : words.category();
            }
        }
        return incoming ? INCOME : OTHER;
    }

    static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9]+", " ").strip();
    }
}
