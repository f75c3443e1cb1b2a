package org.selfdata.services;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The options of the French regulated electricity tariff: one price at all hours ({@code base}), a cheaper price eight
 * hours a day ({@code off-peak}, "Heures creuses"), or six prices by the day's colour and the hour ({@code tempo}).
 */
public enum TariffOption {
    BASE, OFF_PEAK, TEMPO;

    /** The term the tariff table and the API use: {@code base}, {@code off-peak} or {@code tempo}. */
    public String term() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<TariffOption> fromTerm(String term) {
        return Arrays.stream(values()).filter(option -> option.term().equals(term)).findFirst();
    }
}
