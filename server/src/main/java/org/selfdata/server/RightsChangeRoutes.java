package org.selfdata.server;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.gate.Gate;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceId;
import org.selfdata.rights.AskWhatTheyHold;
import org.selfdata.rights.ChangeDelivery;
import org.selfdata.rights.ChangeEverywhere;
import org.selfdata.rights.ChangeOfDetail;
import org.selfdata.rights.Holder;
import org.selfdata.rights.Organization;
import org.selfdata.rights.PersonalDetail;
import org.selfdata.rights.RightsDesk;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The rights desk's actions that start from the vault, the owner's only: one change of detail sent as a rectification
 * to every organization that holds the old value, and an access request to the organization behind a source or a
 * registered recipient. The organizations holding a value are found through the gate, so the search is on the
 * person's log.
 */
final class RightsChangeRoutes implements HttpService {
    private final RightsDesk desk;
    private final ChangeEverywhere change;
    private final AskWhatTheyHold ask;
    private final JsonBodies bodies;

    record EvidenceJson(String kind, Optional<Long> source, Optional<String> sourceName, Optional<Integer> records,
            List<String> recordTypes, Optional<String> request, Optional<String> reference, Optional<String> right) {}

    record HolderJson(String slug, String name, boolean inDirectory, List<String> channels, List<EvidenceJson> evidence) {}

    record HoldersJson(List<HolderJson> organizations) {}

    record DeliveryJson(String organization, String status, Optional<String> request, Optional<String> reference,
            Optional<String> channel, Optional<String> reason) {}

    record DeliveriesJson(List<DeliveryJson> organizations) {}

    /**
     * The request drafted by "ask them what they hold", and whether its organization is in the directory: when not,
     * the draft has no address yet, and the person chooses the organization in the directory or adds its address.
     */
    record AskedJson(@JsonUnwrapped RightsRoutes.RequestJson request, boolean organizationInDirectory) {}

    RightsChangeRoutes(RightsDesk desk, Vault vault, Gate gate, JsonBodies bodies) {
        this.desk = requireNonNull(desk, "desk is null");
        this.change = new ChangeEverywhere(desk, vault, gate);
        this.ask = new AskWhatTheyHold(desk, vault);
        this.bodies = requireNonNull(bodies, "bodies is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.post(RightsRoutes.PATH + "/changes/candidates", this::candidates);
        routes.post(RightsRoutes.PATH + "/changes", this::send);
        routes.post(RightsRoutes.PATH + "/ask", this::ask);
    }

    private void candidates(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        JsonNode body = bodies.read(ctx);
        PersonalDetail detail = detail(body);
        String oldValue = JsonFields.text(body, "oldValue");
        ctx.json(new HoldersJson(change.holders(owner, detail, oldValue).stream().map(RightsChangeRoutes::json).toList()));
    }

    private void send(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        JsonNode body = bodies.read(ctx);
        ChangeOfDetail changed = new ChangeOfDetail(detail(body), JsonFields.text(body, "oldValue"),
                JsonFields.text(body, "newValue"));
        Optional<Organization.Channel> channel = JsonFields.optionalText(body, "channel").map(given -> RightsRoutes.term(
                Organization.Channel.values(), Organization.Channel::term, given, "channel"));
        Language language = Problems.language(ctx);
        ChangeEverywhere.Action action = new ChangeEverywhere.Action(changed,
                JsonFields.list(body, "organizations", slug -> slug), channel, body.path("send").asBoolean(true),
                JsonFields.optionalText(body, "language").flatMap(Language::ofCode).orElse(language));
        Words words = Words.of(language);
        ctx.json(new DeliveriesJson(change.send(owner, action).stream().map(delivery -> json(delivery, words)).toList()));
    }

    private void ask(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        JsonNode body = bodies.read(ctx);
        Optional<Integer> source = JsonFields.optionalInteger(body, "source");
        Optional<String> recipient = JsonFields.optionalText(body, "recipient");
        if (source.isPresent() == recipient.isPresent()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.api.askWhom"));
        }
        Language language = JsonFields.optionalText(body, "language").flatMap(Language::ofCode)
                .orElse(Problems.language(ctx));
        RightsDesk.RequestView drafted = source.isPresent()
                ? ask.fromSource(owner, SourceId.of(source.orElseThrow()), language)
                : ask.fromRecipient(owner, RecipientId.of(recipient.orElseThrow()), language);
        boolean inDirectory = desk.directory(owner).find(drafted.timeline().request().organization().slug()).isPresent();
        ctx.status(201).json(new AskedJson(RightsRoutes.json(drafted, Problems.language(ctx)), inDirectory));
    }

    private static PersonalDetail detail(JsonNode body) {
        return RightsRoutes.term(PersonalDetail.values(), PersonalDetail::term, JsonFields.text(body, "detail"), "detail");
    }

    private static HolderJson json(Holder holder) {
        return new HolderJson(holder.slug(), holder.name(), holder.inDirectory(),
                holder.channels().stream().map(Organization.Channel::term).toList(),
                holder.evidence().stream().map(RightsChangeRoutes::json).toList());
    }

    private static EvidenceJson json(Holder.Evidence evidence) {
        return switch (evidence) {
            case Holder.Evidence.InRecords found -> new EvidenceJson("records", Optional.of(found.source().value()),
                    Optional.of(found.sourceName()), Optional.of(found.records()),
                    found.kinds().stream().sorted().map(RecordType::id).toList(), Optional.empty(), Optional.empty(),
                    Optional.empty());
            case Holder.Evidence.InRequest given -> new EvidenceJson("request", Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of(), Optional.of(given.request()), Optional.of(given.reference()),
                    Optional.of(given.right().term()));
        };
    }

    private static DeliveryJson json(ChangeDelivery delivery, Words words) {
        return new DeliveryJson(delivery.slug(), delivery.status().term(),
                delivery.request().map(request -> request.id()), delivery.request().map(request -> request.reference()),
                delivery.request().map(request -> request.channel().term()), delivery.reason().map(words::say));
    }
}
