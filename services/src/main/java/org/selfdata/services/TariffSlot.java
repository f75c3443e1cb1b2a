package org.selfdata.services;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A price of the tariff: which option it belongs to, and when it applies: at all hours, in peak or off-peak hours, and
 * for Tempo on which colour of day. A half hour's energy falls in exactly one slot of each option.
 */
public enum TariffSlot {
    ALL(TariffOption.BASE, "all"),
    PEAK(TariffOption.OFF_PEAK, "peak"),
    OFF_PEAK(TariffOption.OFF_PEAK, "off-peak"),
    BLUE_PEAK(TariffOption.TEMPO, "blue-peak"),
    BLUE_OFF_PEAK(TariffOption.TEMPO, "blue-off-peak"),
    WHITE_PEAK(TariffOption.TEMPO, "white-peak"),
    WHITE_OFF_PEAK(TariffOption.TEMPO, "white-off-peak"),
    RED_PEAK(TariffOption.TEMPO, "red-peak"),
    RED_OFF_PEAK(TariffOption.TEMPO, "red-off-peak");

    private final TariffOption option;
    private final String term;

    TariffSlot(TariffOption option, String term) {
        this.option = option;
        this.term = term;
    }

    public TariffOption option() {
        return option;
    }

    /** The period's term in the tariff table and the API, such as {@code red-peak}. */
    public String term() {
        return term;
    }

    static List<TariffSlot> of(TariffOption option) {
        return Arrays.stream(values()).filter(slot -> slot.option == option).toList();
    }

    static Optional<TariffSlot> of(TariffOption option, String term) {
        return of(option).stream().filter(slot -> slot.term.equals(term)).findFirst();
    }

    /** Tempo's slot for a day of that colour, in peak or off-peak hours. */
    static TariffSlot tempo(TempoColour colour, boolean offPeak) {
        return switch (colour) {
            case BLUE -> offPeak ? BLUE_OFF_PEAK : BLUE_PEAK;
            case WHITE -> offPeak ? WHITE_OFF_PEAK : WHITE_PEAK;
            case RED -> offPeak ? RED_OFF_PEAK : RED_PEAK;
        };
    }
}
