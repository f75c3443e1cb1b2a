package org.selfdata.importers;

/**
 * Shows an account or meter number the way a card terminal does: its last four digits only. Source labels are
 * stored in clear, so the full number must never reach one.
 */
final class MaskedIdentifier {
    private MaskedIdentifier() {}

    /** {@code ••1234} for {@code FR76 3000 1234}; fewer digits when the identifier has fewer than four. */
    static String lastDigits(String identifier) {
        StringBuilder digits = new StringBuilder(4);
        for (int index = identifier.length() - 1; index >= 0 && digits.length() < 4; index--) {
            char character = identifier.charAt(index);
            if (character >= '0' && character <= '9') {
                digits.append(character);
            }
        }
        return "••" + digits.reverse();
    }
}
