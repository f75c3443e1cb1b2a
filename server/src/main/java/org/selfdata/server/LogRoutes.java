package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GrantId;
import org.selfdata.model.LogAction;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecipientId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.vault.LogAuditors;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.LogVerification;
import org.selfdata.vault.SignedTreeHead;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The owner's transparency log over HTTP: its entries, a page at a time, as the exact leaves of the Merkle tree (a
 * client hashes them as they come); the signed tree head; inclusion and consistency proofs to check an entry or an
 * older head against it; the whole log checked against its signed head, so a person sees at once whether anything was
 * altered behind the vault; every head the vault signed; the auditors the person names, each given a token that opens
 * the heads and proofs of this log alone ({@link AuditRoutes}); and, public, the vault's key that signs the heads, at
 * {@code /.well-known/jwks.json}.
 */
final class LogRoutes implements HttpService {
    private static final List<String> LOG_PARAMETERS = List.of("recipient", "grant", "action", "after", "limit");

    private static final Set<String> AUDITOR_FIELDS = Set.of("name", "days");
    private static final int DEFAULT_AUDIT_DAYS = 90;

    private final Vault vault;
    private final LogProofs proofs;
    private final JsonBodies bodies;

    record AuditorJson(String id, String name, Instant createdAt, Instant expiresAt, Optional<Instant> lastUsedAt) {}

    record AuditorsJson(List<AuditorJson> auditors) {}

    record NamedAuditorJson(AuditorJson auditor, String token) {}

    record VerifiedHeadJson(long treeSize, String root, Instant timestamp, String keyId) {}

    /**
     * What checking the log found: intact with the head it matches, or the first entry that is not as the vault wrote
     * it (none when the head itself does not hold), what is wrong with it, and a sentence saying so.
     */
    record VerificationJson(boolean verified, long entries, Optional<VerifiedHeadJson> head, Optional<Long> firstBad,
            Optional<String> what, Optional<String> message) {}

    LogRoutes(Vault vault, JsonBodies bodies) {
        this.vault = requireNonNull(vault, "vault is null");
        this.proofs = new LogProofs(vault);
        this.bodies = requireNonNull(bodies, "bodies is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/log", this::entries);
        routes.get("/api/v1/log/head", ctx -> proofs.head(ctx, person(ctx)));
        routes.get("/api/v1/log/heads", ctx -> proofs.heads(ctx, person(ctx)));
        routes.get("/api/v1/log/verification", this::verification);
        routes.get("/api/v1/log/proofs/inclusion", ctx -> proofs.inclusion(ctx, person(ctx), entry -> true, true));
        routes.get("/api/v1/log/proofs/consistency", ctx -> proofs.consistency(ctx, person(ctx)));
        routes.get("/api/v1/log/auditors", this::auditors);
        routes.post("/api/v1/log/auditors", this::nameAuditor);
        routes.delete("/api/v1/log/auditors/{auditor}", this::endAuditor);
        routes.get("/.well-known/jwks.json", this::keys, Access.PUBLIC);
    }

    /** A page of entries: {"entries":[leaf, ...],"next":index}, each leaf byte for byte as it is hashed. */
    private void entries(Context ctx) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), LOG_PARAMETERS);
        LogQuery filters = new LogQuery(parameters.single("recipient").map(RecipientId::of),
                parameters.single("grant").map(GrantId::of), parameters.single("action").map(LogAction::fromTerm),
                Optional.empty(), LogQuery.MAXIMUM_LIMIT);
        proofs.entries(ctx, person(ctx), parameters, filters);
    }

    private void verification(Context ctx) {
        QueryParameters.of(ctx.queryParamMap(), List.of());
        PersonId person = person(ctx);
        SignedTreeHead head = vault.log().head(person);
        LogVerification verification = vault.log().verify(person);
        ctx.json(switch (verification) {
            case LogVerification.Intact intact -> new VerificationJson(true, intact.size(), Optional.of(new VerifiedHeadJson(
                    intact.size(), intact.root().base64(), head.timestamp(), vault.signingKey().keyId())), Optional.empty(),
                    Optional.empty(), Optional.empty());
            case LogVerification.EntryBroken broken -> new VerificationJson(false, head.treeSize(), Optional.empty(),
                    Optional.of(broken.index()), Optional.of(broken.problem().name().toLowerCase(Locale.ROOT)),
                    Optional.of(broken.describe()));
            case LogVerification.HeadBroken broken -> new VerificationJson(false, head.treeSize(), Optional.empty(),
                    Optional.empty(), Optional.of("head"), Optional.of(broken.describe()));
        });
    }

    private void auditors(Context ctx) {
        QueryParameters.of(ctx.queryParamMap(), List.of());
        ctx.json(new AuditorsJson(vault.auditors().list(person(ctx)).stream().map(LogRoutes::json).toList()));
    }

    /** Names an auditor: the token is in this answer and nowhere else, ever. */
    private void nameAuditor(Context ctx) {
        JsonNode body = bodies.read(ctx);
        if (!body.isObject() || body.propertyNames().stream().anyMatch(field -> !AUDITOR_FIELDS.contains(field))) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.auditorFields"));
        }
        int days = JsonFields.optionalInteger(body, "days").orElse(DEFAULT_AUDIT_DAYS);
        LogAuditors.Named named = vault.auditors().name(person(ctx), JsonFields.text(body, "name"), Duration.ofDays(days));
        ctx.header("Cache-Control", "no-store");
        ctx.status(201).json(new NamedAuditorJson(json(named.auditor()), named.token()));
    }

    private void endAuditor(Context ctx) {
        vault.auditors().end(person(ctx), ctx.pathParam("auditor"));
        ctx.status(204);
    }

    private static AuditorJson json(LogAuditors.Auditor auditor) {
        return new AuditorJson(auditor.id(), auditor.name(), auditor.createdAt(), auditor.expiresAt(), auditor.lastUsedAt());
    }

    private void keys(Context ctx) {
        ctx.contentType("application/jwk-set+json").result(vault.signingKey().publicKeys().toString(true));
    }

    private static PersonId person(Context ctx) {
        return OwnerGuard.signedIn(ctx).person();
    }
}
