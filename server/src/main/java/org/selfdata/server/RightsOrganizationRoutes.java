package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.Organization;
import org.selfdata.rights.OrganizationDetails;
import org.selfdata.rights.PersonOrganizations;
import org.selfdata.rights.RightsDesk;
import org.selfdata.texts.Wording;
import tools.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One organization as the signed-in person sees it, and their own version of it: the organization they add when the
 * directory lacks it, or their correction of the directory's entry, kept sealed in their vault and used in place of
 * the directory's until they remove it. Nobody else sees or changes a person's version: each reads and writes only
 * among the signed-in person's own.
 */
final class RightsOrganizationRoutes implements HttpService {
    private static final String PATH = RightsRoutes.PATH + "/organizations/{slug}";
    /** What a person sets of an organization, as {@link OrganizationDetails} has it: nothing else is taken. */
    private static final Set<String> FIELDS = Set.of("name", "postalAddress", "email", "phone", "fax", "web", "webForm",
            "siren", "requestLanguage");

    private final RightsDesk desk;
    private final JsonBodies bodies;

    RightsOrganizationRoutes(RightsDesk desk, JsonBodies bodies) {
        this.desk = requireNonNull(desk, "desk is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get(PATH, this::organization);
        routes.put(PATH, this::save);
        routes.delete(PATH, this::remove);
    }

    private void organization(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        String slug = ctx.pathParam("slug");
        Organization organization = desk.directory(owner).find(slug).orElseThrow(() ->
                new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.rights.desk.noOrganization", slug)));
        ctx.json(RightsRoutes.json(organization, desk.organizations()));
    }

    /**
     * The person's version from what they set, each field checked; 201 when no organization had the slug before. Asked
     * with {@code If-None-Match: *}, it only adds: a slug an organization has is refused with 409 rather than corrected,
     * so that a page adding an organization under a slug made from its name never corrects another by chance.
     */
    private void save(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        String slug = ctx.pathParam("slug");
        OrganizationDetails details = details(bodies.read(ctx));
        boolean known = desk.directory(owner).find(slug).isPresent();
        if (known && "*".equals(Optional.ofNullable(ctx.header("If-None-Match")).map(String::strip).orElse(""))) {
            throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.rights.api.organizationTaken", slug));
        }
        PersonOrganizations organizations = desk.organizations();
        Organization saved = organizations.save(owner, slug, details);
        ctx.status(known ? 200 : 201).json(RightsRoutes.json(saved, organizations));
    }

    private void remove(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        String slug = ctx.pathParam("slug");
        if (!desk.organizations().remove(owner, slug)) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.rights.api.noOwnOrganization", slug));
        }
        ctx.status(204);
    }

    private static OrganizationDetails details(JsonNode body) {
        if (!body.isObject() || body.propertyNames().stream().anyMatch(field -> !FIELDS.contains(field))) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.api.organizationFields"));
        }
        return new OrganizationDetails(JsonFields.text(body, "name"), JsonFields.optionalText(body, "postalAddress"),
                JsonFields.optionalText(body, "email"), JsonFields.optionalText(body, "phone"),
                JsonFields.optionalText(body, "fax"), JsonFields.optionalText(body, "web"),
                JsonFields.optionalText(body, "webForm"), JsonFields.optionalText(body, "siren"),
                JsonFields.optionalText(body, "requestLanguage"));
    }
}
