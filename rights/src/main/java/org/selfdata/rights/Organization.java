package org.selfdata.rights;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * An organization requests are sent to, or a supervisory authority complaints are lodged with: its privacy contacts
 * and what it asks to identify a person. Most come from the directory shipped with selfdata (the Datenanfragen.de
 * company database, CC0); the person can add their own or correct one, and their version is then the one used.
 *
 * @param slug the organization's identifier: lower-case letters, digits and hyphens, unique in the directory
 * @param postalAddress the lines of the address for privacy requests, the country on the last line
 * @param webForm the address of a web form for privacy requests
 * @param categories the directory's categories, such as "telecommunication" or "commerce"
 * @param countries ISO 3166-1 alpha-2 codes of the countries the record serves, or "all"
 * @param requiredElements what the organization asks to identify a person, beyond nothing
 * @param needsIdentityDocument whether the organization is known to require an identity document for every request
 * @param requestLanguage the ISO 639-1 language requests should be written in, when the record says
 * @param suggestedChannel how requests are best sent, when the record says
 * @param authority whether this is a supervisory authority (art. 51) rather than an organization
 * @param origin where this version of the record comes from
 * @param runs the brands, services and websites the organization runs under other names ("Instagram" for Meta),
 *     which a search for them finds
 * @param siren the SIREN number of a French company, nine digits without spaces, which a complaint to the CNIL names
 *     it by; the directory has none, the person may give it
 */
public record Organization(String slug, String name, Optional<String> postalAddress, Optional<String> email,
        Optional<String> phone, Optional<String> fax, Optional<String> web, Optional<String> webForm,
        List<String> categories, List<String> countries, List<RequiredElement> requiredElements,
        boolean needsIdentityDocument, Optional<String> requestLanguage, Optional<Channel> suggestedChannel,
        boolean authority, Origin origin, List<String> runs, Optional<String> siren) {
    public Organization {
        requireNonNull(slug, "slug is null");
        requireNonNull(name, "name is null");
        requireNonNull(postalAddress, "postalAddress is null");
        requireNonNull(email, "email is null");
        requireNonNull(phone, "phone is null");
        requireNonNull(fax, "fax is null");
        requireNonNull(web, "web is null");
        requireNonNull(webForm, "webForm is null");
        categories = List.copyOf(categories);
        countries = List.copyOf(countries);
        requiredElements = List.copyOf(requiredElements);
        requireNonNull(requestLanguage, "requestLanguage is null");
        requireNonNull(suggestedChannel, "suggestedChannel is null");
        requireNonNull(origin, "origin is null");
        runs = List.copyOf(runs);
        requireNonNull(siren, "siren is null");
    }

    /** An organization whose SIREN number is not known, as every entry of the directory is. */
    public Organization(String slug, String name, Optional<String> postalAddress, Optional<String> email,
            Optional<String> phone, Optional<String> fax, Optional<String> web, Optional<String> webForm,
            List<String> categories, List<String> countries, List<RequiredElement> requiredElements,
            boolean needsIdentityDocument, Optional<String> requestLanguage, Optional<Channel> suggestedChannel,
            boolean authority, Origin origin, List<String> runs) {
        this(slug, name, postalAddress, email, phone, fax, web, webForm, categories, countries, requiredElements,
                needsIdentityDocument, requestLanguage, suggestedChannel, authority, origin, runs, Optional.empty());
    }

    /** An organization that runs no brand under another name and whose SIREN number is not known. */
    public Organization(String slug, String name, Optional<String> postalAddress, Optional<String> email,
            Optional<String> phone, Optional<String> fax, Optional<String> web, Optional<String> webForm,
            List<String> categories, List<String> countries, List<RequiredElement> requiredElements,
            boolean needsIdentityDocument, Optional<String> requestLanguage, Optional<Channel> suggestedChannel,
            boolean authority, Origin origin) {
        this(slug, name, postalAddress, email, phone, fax, web, webForm, categories, countries, requiredElements,
                needsIdentityDocument, requestLanguage, suggestedChannel, authority, origin, List.of());
    }

    /** This record as coming from elsewhere: the person's own copy of a directory entry is the same record from them. */
    public Organization withOrigin(Origin newOrigin) {
        return new Organization(slug, name, postalAddress, email, phone, fax, web, webForm, categories, countries,
                requiredElements, needsIdentityDocument, requestLanguage, suggestedChannel, authority, newOrigin, runs,
                siren);
    }

    /** This record with another SIREN number, or none. */
    public Organization withSiren(Optional<String> newSiren) {
        return new Organization(slug, name, postalAddress, email, phone, fax, web, webForm, categories, countries,
                requiredElements, needsIdentityDocument, requestLanguage, suggestedChannel, authority, origin, runs,
                newSiren);
    }

    /**
     * An element of identification an organization asks for.
     *
     * @param description the organization's own words for it, as the directory gives them
     * @param kind the directory's type: "name", "email", "address", "birthdate", "phone", "customer_number", "login",
     *     "other", …
     * @param optional whether the organization accepts a request without it
     */
    public record RequiredElement(String description, String kind, boolean optional) {
        public RequiredElement {
            requireNonNull(description, "description is null");
            requireNonNull(kind, "kind is null");
        }

        /** An element the organization cannot do without. */
        public RequiredElement(String description, String kind) {
            this(description, kind, false);
        }
    }

    /** How a request travels. */
    public enum Channel {
        EMAIL,
        LETTER,
        FAX,
        WEB_FORM;

        /** The name used in the API, on the command line and in what the vault keeps: email, letter, fax, web-form. */
        public String term() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Where a version of an organization's record comes from. */
    public enum Origin {
        /** The directory shipped with selfdata. */
        DIRECTORY,
        /** Added or corrected by the person, kept in their vault. */
        PERSON
    }
}
