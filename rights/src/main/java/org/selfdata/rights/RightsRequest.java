package org.selfdata.rights;

import org.selfdata.texts.Language;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A request the person makes to an organization under one of their rights, as it was drafted: to whom, under which
 * right, about what, how it travels and in which language its letters are written.
 *
 * @param id the request's id in the vault
 * @param reference a short token the letters quote, such as "SD-7K3Q", so that an answer can be matched to the
 *     request; unique among the person's requests
 * @param organization the organization as it was when the request was drafted: a later correction of the directory
 *     does not change whom a letter already sent was addressed to
 * @param portability for an access request, whether the data the person provided is also asked for under art. 20
 * @param about what the request is about, in the person's words: a customer number, a contract, an event
 * @param created when the request was drafted
 */
public record RightsRequest(String id, String reference, OrganizationSnapshot organization, Right right,
        boolean portability, Optional<String> about, Organization.Channel channel, Language language, Instant created) {
    private static final Pattern REFERENCE = Pattern.compile("SD-[0-9A-HJKMNP-TV-Z]{4}");

    public RightsRequest {
        requireNonNull(id, "id is null");
        requireNonNull(reference, "reference is null");
        if (!REFERENCE.matcher(reference).matches()) {
            throw new IllegalArgumentException("a request's reference is SD- and four letters or digits");
        }
        requireNonNull(organization, "organization is null");
        requireNonNull(right, "right is null");
        requireNonNull(about, "about is null");
        requireNonNull(channel, "channel is null");
        requireNonNull(language, "language is null");
        requireNonNull(created, "created is null");
    }

    /**
     * What a letter needs of an organization, copied when the request is drafted.
     *
     * @param slug the organization's identifier in the directory
     */
    public record OrganizationSnapshot(String slug, String name, Optional<String> postalAddress, Optional<String> email,
            Optional<String> fax, Optional<String> webForm) {
        public OrganizationSnapshot {
            requireNonNull(slug, "slug is null");
            requireNonNull(name, "name is null");
            requireNonNull(postalAddress, "postalAddress is null");
            requireNonNull(email, "email is null");
            requireNonNull(fax, "fax is null");
            requireNonNull(webForm, "webForm is null");
        }

        public static OrganizationSnapshot of(Organization organization) {
            return new OrganizationSnapshot(organization.slug(), organization.name(), organization.postalAddress(),
                    organization.email(), organization.fax(), organization.webForm());
        }
    }
}
