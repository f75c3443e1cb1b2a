package org.selfdata.services;

import java.util.Locale;

/** The colour RTE gives each Tempo day, from 06:00 to 06:00 the next morning: most are blue, a few white, fewer red. */
public enum TempoColour {
    BLUE, WHITE, RED;

    public String term() {
        return name().toLowerCase(Locale.ROOT);
    }
}
