package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.Organization.Origin;
import org.selfdata.rights.Organization.RequiredElement;
import org.selfdata.texts.Wording;
import org.selfdata.vault.RightsOrganizations;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The organizations a person added to the directory or corrected in it, kept sealed in their vault and used in place
 * of the directory's: a search, a lookup by slug and a match for a source all see the person's version first.
 *
 * <p>What the person gives is checked before it is kept, each field with an error that names it, since a request
 * sent to a malformed address would be lost without anyone knowing: a name, at least one way to reach the
 * organization (an e-mail address, a postal address or a web form), well-formed e-mail and https web addresses, a
 * SIREN number with its check digit right, and lengths that no real organization's record exceeds.
 */
public final class PersonOrganizations {
    public static final int MAXIMUM_NAME_LENGTH = 200;
    public static final int MAXIMUM_ADDRESS_LENGTH = 500;
    public static final int MAXIMUM_ADDRESS_LINES = 10;
    public static final int MAXIMUM_EMAIL_LENGTH = 254;
    public static final int MAXIMUM_WEB_ADDRESS_LENGTH = 2000;
    public static final int MAXIMUM_PHONE_LENGTH = 40;
    public static final int MAXIMUM_LIST_SIZE = 50;
    public static final int MAXIMUM_LIST_ITEM_LENGTH = 200;
    public static final int MAXIMUM_DESCRIPTION_LENGTH = 500;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>(),;:\\\\\\[\\]]+@[a-zA-Z0-9-]+(\\.[a-zA-Z0-9-]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-/]{4,}");
    private static final Pattern COUNTRY = Pattern.compile("[a-z]{2}|all");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z_]{0,39}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private final RightsOrganizations store;
    private final Directory directory;

    public PersonOrganizations(RightsOrganizations store, Directory directory) {
        this.store = requireNonNull(store, "store is null");
        this.directory = requireNonNull(directory, "directory is null");
    }

    /** Checks and keeps the person's organization, in place of their earlier version and of the directory's entry. */
    public Organization save(PersonId person, Organization organization) {
        requireNonNull(person, "person is null");
        Organization checked = check(organization.withSiren(organization.siren().map(Siren::normalized)))
                .withOrigin(Origin.PERSON);
        store.save(person, checked.slug(), OrganizationJson.write(checked));
        return checked;
    }

    /**
     * Keeps the person's version of the organization of this slug with these details: a correction of the entry they
     * see now (the directory's, or their own earlier version), whose other knowledge it keeps, or a new organization
     * when no entry has the slug.
     */
    public Organization save(PersonId person, String slug, OrganizationDetails details) {
        requireNonNull(slug, "slug is null");
        requireNonNull(details, "details is null");
        Organization record = directory(person).find(slug).map(details::appliedTo)
                .orElseGet(() -> details.organization(slug));
        return save(person, record);
    }

    /** Whether the directory shipped with selfdata has an entry of this slug, which removing the person's brings back. */
    public boolean inDirectory(String slug) {
        requireNonNull(slug, "slug is null");
        return directory.find(slug).isPresent();
    }

    /** The person's own organizations, by slug. */
    public List<Organization> all(PersonId person) {
        requireNonNull(person, "person is null");
        return store.all(person).values().stream().map(json -> OrganizationJson.read(json, Origin.PERSON)).toList();
    }

    /** The person's version of this organization, if they kept one. */
    public Optional<Organization> find(PersonId person, String slug) {
        requireNonNull(person, "person is null");
        return store.find(person, slug).map(json -> OrganizationJson.read(json, Origin.PERSON));
    }

    /** Forgets the person's version of this organization: the directory's, if any, is used again. */
    public boolean remove(PersonId person, String slug) {
        requireNonNull(person, "person is null");
        return store.remove(person, slug);
    }

    /** The directory as this person sees it: their own organizations in place of or beside the directory's. */
    public Directory directory(PersonId person) {
        return directory.withPersonEntries(all(person));
    }

    /**
     * The organization if a person may keep it as it is; otherwise an error naming the first field at fault. The slug
     * is checked by the vault's rule, so that whatever passes here can be kept.
     */
    public static Organization check(Organization organization) {
        requireNonNull(organization, "organization is null");
        if (organization.slug().length() > RightsOrganizations.MAXIMUM_SLUG_LENGTH
                || !RightsOrganizations.SLUG_PATTERN.matcher(organization.slug()).matches()) {
            throw invalid(Wording.of("error.rights.organization.slug", RightsOrganizations.MAXIMUM_SLUG_LENGTH));
        }
        if (organization.name().isBlank() || organization.name().length() > MAXIMUM_NAME_LENGTH
                || CONTROL.matcher(organization.name()).find()) {
            throw invalid(Wording.of("error.rights.organization.name", MAXIMUM_NAME_LENGTH));
        }
        if (organization.email().isEmpty() && organization.postalAddress().isEmpty()
                && organization.webForm().isEmpty()) {
            throw invalid(Wording.of("error.rights.organization.noContact"));
        }
        organization.postalAddress().ifPresent(PersonOrganizations::checkAddress);
        organization.email().ifPresent(PersonOrganizations::checkEmail);
        organization.web().ifPresent(web -> checkWebAddress("web", web));
        organization.webForm().ifPresent(webForm -> checkWebAddress("webForm", webForm));
        organization.phone().ifPresent(phone -> checkPhone("phone", phone));
        organization.fax().ifPresent(fax -> checkPhone("fax", fax));
        if (organization.siren().filter(siren -> !Siren.isValid(siren)).isPresent()) {
            throw invalid(Wording.of("error.rights.organization.siren"));
        }
        checkList("categories", organization.categories());
        checkList("runs", organization.runs());
        checkList("countries", organization.countries());
        if (!organization.countries().stream().allMatch(country -> COUNTRY.matcher(country).matches())) {
            throw invalid(Wording.of("error.rights.organization.countries"));
        }
        organization.requestLanguage().filter(language -> !LANGUAGE.matcher(language).matches()).ifPresent(language -> {
            throw invalid(Wording.of("error.rights.organization.language"));
        });
        checkRequiredElements(organization.requiredElements());
        return organization;
    }

    private static void checkAddress(String address) {
        List<String> lines = address.lines().toList();
        if (address.isBlank() || address.length() > MAXIMUM_ADDRESS_LENGTH || lines.size() > MAXIMUM_ADDRESS_LINES
                || lines.stream().anyMatch(line -> CONTROL.matcher(line).find())) {
            throw invalid(Wording.of("error.rights.organization.address", MAXIMUM_ADDRESS_LINES,
                    MAXIMUM_ADDRESS_LENGTH));
        }
    }

    /** Whether a text is an e-mail address as an organization's record may hold it. */
    static boolean isEmailAddress(String text) {
        return text.length() <= MAXIMUM_EMAIL_LENGTH && EMAIL.matcher(text).matches();
    }

    private static void checkEmail(String email) {
        if (email.length() > MAXIMUM_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            throw invalid(Wording.of("error.rights.organization.email", MAXIMUM_EMAIL_LENGTH));
        }
    }

    private static void checkWebAddress(String field, String address) {
        if (address.length() > MAXIMUM_WEB_ADDRESS_LENGTH || !isHttps(address)) {
            throw invalid(Wording.of("error.rights.organization.webAddress", field, MAXIMUM_WEB_ADDRESS_LENGTH));
        }
    }

    private static boolean isHttps(String address) {
        try {
            URI uri = new URI(address);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null;
        }
        catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static void checkPhone(String field, String number) {
        if (number.length() > MAXIMUM_PHONE_LENGTH || !PHONE.matcher(number).matches()) {
            throw invalid(Wording.of("error.rights.organization.phone", field, MAXIMUM_PHONE_LENGTH));
        }
    }

    private static void checkList(String field, List<String> values) {
        if (values.size() > MAXIMUM_LIST_SIZE || values.stream().anyMatch(value -> value.isBlank()
                || value.length() > MAXIMUM_LIST_ITEM_LENGTH || CONTROL.matcher(value).find())) {
            throw invalid(Wording.of("error.rights.organization.list", field, MAXIMUM_LIST_SIZE,
                    MAXIMUM_LIST_ITEM_LENGTH));
        }
    }

    private static void checkRequiredElements(List<RequiredElement> elements) {
        boolean wellFormed = elements.size() <= MAXIMUM_LIST_SIZE && elements.stream().allMatch(element ->
                !element.description().isBlank() && element.description().length() <= MAXIMUM_DESCRIPTION_LENGTH
                        && KIND.matcher(element.kind()).matches());
        if (!wellFormed) {
            throw invalid(Wording.of("error.rights.organization.requiredElements", MAXIMUM_LIST_SIZE,
                    MAXIMUM_DESCRIPTION_LENGTH));
        }
    }

    private static SelfdataException invalid(Wording wording) {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, wording);
    }
}
