package org.selfdata.services;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What kind of care a payment was for, read from its label with a short table of the words French statements print.
 * Pharmacies, laboratories and hospitals are usually paid by the insurers directly when the person shows their carte
 * Vitale (the tiers payant), so a payment there is often what is left for the person and nothing more may come back.
 */
public enum HealthKind {
    DOCTOR(false, "DR", "DOCTEUR", "MEDECIN", "MEDECINS", "CABINET MEDICAL", "MAISON MEDICALE", "CENTRE DE SANTE",
            "GENERALISTE", "PEDIATRE", "DERMATOLOGUE", "GYNECOLOGUE", "PSYCHIATRE", "OPHTALMOLOGUE", "CARDIOLOGUE",
            "SOS MEDECINS"),
    DENTIST(false, "DENTISTE", "DENTAIRE", "CABINET DENTAIRE", "ORTHODONTISTE", "ORTHODONTIE", "STOMATOLOGUE"),
    OPTICIAN(false, "OPTICIEN", "OPTIQUE", "OPTICAL", "KRYS", "AFFLELOU", "OPTIC 2000", "GRANDOPTICAL", "LISSAC"),
    PHARMACY(true, "PHARMACIE", "PHARMACY", "PHIE", "PARAPHARMACIE"),
    LABORATORY(true, "LABORATOIRE", "LABO", "BIOLOGIE MEDICALE", "CERBALLIANCE", "BIOGROUP", "SYNLAB", "EUROFINS BIOMNIS",
            "RADIOLOGIE", "IMAGERIE MEDICALE"),
    HOSPITAL(true, "HOPITAL", "HOSPITAL", "CLINIQUE", "CHU", "CENTRE HOSPITALIER", "HOSPICES CIVILS"),
    PARAMEDICAL(false, "KINE", "KINESITHERAPEUTE", "MASSEUR KINESITHERAPEUTE", "INFIRMIER", "INFIRMIERE", "ORTHOPHONISTE",
            "ORTHOPTISTE", "PODOLOGUE", "SAGE FEMME", "OSTEOPATHE"),
    /** The bank called it health, and the table knows no word in its label. */
    OTHER(false);

    /** In order: a pharmacy's label that names a doctor ("PHARMACIE DR MARTIN") is a pharmacy. */
    private static final List<HealthKind> ORDER = List.of(PHARMACY, LABORATORY, HOSPITAL, DENTIST, OPTICIAN, PARAMEDICAL,
            DOCTOR);
    private static final Pattern HEALTH_CATEGORY = Pattern.compile("\\b(SANTE|HEALTH|MEDICAL|MEDICAUX|SOINS)\\b");

    private final boolean usuallyPaidDirectly;
    private final Pattern pattern;

    HealthKind(boolean usuallyPaidDirectly, String... words) {
        this.usuallyPaidDirectly = usuallyPaidDirectly;
        this.pattern = Pattern.compile(words.length == 0 ? "(?!)" : "\\b(" + String.join("|", words) + ")\\b");
    }

    /** The term the API and the pages use, such as {@code pharmacy}. */
    public String term() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the insurers usually pay this kind of care directly, so that no reimbursement may come to the person. */
    public boolean usuallyPaidDirectly() {
        return usuallyPaidDirectly;
    }

    /**
     * The kind of care a payment's label names, or {@link #OTHER} when only the bank's own category says health.
     *
     * @param bankCategory the category the bank gave the line, when it gave one
     */
    static Optional<HealthKind> of(String text, Optional<String> bankCategory) {
        String normalized = MoneyCategory.normalized(text);
        for (HealthKind kind : ORDER) {
            if (kind.pattern.matcher(normalized).find()) {
                return Optional.of(kind);
            }
        }
        return bankCategory.filter(category -> HEALTH_CATEGORY.matcher(MoneyCategory.normalized(category)).find())
                .map(category -> OTHER);
    }
}
