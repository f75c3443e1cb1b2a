package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.GrantId;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogEntry;
import org.selfdata.model.LogEntryJson;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecipientId;
import org.selfdata.vault.ConsistencyProof;
import org.selfdata.vault.InclusionProof;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.LogVerification;
import org.selfdata.vault.SignedTreeHead;
import org.selfdata.vault.TreeHash;
import org.selfdata.vault.Vault;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The owner's transparency log over HTTP: its entries, a page at a time, as the exact leaves of the Merkle tree (a
 * client hashes them as they come); the signed tree head; inclusion and consistency proofs to check an entry or an
 * older head against it; the whole log checked against its signed head, so a person sees at once whether anything was
 * altered behind the vault; and, public, the vault's key that signs the heads, at {@code /.well-known/jwks.json}.
 */
final class LogRoutes implements HttpService {
    private static final List<String> LOG_PARAMETERS = List.of("recipient", "grant", "action", "after", "limit");
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAXIMUM_LIMIT = 1_000;

    private final Vault vault;

    record HeadJson(long treeSize, String root, Instant timestamp, String keyId, String signedHead) {}

    record InclusionJson(long index, long treeSize, String leafHash, List<String> path) {}

    record ConsistencyJson(long from, long to, List<String> path) {}

    record VerifiedHeadJson(long treeSize, String root, Instant timestamp, String keyId) {}

    /**
     * What checking the log found: intact with the head it matches, or the first entry that is not as the vault wrote
     * it (none when the head itself does not hold), what is wrong with it, and a sentence saying so.
     */
    record VerificationJson(boolean verified, long entries, Optional<VerifiedHeadJson> head, Optional<Long> firstBad,
            Optional<String> what, Optional<String> message) {}

    LogRoutes(Vault vault) {
        this.vault = requireNonNull(vault, "vault is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/log", this::entries);
        routes.get("/api/v1/log/head", this::head);
        routes.get("/api/v1/log/verification", this::verification);
        routes.get("/api/v1/log/proofs/inclusion", this::inclusion);
        routes.get("/api/v1/log/proofs/consistency", this::consistency);
        routes.get("/.well-known/jwks.json", this::keys, Access.PUBLIC);
    }

    /** A page of entries: {"entries":[leaf, ...],"next":index}, each leaf byte for byte as it is hashed. */
    private void entries(Context ctx) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), LOG_PARAMETERS);
        long after = parameters.wholeNumber("after", -1, Long.MAX_VALUE, -1);
        LogQuery query = new LogQuery(parameters.single("recipient").map(RecipientId::of),
                parameters.single("grant").map(GrantId::of), parameters.single("action").map(LogAction::fromTerm),
                after < 0 ? java.util.Optional.empty() : java.util.Optional.of(after),
                (int) parameters.wholeNumber("limit", 1, MAXIMUM_LIMIT, DEFAULT_LIMIT));
        List<LogEntry> entries = vault.log().query(person(ctx), query);
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        page.writeBytes("{\"entries\":[".getBytes(StandardCharsets.US_ASCII));
        for (int position = 0; position < entries.size(); position++) {
            if (position > 0) {
                page.write(',');
            }
            page.writeBytes(LogEntryJson.bytes(entries.get(position)));
        }
        page.write(']');
        if (entries.size() == query.limit()) {
            page.writeBytes((",\"next\":" + entries.getLast().index()).getBytes(StandardCharsets.US_ASCII));
        }
        page.write('}');
        ctx.contentType("application/json").result(page.toByteArray());
    }

    private void head(Context ctx) {
        SignedTreeHead head = vault.log().head(person(ctx));
        ctx.json(new HeadJson(head.treeSize(), head.root().base64(), head.timestamp(), vault.signingKey().keyId(),
                head.jws()));
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

    private void inclusion(Context ctx) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), List.of("index", "size"));
        PersonId person = person(ctx);
        long size = parameters.wholeNumber("size", 1, Long.MAX_VALUE, vault.log().head(person).treeSize());
        long index = parameters.wholeNumber("index", 0, size - 1, 0);
        InclusionProof proof = vault.log().inclusionProof(person, index, size);
        ctx.json(new InclusionJson(proof.index(), proof.treeSize(), vault.log().leafHash(person, index).base64(),
                proof.path().stream().map(TreeHash::base64).toList()));
    }

    private void consistency(Context ctx) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), List.of("from", "to"));
        PersonId person = person(ctx);
        long to = parameters.wholeNumber("to", 0, Long.MAX_VALUE, vault.log().head(person).treeSize());
        long from = parameters.wholeNumber("from", 0, to, 0);
        ConsistencyProof proof = vault.log().consistencyProof(person, from, to);
        ctx.json(new ConsistencyJson(proof.fromSize(), proof.toSize(), proof.path().stream().map(TreeHash::base64).toList()));
    }

    private void keys(Context ctx) {
        ctx.contentType("application/jwk-set+json").result(vault.signingKey().publicKeys().toString(true));
    }

    private static PersonId person(Context ctx) {
        return OwnerGuard.signedIn(ctx).person();
    }
}
