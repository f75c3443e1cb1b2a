package org.selfdata.importers;

import org.selfdata.model.Position;
import org.selfdata.texts.Wording;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the amounts, signs and dates of camt messages, rejecting the record that holds one that cannot be read.
 *
 * <p>Amounts are unsigned decimals with up to five fraction digits; their sign is a separate credit or debit
 * indicator. Dates are {@code Dt} ({@code 2014-12-31}) or {@code DtTm} ({@code 2007-10-18T10:15:00+01:00}): both are
 * kept as the date written, since the bank's day is what a booking date means and converting a time at midnight to
 * the person's zone could move it to the day before.
 */
final class CamtValues {
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,18}(\\.\\d{0,5})?");
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)?(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

    private CamtValues() {}

    /** The unsigned amount at a path. */
    static BigDecimal amount(CamtFields fields, String amountPath, Position position) {
        String text = fields.get(amountPath).orElseThrow(() -> InvalidInput.rejected(position,
                Wording.of("error.camt.expectedElement", String.valueOf(amountPath))));
        if (!AMOUNT.matcher(text).matches()) {
            throw InvalidInput.rejected(position, InvalidInput.wording(amountPath, Wording.of("error.camt.amount")));
        }
        return new BigDecimal(text.endsWith(".") ? text.substring(0, text.length() - 1) : text);
    }

    static boolean isDebit(CamtFields fields, String indicatorPath, Position position) {
        String indicator = fields.get(indicatorPath)
                .orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.camt.expectedElement",
                        String.valueOf(indicatorPath))));
        return switch (indicator) {
            case "DBIT" -> true;
            case "CRDT" -> false;
            default -> throw InvalidInput.rejected(position, InvalidInput.wording(indicatorPath,
                    Wording.of("error.camt.creditOrDebit")));
        };
    }

    static String currency(CamtFields fields, String amountPath, Position position) {
        String code = fields.get(amountPath + "@Ccy")
                .orElseThrow(() -> InvalidInput.rejected(position, InvalidInput.wording(amountPath,
                        Wording.of("error.camt.currency"))));
        if (!CURRENCY.matcher(code).matches()) {
            throw InvalidInput.rejected(position, InvalidInput.wording(amountPath, Wording.of("error.camt.currencyLetters")));
        }
        return code.toUpperCase(Locale.ROOT);
    }

    /** The date of a {@code Dt} or {@code DtTm} element below the given path, when there is one. */
    static Optional<LocalDate> date(CamtFields fields, String path, Position position) {
        Optional<String> text = fields.first(path + "/Dt", path + "/DtTm");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(dateOf(text.get()).orElseThrow(() -> InvalidInput.rejected(position,
                InvalidInput.wording(path, Wording.of("error.camt.date")))));
    }

    /** A date written alone, as in a statement's CreDtTm, when it is one. */
    static Optional<LocalDate> dateOf(String text) {
        return PatternDates.matching(DATE, text);
    }
}
