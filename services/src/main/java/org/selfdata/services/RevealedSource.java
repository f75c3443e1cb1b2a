package org.selfdata.services;

import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * What one source of a person's data reveals about them, other than their locations.
 *
 * @param records the records read
 * @param findings the conclusions, in the order of their kinds, each kind at least once: found, or why not
 */
public record RevealedSource(Source source, long records, List<RevealFinding> findings) {
    /** Where the conclusions are drawn from. */
    public enum Source {
        /** Bank transactions. */
        MONEY,
        /** The calendar's events and the address book's contacts. */
        AGENDA;

        /** The term the API uses, such as {@code money}. */
        public String term() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RevealedSource {
        requireNonNull(source, "source is null");
        findings = List.copyOf(findings);
    }
}
