package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.gate.Consent;
import org.selfdata.gate.ConsentCheck;
import org.selfdata.gate.Gate;
import org.selfdata.gate.ReceiptedGrant;
import org.selfdata.gate.Refusal;
import org.selfdata.gate.Sharing;
import org.selfdata.model.InstantText;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.vault.ConsentReceiptArchive;
import org.selfdata.vault.Grants;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The person's grants: {@code /api/v1/grants}, each with its status and terms, its signed receipts, and its
 * withdrawal. Withdrawing is one request: the grant is marked withdrawn and every token bound to it is deleted before
 * the answer goes out, so the recipient's very next request is refused.
 *
 * <p>The person may also draw up a grant for a registered recipient themselves, without the recipient asking:
 * {@code POST /api/v1/grants/preview} checks the terms against the recipient's declaration as they are being chosen,
 * and shows a few records as the recipient would receive them; {@code POST /api/v1/grants} gives them. Terms the
 * declaration does not justify are refused with every reason, as they are on the consent page.
 */
final class GrantRoutes implements HttpService {
    private static final int PREVIEW_RECORDS = 5;

    private final Sharing sharing;
    private final Consent consent;
    private final Gate gate;
    private final Grants grants;
    private final ConsentReceiptArchive receipts;
    private final RevealComparisonJson reveals;
    private final JsonBodies bodies;
    private final Clock clock;

    GrantRoutes(Sharing sharing, Consent consent, Gate gate, Grants grants, ConsentReceiptArchive receipts,
                RevealComparisonJson reveals, JsonBodies bodies, Clock clock) {
        this.sharing = requireNonNull(sharing, "sharing is null");
        this.consent = requireNonNull(consent, "consent is null");
        this.gate = requireNonNull(gate, "gate is null");
        this.grants = requireNonNull(grants, "grants is null");
        this.receipts = requireNonNull(receipts, "receipts is null");
        this.reveals = requireNonNull(reveals, "reveals is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/grants", this::list);
        routes.post("/api/v1/grants", this::give);
        routes.post("/api/v1/grants/preview", this::preview);
        routes.get("/api/v1/grants/{grant}", this::grant);
        routes.get("/api/v1/grants/{grant}/receipts", this::receipts);
        routes.post("/api/v1/grants/{grant}/withdrawal", this::withdraw);
    }

    private void list(Context ctx) {
        ObjectNode json = ApiJson.mapper().createObjectNode();
        ArrayNode list = json.putArray("grants");
        for (Grant grant : sharing.grants(OwnerGuard.signedIn(ctx).person())) {
            SharingJson.write(list.addObject(), grant, clock.instant());
        }
        ctx.json(json);
    }

    /**
     * Whether the declaration justifies the terms, why not, what it would justify, and a few records as the recipient
     * would receive them under the terms, or under the justified ones when the terms are refused, and what it could work
     * out from them beside the person's exact data, for the terms and the justified ones. Nothing leaves the vault, so
     * nothing is logged.
     */
    private void preview(Context ctx) {
        PersonId person = OwnerGuard.signedIn(ctx).person();
        GrantTerms terms = SharingJson.terms(bodies.read(ctx), clock.instant());
        ObjectNode json = ApiJson.mapper().createObjectNode();
        ConsentCheck check = consent.check(terms);
        SharingJson.write(json, check, Problems.language(ctx), justified -> {
            gate.requireApplicable(justified);
            return gate.preview(person, justified, PREVIEW_RECORDS);
        });
        reveals.write(json, person, terms, SharingJson.offer(check), clock.instant(), Problems.language(ctx));
        ctx.json(json);
    }

    /** Gives the terms as they are, with their receipt and log entry, or refuses them with every reason. */
    private void give(Context ctx) {
        PersonId person = OwnerGuard.signedIn(ctx).person();
        GrantTerms terms = SharingJson.terms(bodies.read(ctx), clock.instant());
        gate.requireApplicable(terms);
        ReceiptedGrant given = switch (sharing.give(person, terms)) {
            case ReceiptedGrant receipted -> receipted;
            case Refusal refusal -> throw refusal.toException();
        };
        ObjectNode json = ApiJson.mapper().createObjectNode();
        SharingJson.write(json.putObject("grant"), given.grant(), clock.instant());
        json.put("receipt", given.receipt().jws());
        ctx.status(201).json(json);
    }

    private void grant(Context ctx) {
        Grant grant = find(ctx);
        ObjectNode json = ApiJson.mapper().createObjectNode();
        SharingJson.write(json, grant, clock.instant());
        ctx.json(json);
    }

    private void receipts(Context ctx) {
        Grant grant = find(ctx);
        ObjectNode json = ApiJson.mapper().createObjectNode();
        ArrayNode list = json.putArray("receipts");
        for (ConsentReceiptArchive.KeptReceipt receipt : receipts.list(grant.person(), grant.id())) {
            list.addObject().put("id", receipt.id()).put("event", receipt.event())
                    .put("issuedAt", InstantText.of(receipt.issuedAt())).put("jws", receipt.jws());
        }
        ctx.json(json);
    }

    private void withdraw(Context ctx) {
        Grant grant = find(ctx);
        ReceiptedGrant withdrawn = sharing.withdraw(grant.person(), grant.id());
        ObjectNode json = ApiJson.mapper().createObjectNode();
        SharingJson.write(json.putObject("grant"), withdrawn.grant(), clock.instant());
        json.put("receipt", withdrawn.receipt().jws());
        ctx.json(json);
    }

    private Grant find(Context ctx) {
        PersonId person = OwnerGuard.signedIn(ctx).person();
        return grantId(ctx.pathParam("grant")).flatMap(id -> grants.find(person, id))
                .orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.server.noGrant")));
    }

    private static java.util.Optional<GrantId> grantId(String text) {
        try {
            return java.util.Optional.of(GrantId.of(text));
        }
        catch (SelfdataException e) {
            return java.util.Optional.empty();
        }
    }
}
