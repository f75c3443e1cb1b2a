package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.DeadlineStatus;
import org.selfdata.rights.Organization;
import org.selfdata.rights.PersonOrganizations;
import org.selfdata.rights.RequestEvent;
import org.selfdata.rights.RequestStatus;
import org.selfdata.rights.Requests;
import org.selfdata.rights.Right;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.RightsRequest;
import org.selfdata.rights.Sender;
import org.selfdata.rights.Timeline;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The rights desk, the owner's only: the directory of organizations, their requests with the deadline that applies
 * today, a request's letters and its evidence pack, the steps the person reports, and who they are in their letters.
 * The mail and the answers have routes of their own ({@link RightsMailRoutes}, {@link RightsAnswerRoutes}).
 *
 * <p>A request is found among the signed-in person's own: another person's id is not found, whatever it is.
 */
final class RightsRoutes implements HttpService {
    static final String PATH = "/api/v1/rights";
    private static final int DEFAULT_LIMIT = 20;

    private final RightsDesk desk;
    private final JsonBodies bodies;

    /**
     * @param origin {@code directory} or {@code person}: whose version this is
     * @param inDirectory whether the directory has an entry of this slug, which removing the person's version brings
     *     back
     */
    record OrganizationJson(String slug, String name, Optional<String> email, Optional<String> postalAddress,
            Optional<String> webForm, Optional<String> web, Optional<String> phone, Optional<String> fax,
            Optional<String> siren, Optional<String> requestLanguage, List<String> categories, boolean authority,
            String origin, boolean inDirectory) {}

    record OrganizationsJson(List<OrganizationJson> organizations) {}

    record DocumentJson(String id, String name, String mediaType, long size, String sha256, boolean withheld) {}

    record IdentityDocumentJson(String name, String mediaType, long size, String sha256) {}

    record EventJson(int index, String status, LocalDate happenedOn, Instant recordedAt, Optional<String> note,
            boolean reasonsGiven, List<DocumentJson> documents) {}

    record DeadlineJson(String kind, LocalDate date, long daysLeft, boolean overdue, String summary,
            List<String> reasons) {}

    record RequestJson(String id, String reference, String organization, String organizationName, String right,
            boolean portability, Optional<String> about, String channel, String language, String status,
            Instant created, Optional<DeadlineJson> deadline, List<EventJson> events,
            Optional<IdentityDocumentJson> identityDocument) {}

    record RequestsJson(List<RequestJson> requests) {}

    /** @param configured whether the person said who they are; the other fields are there only when they did */
    record SenderJson(boolean configured, Optional<String> name, Optional<String> postalAddress,
            Optional<String> email) {}

    RightsRoutes(RightsDesk desk, JsonBodies bodies) {
        this.desk = requireNonNull(desk, "desk is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get(PATH + "/organizations", this::organizations);
        routes.get(PATH + "/requests", this::requests);
        routes.post(PATH + "/requests", this::draft);
        routes.get(PATH + "/requests/{request}", this::request);
        routes.post(PATH + "/requests/{request}/steps", this::step);
        routes.get(PATH + "/requests/{request}/letter", this::letter);
        routes.get(PATH + "/requests/{request}/evidence", this::evidence);
        routes.get(PATH + "/sender", this::sender);
        routes.put(PATH + "/sender", this::saveSender);
    }

    private void organizations(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), List.of("q", "category", "limit"));
        int limit = parameters.single("limit").map(RightsRoutes::limit).orElse(DEFAULT_LIMIT);
        ctx.json(new OrganizationsJson(desk.directory(owner)
                .search(parameters.single("q").orElse(""), parameters.single("category"), limit).stream()
                .map(organization -> json(organization, desk.organizations())).toList()));
    }

    private void requests(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        Language language = Problems.language(ctx);
        ctx.json(new RequestsJson(desk.overview(owner).stream().map(view -> json(view, language)).toList()));
    }

    private void draft(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        JsonNode body = bodies.read(ctx);
        Map<String, String> identity = new LinkedHashMap<>();
        if (body.has("identity")) {
            JsonFields.object(body, "identity").properties()
                    .forEach(entry -> identity.put(entry.getKey(), entry.getValue().asString()));
        }
        RightsDesk.NewRequest request = new RightsDesk.NewRequest(JsonFields.text(body, "organization"),
                term(Right.values(), Right::term, JsonFields.text(body, "right"), "right"),
                body.path("portability").asBoolean(false), JsonFields.optionalText(body, "about"),
                term(Organization.Channel.values(), Organization.Channel::term, JsonFields.text(body, "channel"), "channel"),
                JsonFields.optionalText(body, "language").flatMap(Language::ofCode).orElse(Problems.language(ctx)),
                identity);
        ctx.status(201).json(json(desk.draft(owner, request), Problems.language(ctx)));
    }

    private void request(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        ctx.json(json(desk.request(owner, ctx.pathParam("request")), Problems.language(ctx)));
    }

    /**
     * Records a step the person reports, with the day it happened: {@code sent} for a letter posted or a web form
     * filled in (the letter as sent is kept with it), or what the organization did (received, identification asked,
     * extended, answered, refused) and what the person did next (identification given, reminder sent, complaint
     * lodged, closed).
     */
    private void step(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        String request = ctx.pathParam("request");
        desk.request(owner, request);
        JsonNode body = bodies.read(ctx);
        RequestStatus status = term(RequestStatus.values(), RequestStatus::term, JsonFields.text(body, "status"), "status");
        LocalDate on = TimeParameters.day("on", JsonFields.text(body, "on"));
        RightsDesk.RequestView recorded = status == RequestStatus.SENT
                ? desk.markSent(owner, request, on)
                : desk.record(owner, request, new Requests.Step(status, on, JsonFields.optionalText(body, "note"),
                        List.of(), body.path("reasonsGiven").asBoolean(false)));
        ctx.status(201).json(json(recorded, Problems.language(ctx)));
    }

    private void letter(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        String request = ctx.pathParam("request");
        String reference = desk.request(owner, request).timeline().request().reference();
        RightsLetterResponses.answer(ctx, () -> desk.letter(owner, request), () -> desk.letterPdf(owner, request),
                reference + ".pdf");
    }

    /**
     * The evidence pack, written to the response as it is made: a pack holds every document of the request, which may
     * weigh as much as the answers did, and none of it waits in memory.
     */
    private void evidence(Context ctx) throws IOException {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        String request = ctx.pathParam("request");
        String reference = desk.request(owner, request).timeline().request().reference();
        ctx.contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"evidence-" + reference + ".zip\"");
        try (OutputStream out = ctx.outputStream()) {
            desk.evidence(owner, request, Problems.language(ctx), out);
        }
    }

    /**
     * Who the person is in their letters, or {@code configured: false} before they said: a person without a sender
     * yet is a state the page asks about, as the mailbox's is, not a missing resource.
     */
    private void sender(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        ctx.json(json(desk.settings().sender(owner)));
    }

    private void saveSender(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        JsonNode body = bodies.read(ctx);
        Sender sender = new Sender(JsonFields.text(body, "name"), JsonFields.optionalText(body, "postalAddress"),
                JsonFields.optionalText(body, "email"));
        desk.settings().saveSender(owner, sender);
        ctx.json(json(Optional.of(sender)));
    }

    private static SenderJson json(Optional<Sender> sender) {
        return new SenderJson(sender.isPresent(), sender.map(Sender::name), sender.flatMap(Sender::postalAddress),
                sender.flatMap(Sender::email));
    }

    /** An organization as the list and the organization's own route give it. */
    static OrganizationJson json(Organization organization, PersonOrganizations organizations) {
        return new OrganizationJson(organization.slug(), organization.name(), organization.email(),
                organization.postalAddress(), organization.webForm(), organization.web(), organization.phone(),
                organization.fax(), organization.siren(), organization.requestLanguage(), organization.categories(),
                organization.authority(), organization.origin().name().toLowerCase(Locale.ROOT),
                organizations.inDirectory(organization.slug()));
    }

    static RequestJson json(RightsDesk.RequestView view, Language language) {
        Timeline timeline = view.timeline();
        RightsRequest request = timeline.request();
        Words words = Words.of(language);
        return new RequestJson(request.id(), request.reference(), request.organization().slug(),
                request.organization().name(), request.right().term(), request.portability(), request.about(),
                request.channel().term(), request.language().code(), timeline.status().term(), request.created(),
                view.deadline().map(deadline -> json(deadline, words)),
                timeline.events().stream().map(RightsRoutes::json).toList(),
                view.identityDocument().map(document -> new IdentityDocumentJson(document.name(), document.mediaType(),
                        document.size(), document.sha256())));
    }

    private static DeadlineJson json(DeadlineStatus deadline, Words words) {
        return new DeadlineJson(deadline.kind().term(), deadline.date(), deadline.daysLeft(), deadline.overdue(),
                words.say(deadline.summary()), deadline.reasons().stream().map(words::say).toList());
    }

    private static EventJson json(RequestEvent event) {
        return new EventJson(event.index(), event.status().term(), event.happenedOn(), event.recordedAt(), event.note(),
                event.reasonsGiven(), event.documents().stream().map(document -> new DocumentJson(document.id(),
                        document.name(), document.mediaType(), document.size(), document.sha256(), document.withheld()))
                        .toList());
    }

    static <T> T term(T[] values, java.util.function.Function<T, String> term, String given, String field) {
        return Arrays.stream(values).filter(value -> term.apply(value).equals(given)).findFirst()
                .orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of(
                        "error.rights.api.unknownTerm", field, String.join(", ", Arrays.stream(values).map(term).toList()))));
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= 100) {
                return limit;
            }
        }
        catch (NumberFormatException e) {
            // Said below, as for a number out of bounds.
        }
        throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.api.limit", 100));
    }
}
