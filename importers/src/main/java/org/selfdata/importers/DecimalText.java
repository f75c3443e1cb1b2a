package org.selfdata.importers;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the decimal numbers organizations write: a point or a comma as the decimal mark, an optional explicit sign,
 * and thousands separated by a space, a no-break space or a narrow no-break space.
 */
final class DecimalText {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)");
    private static final Pattern THOUSANDS_SEPARATORS = Pattern.compile("[ \u00A0\u202F]");

    private DecimalText() {}

    /** The number the text holds, or nothing when it is not a plain decimal number. */
    static Optional<BigDecimal> parse(String text) {
        String compact = THOUSANDS_SEPARATORS.matcher(text.strip()).replaceAll("");
        if (!NUMBER.matcher(compact).matches()) {
            return Optional.empty();
        }
        String canonical = compact.replace(',', '.');
        if (canonical.startsWith("+")) {
            canonical = canonical.substring(1);
        }
        if (canonical.endsWith(".")) {
            canonical = canonical.substring(0, canonical.length() - 1);
        }
        return Optional.of(new BigDecimal(canonical));
    }
}
