package org.selfdata.importers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Content lines of vCard and iCalendar: folded lines joined back, and a property's value found by its name. */
final class Unfolding {
    private Unfolding() {}

    static List<String> unfold(List<String> lines) {
        List<String> unfolded = new ArrayList<>();
        for (String line : lines) {
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (continuation && !unfolded.isEmpty()) {
                unfolded.set(unfolded.size() - 1, unfolded.getLast() + line.substring(1));
            }
            else if (!line.isEmpty()) {
                unfolded.add(line);
            }
        }
        return unfolded;
    }

    /** The raw value of the first property with this name ({@code RRULE}, {@code X-WR-CALNAME}), parameters ignored. */
    static Optional<String> value(List<String> unfoldedLines, String property) {
        String upperName = property.toUpperCase(Locale.ROOT);
        for (String line : unfoldedLines) {
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith(upperName) && upper.length() > upperName.length()
                    && (upper.charAt(upperName.length()) == ':' || upper.charAt(upperName.length()) == ';')) {
                int colon = line.indexOf(':', upperName.length());
                return colon < 0 ? Optional.empty() : Optional.of(line.substring(colon + 1));
            }
        }
        return Optional.empty();
    }
}
