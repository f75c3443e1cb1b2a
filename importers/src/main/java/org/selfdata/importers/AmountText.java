package org.selfdata.importers;

import org.selfdata.importers.CsvMapping.DecimalMark;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the amounts bank CSV files write: {@code -25,50}, {@code +1234,56}, {@code  45}, {@code -123 456,78} (a
 * space, a no-break space or a narrow no-break space between thousands), {@code 1.234,56}, {@code 12,50-},
 * {@code (12.50)}, {@code - $21.59}, {@code 1234,37 EUR}.
 *
 * <p>A currency symbol or a three-letter code before or after the number is dropped: the currency is a column or
 * a setting of its own. With a known decimal mark, the other mark may only separate groups of three digits.
 */
final class AmountText {
    private static final int MAXIMUM_LENGTH = 64;
    private static final Pattern IGNORED = Pattern.compile("[\\s\u00A0\u202F\\p{Sc}]");
    private static final Pattern CODE = Pattern.compile("^[A-Z]{3}|[A-Z]{3}$");
    private static final Pattern SIGNED = Pattern.compile("([+-]?)([0-9.,]+)(-?)");
    private static final Pattern PLAIN = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");

    private AmountText() {}

    /** The amount the text holds, or nothing when it holds none (an empty cell, a word, a malformed number). */
    static Optional<BigDecimal> parse(String text, DecimalMark mark) {
        if (text.length() > MAXIMUM_LENGTH) {
            return Optional.empty();
        }
        String compact = IGNORED.matcher(text).replaceAll("");
        compact = CODE.matcher(compact).replaceAll("");
        boolean parenthesized = compact.length() > 2 && compact.startsWith("(") && compact.endsWith(")");
        if (parenthesized) {
            compact = compact.substring(1, compact.length() - 1);
        }
        Matcher signed = SIGNED.matcher(compact);
        if (!signed.matches() || !signed.group(1).isEmpty() && !signed.group(3).isEmpty()
                || parenthesized && !(signed.group(1) + signed.group(3)).isEmpty()) {
            return Optional.empty();
        }
        Optional<String> canonical = canonical(signed.group(2), mark);
        if (canonical.isEmpty() || !PLAIN.matcher(canonical.get()).matches()) {
            return Optional.empty();
        }
        BigDecimal amount = new BigDecimal(canonical.get());
        boolean negative = parenthesized || signed.group(1).equals("-") || signed.group(3).equals("-");
        return Optional.of(negative ? amount.negate() : amount);
    }

    /** The digits with a point as the decimal mark and no grouping marks, or nothing when the marks contradict. */
    private static Optional<String> canonical(String digits, DecimalMark mark) {
        char decimal = switch (mark) {
            case COMMA -> ',';
            case POINT -> '.';
            case AUTO -> Math.max(digits.lastIndexOf(','), digits.lastIndexOf('.')) < 0 ? '.'
                    : digits.charAt(Math.max(digits.lastIndexOf(','), digits.lastIndexOf('.')));
        };
        char grouping = decimal == ',' ? '.' : ',';
        int decimalAt = digits.indexOf(decimal);
        if (decimalAt >= 0 && digits.indexOf(decimal, decimalAt + 1) >= 0) {
            if (mark != DecimalMark.AUTO) {
                return Optional.empty();
            }
            // One mark written several times (1.234.567) groups thousands: there is no decimal part.
            grouping = decimal;
            decimalAt = -1;
        }
        String whole = decimalAt < 0 ? digits : digits.substring(0, decimalAt);
        String fraction = decimalAt < 0 ? "" : "." + digits.substring(decimalAt + 1);
        if (whole.indexOf(grouping) >= 0) {
            if (!whole.matches("\\d{1,3}(\\" + grouping + "\\d{3})+")) {
                return Optional.empty();
            }
            whole = whole.replace(String.valueOf(grouping), "");
        }
        return Optional.of(whole + fraction);
    }
}
