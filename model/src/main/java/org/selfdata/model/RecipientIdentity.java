package org.selfdata.model;

import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Who a recipient says it is, as shown to the person before any grant and written into every receipt as the
 * controller: the name people know it by, its legal name, the country it is established in (ISO 3166-1 alpha-2),
 * how to reach it, and its data-protection officer where it has one.
 */
public record RecipientIdentity(String name, String legalName, String country, String contact,
                                Optional<String> dataProtectionOfficer) {
    static final int NAME_LENGTH = 120;
    static final int CONTACT_LENGTH = 320;
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public RecipientIdentity {
        BoundedText.required(name, "a recipient's name", NAME_LENGTH);
        BoundedText.required(legalName, "a recipient's legal name", NAME_LENGTH);
        requireCountry(country, "a recipient's country");
        BoundedText.required(contact, "a recipient's contact", CONTACT_LENGTH);
        BoundedText.optional(dataProtectionOfficer, "a recipient's data-protection officer", CONTACT_LENGTH);
    }

    static String requireCountry(String country, String field) {
        requireNonNull(country, field + " is null");
        if (!COUNTRY.matcher(country).matches()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    field + " must be an ISO 3166-1 code of two capital letters, such as FR");
        }
        return country;
    }
}
