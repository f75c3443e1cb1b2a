package org.selfdata.rights;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a person sets of an organization's record: its name, the ways to reach it and its SIREN number. The rest of a
 * directory entry (its categories, countries, brands, what it asks to identify a person, whether it is an authority)
 * is the directory's knowledge, which a correction keeps; an organization the person adds starts without it.
 *
 * @param requestLanguage the ISO 639-1 language requests should be written in, when the person knows it
 */
public record OrganizationDetails(String name, Optional<String> postalAddress, Optional<String> email,
        Optional<String> phone, Optional<String> fax, Optional<String> web, Optional<String> webForm,
        Optional<String> siren, Optional<String> requestLanguage) {
    public OrganizationDetails {
        requireNonNull(name, "name is null");
        requireNonNull(postalAddress, "postalAddress is null");
        requireNonNull(email, "email is null");
        requireNonNull(phone, "phone is null");
        requireNonNull(fax, "fax is null");
        requireNonNull(web, "web is null");
        requireNonNull(webForm, "webForm is null");
        requireNonNull(siren, "siren is null");
        requireNonNull(requestLanguage, "requestLanguage is null");
    }

    /** The details an organization's record gives now, from which a person changes what they know better. */
    public static OrganizationDetails of(Organization organization) {
        return new OrganizationDetails(organization.name(), organization.postalAddress(), organization.email(),
                organization.phone(), organization.fax(), organization.web(), organization.webForm(),
                organization.siren(), organization.requestLanguage());
    }

    /** The record with these details in place of its own, everything else as it was. */
    Organization appliedTo(Organization record) {
        return new Organization(record.slug(), name, postalAddress, email, phone, fax, web, webForm,
                record.categories(), record.countries(), record.requiredElements(), record.needsIdentityDocument(),
                requestLanguage, record.suggestedChannel().filter(this::reaches), record.authority(), record.origin(),
                record.runs(), siren);
    }

    /** A new organization of this slug, known by these details alone. */
    Organization organization(String slug) {
        return new Organization(slug, name, postalAddress, email, phone, fax, web, webForm, List.of(), List.of(),
                List.of(), false, requestLanguage, Optional.empty(), false, Organization.Origin.PERSON, List.of(),
                siren);
    }

    /** Whether the channel a directory entry suggests still has an address once the person's details replace its own. */
    private boolean reaches(Organization.Channel channel) {
        return switch (channel) {
            case EMAIL -> email.isPresent();
            case LETTER -> postalAddress.isPresent();
            case FAX -> fax.isPresent();
            case WEB_FORM -> webForm.isPresent();
        };
    }
}
