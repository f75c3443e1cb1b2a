package org.selfdata.importers;

import org.selfdata.texts.Wording;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads QIF amounts, which Quicken writes with thousands commas ({@code -1,000.00}) and European software with a
 * decimal comma ({@code -1.000,00}, {@code -12,50}).
 *
 * <p>When both marks appear, the last one is the decimal mark. A lone mark followed by exactly three digits after
 * at least one digit ({@code 1,000}) is a thousands separator, since QIF comes from software that writes two
 * decimals; any other lone mark is the decimal mark. A mark that repeats separates thousands.
 */
final class QifAmounts {
    static final Wording EXPECTED = Wording.of("error.qif.amount");

    private static final Pattern AMOUNT = Pattern.compile("[+-]?[0-9.,]*[0-9][0-9.,]*");
    private static final Pattern SPACES = Pattern.compile("[\\s\u00A0\u202F]");
    private static final Pattern GROUPED = Pattern.compile("[0-9]{1,3}([.,][0-9]{3})+");

    private QifAmounts() {}

    static Optional<BigDecimal> parse(String text) {
        String compact = SPACES.matcher(text).replaceAll("");
        if (!AMOUNT.matcher(compact).matches()) {
            return Optional.empty();
        }
        String sign = compact.startsWith("-") ? "-" : "";
        String digits = compact.startsWith("-") || compact.startsWith("+") ? compact.substring(1) : compact;
        int lastComma = digits.lastIndexOf(',');
        int lastPoint = digits.lastIndexOf('.');
        String canonical;
        if (lastComma >= 0 && lastPoint >= 0) {
            char decimal = lastComma > lastPoint ? ',' : '.';
            char thousands = decimal == ',' ? '.' : ',';
            int decimalAt = digits.lastIndexOf(decimal);
            // The decimal mark must come once, after every thousands mark; anything else is not a number.
            if (digits.indexOf(decimal) != decimalAt || digits.indexOf(thousands, decimalAt) >= 0) {
                return Optional.empty();
            }
            canonical = digits.replace(String.valueOf(thousands), "").replace(decimal, '.');
        }
        else if (lastComma >= 0 || lastPoint >= 0) {
            char mark = lastComma >= 0 ? ',' : '.';
            boolean thousands = digits.indexOf(mark) != digits.lastIndexOf(mark) || GROUPED.matcher(digits).matches();
            canonical = thousands ? digits.replace(String.valueOf(mark), "") : digits.replace(mark, '.');
        }
        else {
            canonical = digits;
        }
        if (canonical.endsWith(".")) {
            canonical = canonical.substring(0, canonical.length() - 1);
        }
        try {
            return Optional.of(new BigDecimal(sign + canonical));
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
