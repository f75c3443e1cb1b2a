package org.selfdata.services;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who pays a person back for care in France: the national health insurance (the CPAM, on its site AMELI), and the
 * mutual insurance that pays the rest or part of it. A bank line is from one of them when its label names it; the
 * names are a short table of the usual ones, so a small mutual the table does not know is not recognized.
 */
public enum HealthInsurer {
    NATIONAL("CPAM", "AMELI", "ASSURANCE MALADIE", "CNAM", "CAISSE PRIMAIRE", "CGSS", "MSA"),
    MUTUAL("MUTUELLE", "MUTUELLES", "MUTUALITE", "HARMONIE", "MGEN", "ALAN", "MALAKOFF", "HUMANIS", "AG2R",
            "AESIO", "APICIL", "MNH", "MAE", "LMDE", "HEYME", "SMERRA", "SWISSLIFE", "SANTECLAIR", "ALMERYS", "VIAMEDIS");

    private final Pattern pattern;

    HealthInsurer(String... names) {
        this.pattern = Pattern.compile("\\b(" + String.join("|", names) + ")\\b");
    }

    /** The term the API and the pages use, such as {@code national}. */
    public String term() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The insurer a line's label and counterparty name, the national one first when both are named. */
    static Optional<HealthInsurer> of(String text) {
        String normalized = MoneyCategory.normalized(text);
        for (HealthInsurer insurer : values()) {
            if (insurer.pattern.matcher(normalized).find()) {
                return Optional.of(insurer);
            }
        }
        return Optional.empty();
    }
}
