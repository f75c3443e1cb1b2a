package org.selfdata.vault;

import org.jooq.DSLContext;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;
import static org.selfdata.vault.VaultTables.RIGHTS_ORGANIZATIONS;
import static org.selfdata.vault.VaultTables.SEALED_ORGANIZATION;
import static org.selfdata.vault.VaultTables.SLUG;

/**
 * The organizations a person added to the rights desk's directory or corrected in it, each kept under its slug: a
 * correction has the slug of the directory's entry it replaces.
 *
 * <p>An organization is kept as the text of its JSON, which the rights desk writes and reads; here it is only text,
 * sealed under the vault's key and bound to its person and slug, since the organizations a person deals with (a
 * clinic, a union, a lender) say much about them. The vault neither reads nor checks it: whoever saves one has
 * checked it as an organization first.
 */
public final class RightsOrganizations {
    /** Far more than any organization's record: a name, an address, a few contacts and identification elements. */
    public static final int MAXIMUM_LENGTH = 64 * 1024;
    /** A slug as the directory writes them: lower-case words of letters and digits joined by single hyphens. */
    public static final Pattern SLUG_PATTERN = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAXIMUM_SLUG_LENGTH = 100;

    private final SealedTexts organizations;

    RightsOrganizations(Database database, KeyEncryptionKey keyEncryptionKey, Clock clock) {
        this.organizations = new SealedTexts(database, keyEncryptionKey, clock, RIGHTS_ORGANIZATIONS, SLUG,
                SEALED_ORGANIZATION, AssociatedData::rightsOrganization);
    }

    /** Keeps the organization under its slug, in place of the one kept before, if any. */
    public void save(PersonId person, String slug, String organization) {
        requireNonNull(person, "person is null");
        requireSlug(slug);
        requireLength(organization);
        organizations.save(person, slug, organization);
    }

    /** Every organization the person kept, by slug, with the time it was saved: what an export carries. */
    public List<SavedText> saved(PersonId person) {
        requireNonNull(person, "person is null");
        return organizations.saved(person);
    }

    /** Refuses an organization from an archive that {@link #save} would refuse, before a restore writes anything. */
    public static void check(SavedText organization) {
        requireSlug(organization.name());
        requireLength(organization.text());
    }

    /** Writes an organization from an archive inside a restore's transaction. */
    void restore(DSLContext dsl, PersonId person, SavedText organization) {
        check(organization);
        organizations.restore(dsl, person, organization);
    }

    /** The organization kept under this slug, if the person kept one. */
    public Optional<String> find(PersonId person, String slug) {
        requireNonNull(person, "person is null");
        requireSlug(slug);
        return organizations.find(person, slug);
    }

    /** Every organization the person kept, by slug in alphabetical order. */
    public Map<String, String> all(PersonId person) {
        requireNonNull(person, "person is null");
        return organizations.all(person);
    }

    /** Forgets the organization kept under this slug: the directory's entry, if any, is used again. */
    public boolean remove(PersonId person, String slug) {
        requireNonNull(person, "person is null");
        requireSlug(slug);
        return organizations.remove(person, slug);
    }

    private static void requireLength(String organization) {
        requireNonNull(organization, "organization is null");
        if (organization.length() > MAXIMUM_LENGTH) {
            throw new SelfdataException(ErrorCode.TOO_LARGE, Wording.of("error.rights.organization.tooLong",
                    MAXIMUM_LENGTH));
        }
    }

    private static void requireSlug(String slug) {
        if (slug == null || slug.length() > MAXIMUM_SLUG_LENGTH || !SLUG_PATTERN.matcher(slug).matches()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.organization.slug",
                    MAXIMUM_SLUG_LENGTH));
        }
    }
}
