package org.selfdata.services;

import org.selfdata.texts.Wording;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The special categories of personal data (GDPR art. 9(1)) that the kind of a place may reveal, with the kinds that
 * reveal each: in one table, so that it can be read and extended in one place.
 *
 * <p>A kind is what a visit's source says of the place (its type, or words of its name). Words are compared without
 * case or accents, as whole words (so that "CHU" is a hospital and "Chute" is not), in English and French:
 * "Hôpital Édouard Herriot" is health, "Église Saint-Nizier" religion. Going to such a place is data concerning
 * health, religious beliefs or political opinions, or trade-union membership, in the eyes of whoever learns it.
 */
public enum RevealSpecialCategory {
    HEALTH("hospital", "clinic", "doctor", "dentist", "pharmacy", "physiotherapist", "medical", "health", "hopital",
            "clinique", "medecin", "cabinet medical", "dentiste", "pharmacie", "kinesitherapeute", "centre de sante",
            "laboratoire d analyses", "chu"),
    RELIGION("place of worship", "church", "mosque", "synagogue", "temple", "cathedral", "chapel", "lieu de culte",
            "eglise", "mosquee", "cathedrale", "chapelle", "basilique"),
    POLITICS("political party", "party office", "parti politique", "siege du parti"),
    TRADE_UNION("trade union", "union", "syndicat", "bourse du travail");

    private final List<String> words;

    RevealSpecialCategory(String... words) {
        this.words = List.of(words);
    }

    public Wording wording() {
        return switch (this) {
            case HEALTH -> Wording.of("reveal.special.health");
            case RELIGION -> Wording.of("reveal.special.religion");
            case POLITICS -> Wording.of("reveal.special.politics");
            case TRADE_UNION -> Wording.of("reveal.special.tradeUnion");
        };
    }

    /** The category a place of this kind or name reveals, if any; the first listed wins. */
    static Optional<RevealSpecialCategory> of(Optional<String> kind, Optional<String> name) {
        String text = Stream.concat(kind.stream(), name.stream()).map(RevealSpecialCategory::plain)
                .reduce("", (left, right) -> left + " " + right);
        return Stream.of(values()).filter(category -> category.words.stream()
                .anyMatch(word -> (" " + text + " ").contains(" " + word + " "))).findFirst();
    }

    /** Lower case, without accents, with every run of other characters than letters and digits one space. */
    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ").strip();
    }
}
