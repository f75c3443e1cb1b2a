package org.selfdata.services;

import org.selfdata.texts.Wording;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The special categories of personal data (GDPR art. 9(1)) that a place, a payee, an appointment or a contact may
 * reveal, with the words that reveal each: in one table, so that it can be read and extended in one place.
 *
 * <p>The words are matched against what a source says of the place (its type, or words of its name), a bank line's
 * payee, an event's title and place, a contact's organization and name. They are compared without case or accents, as
 * whole words (so that "CHU" is a hospital and "Chute" is not, "DR" a doctor and "DRFIP" the tax office, "PARTI" a
 * party and "PARTICULIERS" a customer), in English and French: "Hôpital Édouard Herriot" is health, "Église
 * Saint-Nizier" religion. Going to such a place, paying such a payee or keeping such a contact is data concerning
 * health, religious beliefs or political opinions, or trade-union membership, in the eyes of whoever learns it. A match
 * is what the words may reveal, never a finding that they do: every surface says "may reveal".
 */
public enum RevealSpecialCategory {
    HEALTH(
            // What a place's source calls a place of care, in English and French.
            "hospital", "clinic", "doctor", "dentist", "pharmacy", "physiotherapist", "medical", "health", "hopital",
            "clinique", "medecin", "cabinet medical", "dentiste", "pharmacie", "kinesitherapeute", "centre de sante",
            "laboratoire d analyses", "chu",
            // How bank labels and address books name a practitioner: "DR" and "DOCTEUR" before a doctor's name, "KINE"
            // for a physiotherapist, the other professions of care by their French names.
            "dr", "docteur", "kine", "cabinet dentaire", "orthodontiste", "ophtalmologue", "orthophoniste", "osteopathe",
            "psychologue", "psychiatre", "infirmier", "infirmiere", "sage femme", "radiologie",
            // The public health insurer, which pays back care and nothing else: its name on a credit tells of care.
            // A mutuelle is left out: nearly everyone in France pays one, so paying it tells nothing of health.
            "cpam", "ameli"),
    RELIGION(
            // Places of worship, in English and French.
            "place of worship", "church", "mosque", "synagogue", "temple", "cathedral", "chapel", "lieu de culte",
            "eglise", "mosquee", "cathedrale", "chapelle", "basilique",
            // Who collects gifts for a faith: a parish, a diocese (the Catholic "denier du culte"), a consistory.
            "paroisse", "parish", "diocese", "denier du culte", "consistoire"),
    POLITICS(
            // A party by what it is called: "Parti socialiste", "Parti communiste", or "political party".
            "political party", "party office", "parti politique", "siege du parti", "parti",
            // Parties whose name says no "parti", by their whole name only: their single words are common words.
            "rassemblement national", "france insoumise", "les republicains", "europe ecologie"),
    TRADE_UNION(
            // "Union" alone is left out: it names banks and money transfers ("Western Union", "credit union").
            "trade union", "labour union", "labor union", "syndicat", "bourse du travail",
            // The French confederations and the students' union, by their initials or whole name ("SYNDIC", a
            // building's manager, is not "SYNDICAT").
            "cfdt", "cgt", "force ouvriere", "cfe cgc", "cftc", "unsa", "fsu", "unef");

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

    /** The category a payee, a title or a name reveals, if any: {@link #of(Optional, Optional)} on a name alone. */
    static Optional<RevealSpecialCategory> of(String text) {
        return of(Optional.empty(), Optional.of(text));
    }

    /** Lower case, without accents, with every run of other characters than letters and digits one space. */
    static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ").strip();
    }
}
