package org.selfdata.model;

import org.selfdata.texts.Wording;

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
        BoundedText.required(name, Wording.of("error.model.field.recipientName"), NAME_LENGTH);
        BoundedText.required(legalName, Wording.of("error.model.field.recipientLegalName"), NAME_LENGTH);
        requireCountry(country, Wording.of("error.model.field.recipientCountry"));
        BoundedText.required(contact, Wording.of("error.model.field.recipientContact"), CONTACT_LENGTH);
        BoundedText.optional(dataProtectionOfficer, Wording.of("error.model.field.recipientOfficer"), CONTACT_LENGTH);
    }

    static String requireCountry(String country, Wording field) {
        requireNonNull(country, field.key() + " is null");
        if (!COUNTRY.matcher(country).matches()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.countryCode", field));
        }
        return country;
    }
}
