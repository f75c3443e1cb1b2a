package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.util.Arrays;
import java.util.Locale;

/**
 * Whether a recipient sees identifiers (IBANs, account numbers, phone numbers, e-mail addresses, device and record ids)
 * in clear, or pseudonymized: replaced by a keyed hash under a key of that recipient's own, so that the same identifier
 * reads the same to one recipient across reads, and two recipients cannot join what they received.
 */
public enum IdentifierPrecision {
    CLEAR, PSEUDONYMIZED;

    public static IdentifierPrecision parse(String term) {
        String text = term.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(value -> value.term().equals(text)).findFirst()
                .orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        Wording.of("error.model.identifierPrecisionUnknown", Terms.bounded(term))));
    }

    public String term() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isAtMost(IdentifierPrecision ceiling) {
        return compareTo(ceiling) >= 0;
    }
}
