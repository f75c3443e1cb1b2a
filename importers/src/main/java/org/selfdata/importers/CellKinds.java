package org.selfdata.importers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a cell of an unknown CSV file looks like: a date in one of the patterns banks write, an amount, or text.
 * The guess of a mapping is built on these.
 */
final class CellKinds {
    /** The date patterns banks write, the most likely first: a day before its month wins over the American order. */
    static final List<String> DATE_PATTERNS = List.of("dd/MM/yyyy", "dd/MM/yy", "yyyy-MM-dd", "dd.MM.yyyy", "dd-MM-yyyy",
            "yyyy/MM/dd", "dd.MM.yy", "dd-MM-yy", "d/M/yyyy", "MM/dd/yyyy", "yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy HH:mm",
            "yyyy-MM-dd'T'HH:mm:ss");

    private static final List<DateTimeFormatter> FORMATS = DATE_PATTERNS.stream()
            .map(pattern -> DateTimeFormatter.ofPattern(pattern.replace('y', 'u'), Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT))
            .toList();
    private static final Pattern CURRENCY = Pattern.compile("\\s*(€|EUR|\\$|£|CHF)\\s*");
    private static final Pattern AMOUNT = Pattern.compile(
            "[+-]?\\s?(\\d{1,3}([.,'\\s\u00A0\u202F]\\d{3})+|\\d+)([.,]\\d{1,3})?-?");
    private static final Pattern DECIMALS = Pattern.compile(".*[.,]\\d{1,3}-?$");
    private static final Pattern LETTERS = Pattern.compile(".*\\p{L}.*");

    private CellKinds() {}

    /** Whether the cell reads as a date in the pattern of this index in {@link #DATE_PATTERNS}. */
    static boolean isDate(String cell, int pattern) {
        try {
            LocalDate date = LocalDate.parse(cell.strip(), FORMATS.get(pattern));
            return date.getYear() >= MappedCsvRows.FIRST_YEAR && date.getYear() <= MappedCsvRows.LAST_YEAR;
        }
        catch (DateTimeParseException e) {
            return false;
        }
    }

    static boolean isAnyDate(String cell) {
        for (int pattern = 0; pattern < DATE_PATTERNS.size(); pattern++) {
            if (isDate(cell, pattern)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the cell reads as an amount: a number with decimals or a sign, or a short whole number. A long run of
     * digits, or one with leading zeros, is an account or a reference, not money.
     */
    static boolean isAmount(String cell) {
        String compact = CURRENCY.matcher(cell.strip()).replaceAll("");
        if (!AMOUNT.matcher(compact).matches()) {
            return false;
        }
        boolean marked = hasDecimals(compact) || compact.startsWith("-") || compact.startsWith("+") || compact.endsWith("-");
        return marked || compact.length() <= 7 && (compact.equals("0") || !compact.startsWith("0"));
    }

    static boolean hasDecimals(String cell) {
        return DECIMALS.matcher(cell.strip()).matches();
    }

    /** Which decimal mark an amount with decimals uses, if it has decimals. */
    static Optional<Character> decimalMark(String cell) {
        String compact = CURRENCY.matcher(cell.strip()).replaceAll("");
        if (!hasDecimals(compact)) {
            return Optional.empty();
        }
        String digits = compact.endsWith("-") ? compact.substring(0, compact.length() - 1) : compact;
        char mark = digits.charAt(digits.lastIndexOf(digits.lastIndexOf(',') > digits.lastIndexOf('.') ? ',' : '.'));
        // 1.234 or 1,234 alone could be thousands: only two decimals, or a mark followed by fewer than three, decide.
        boolean threeAfter = digits.length() - digits.lastIndexOf(mark) - 1 == 3;
        return threeAfter && digits.indexOf(mark == ',' ? '.' : ',') < 0 ? Optional.empty() : Optional.of(mark);
    }

    static boolean hasLetters(String cell) {
        return LETTERS.matcher(cell).matches();
    }
}
