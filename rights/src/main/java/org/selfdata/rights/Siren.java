package org.selfdata.rights;

import java.util.regex.Pattern;

/**
 * The SIREN number INSEE gives every French company: nine digits whose Luhn sum is a multiple of ten. A complaint to
 * the CNIL names the organization by it, and a person may give it for an organization they add or correct; both are
 * checked here, by the one rule, so that a number the one accepts the other never refuses.
 */
final class Siren {
    private static final Pattern NINE_DIGITS = Pattern.compile("[0-9]{9}");
    /** The spaces that group a number's digits as it is usually printed: "732 829 320". */
    private static final Pattern GROUPING = Pattern.compile("[ \\u00a0\\u202f]");

    private Siren() {}

    /** The number without the spaces that group its digits. */
    static String normalized(String number) {
        return GROUPING.matcher(number).replaceAll("");
    }

    /** Whether the number, written without spaces, is a SIREN number. */
    static boolean isValid(String number) {
        return NINE_DIGITS.matcher(number).matches() && luhn(number) % 10 == 0;
    }

    private static int luhn(String digits) {
        int sum = 0;
        for (int index = 0; index < digits.length(); index++) {
            int digit = digits.charAt(digits.length() - 1 - index) - '0';
            if (index % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum;
    }
}
