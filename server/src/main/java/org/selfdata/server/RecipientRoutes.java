package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.InstantText;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.vault.OAuthTokens;
import org.selfdata.vault.People;
import org.selfdata.vault.Recipients;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static java.util.Objects.requireNonNull;

/**
 * Recipients and their declared processing, as the person sees them before any grant: {@code /api/v1/recipients}.
 *
 * <p>The catalogue is the vault's: every signed-in person reads it, since a person must see what a recipient declares
 * before granting it anything, and nothing in it tells who granted what. Only the vault's operator writes it, which the
 * vault enforces; the routes ask first, so that anyone else is refused before their request is read.
 *
 * <p>Registering a recipient gives it an id, which is its OAuth client id, and writes its first declaration. An
 * organization or a service (a confidential client, which pushes data back) also gets a secret, shown once: only its
 * hash is kept. A new declaration is a new version; grants keep the version the person was shown.
 *
 * <p>The operator may admit an app from the registration document it publishes ({@link RegistrationDocument}):
 * {@code POST /api/v1/recipients/review} reads the document and answers what would be admitted, writing nothing, so
 * that the operator reads the declaration before admitting it. The catalogue says whether the person asking may admit
 * recipients, so that a page can say who can, and why, before anyone tries.
 *
 * <p>A member's restore brings back the recipients of their grants that this vault had never admitted, as evidence
 * only: {@code GET /api/v1/recipients/awaiting-admission} lists them for the operator with their declarations, and
 * {@code POST /api/v1/recipients/{id}/admission} admits one.
 */
final class RecipientRoutes implements HttpService {
    private final Recipients recipients;
    private final People people;
    private final OAuthTokens tokens;
    private final JsonBodies bodies;
    private final RegistrationFetcher fetcher;

    RecipientRoutes(Recipients recipients, People people, OAuthTokens tokens, JsonBodies bodies,
                    RegistrationFetcher fetcher) {
        this.recipients = requireNonNull(recipients, "recipients is null");
        this.people = requireNonNull(people, "people is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
        this.fetcher = requireNonNull(fetcher, "fetcher is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/recipients", this::list);
        routes.post("/api/v1/recipients", this::register);
        routes.post("/api/v1/recipients/review", this::review);
        // Before the route of one recipient, whose ids are 22 characters long: this one is matched first.
        routes.get("/api/v1/recipients/awaiting-admission", this::awaiting);
        routes.get("/api/v1/recipients/{recipient}", this::recipient);
        routes.post("/api/v1/recipients/{recipient}/declarations", this::declare);
        routes.post("/api/v1/recipients/{recipient}/admission", this::admit);
    }

    private void list(Context ctx) {
        ObjectNode json = ApiJson.mapper().createObjectNode();
        json.put("youAdmit", people.get(OwnerGuard.signedIn(ctx).person()).isOperator());
        ArrayNode list = json.putArray("recipients");
        for (Recipient recipient : recipients.list()) {
            write(list.addObject(), recipient);
        }
        ctx.json(json);
    }

    private void register(Context ctx) {
        PersonId operator = operator(ctx);
        JsonNode body = bodies.read(ctx);
        ProcessingDeclaration declaration = SharingJson.declaration(JsonFields.object(body, "declaration"), 1);
        Recipient recipient = recipients.register(operator, SharingJson.identity(body), SharingJson.redirectUris(body),
                SharingJson.kind(body));
        recipients.declare(operator, recipient.id(), declaration);
        ObjectNode json = ApiJson.mapper().createObjectNode();
        write(json, recipient);
        if (recipient.kind() != Recipient.Kind.APP) {
            json.put("clientSecret", tokens.newRecipientSecret(operator, recipient.id()));
        }
        ctx.status(201).json(json);
    }

    /**
     * What a registration document would admit, as the operator reviews it; nothing is written. The document is the one
     * pasted ({@code document}), or the one the app publishes at an https address ({@code address}), fetched by the
     * server within the limits of {@link RegistrationFetcher}.
     */
    private void review(Context ctx) {
        operator(ctx);
        JsonNode body = bodies.read(ctx);
        JsonNode address = body.get("address");
        if (body.has("document") == (address != null)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.server.registrationDocumentOrAddress"));
        }
        RegistrationDocument document = address == null ? RegistrationDocument.read(body.get("document"))
                : RegistrationDocument.readFetched(fetcher.fetch(RegistrationAddress.parse(JsonFields.text(body, "address"))));
        ObjectNode json = ApiJson.mapper().createObjectNode();
        json.set("registration", document.registration());
        ctx.json(json);
    }

    /** The recipients that members' restores brought back, with what they declare, for the operator to review. */
    private void awaiting(Context ctx) {
        PersonId operator = operator(ctx);
        ObjectNode json = ApiJson.mapper().createObjectNode();
        ArrayNode list = json.putArray("recipients");
        for (Recipients.Awaiting awaiting : recipients.awaitingAdmission(operator)) {
            ObjectNode item = list.addObject();
            write(item, awaiting.recipient());
            item.put("restoredAt", InstantText.of(awaiting.restoredAt()));
        }
        ctx.json(json);
    }

    /** Admits a recipient that a restore brought back: from now on it is listed, and may ask for grants again. */
    private void admit(Context ctx) {
        PersonId operator = operator(ctx);
        Recipient recipient = find(ctx);
        recipients.admit(operator, recipient.id());
        ObjectNode json = ApiJson.mapper().createObjectNode();
        write(json, recipient);
        ctx.json(json);
    }

    private void recipient(Context ctx) {
        Recipient recipient = find(ctx);
        ObjectNode json = ApiJson.mapper().createObjectNode();
        write(json, recipient);
        ctx.json(json);
    }

    private void declare(Context ctx) {
        PersonId operator = operator(ctx);
        Recipient recipient = find(ctx);
        int next = recipients.currentDeclaration(recipient.id()).map(ProcessingDeclaration::version).orElse(0) + 1;
        ProcessingDeclaration declared = recipients.declare(operator, recipient.id(),
                SharingJson.declaration(bodies.read(ctx), next));
        ObjectNode json = ApiJson.mapper().createObjectNode();
        SharingJson.write(json, declared);
        ctx.status(201).json(json);
    }

    /** The signed-in person, if they are the vault's operator; anyone else is refused before their request is read. */
    private PersonId operator(Context ctx) {
        PersonId person = OwnerGuard.signedIn(ctx).person();
        recipients.requireOperator(person);
        return person;
    }

    private void write(ObjectNode json, Recipient recipient) {
        SharingJson.write(json, recipient);
        recipients.currentDeclaration(recipient.id())
                .ifPresent(declaration -> SharingJson.write(json.putObject("declaration"), declaration));
    }

    private Recipient find(Context ctx) {
        RecipientId id = recipientId(ctx.pathParam("recipient"));
        return recipients.find(id).orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND,
                Wording.of("error.server.noRecipientId", id.toString())));
    }

    static RecipientId recipientId(String text) {
        try {
            return RecipientId.of(text);
        }
        catch (SelfdataException e) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.server.noRecipient"));
        }
    }
}
