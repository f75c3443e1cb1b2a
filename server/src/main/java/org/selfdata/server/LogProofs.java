package org.selfdata.server;

import io.javalin.http.Context;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogEntry;
import org.selfdata.model.LogEntryJson;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.vault.ConsistencyProof;
import org.selfdata.vault.InclusionProof;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.SignedTreeHead;
import org.selfdata.vault.TreeHash;
import org.selfdata.vault.Vault;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * The signed heads of a person's log and the proofs against them, answered alike to the person, to a recipient about
 * the entries of its grant, and to an auditor the person named: whoever checks needs the same things, and only who may
 * ask and about which entries differs, which the routes decide.
 *
 * <p>A head is the newest unless {@code size} asks for the one the vault signed when the log had that many entries:
 * a checker that kept an older head fetches it again to prove the newer one grew from it.
 */
final class LogProofs {
    private static final int DEFAULT_ENTRIES = 100;
    private static final int MAXIMUM_ENTRIES = 1_000;
    private static final int DEFAULT_HEADS = 100;
    private static final int MAXIMUM_HEADS = 1_000;

    private final Vault vault;

    record HeadJson(long treeSize, String root, Instant timestamp, String keyId, String signedHead) {}

    record HeadsJson(List<HeadJson> heads, Optional<Long> next) {}

    /** An inclusion proof; {@code leaf}, the entry's exact bytes in base64url, only to those who may read the entry. */
    record InclusionJson(long index, long treeSize, Optional<String> leaf, String leafHash, List<String> path) {}

    record ConsistencyJson(long from, long to, List<String> path) {}

    LogProofs(Vault vault) {
        this.vault = requireNonNull(vault, "vault is null");
    }

    /**
     * A page of the entries the filters select, after the {@code after} index and at most {@code limit} of them, as
     * {"entries":[leaf, ...],"next":index}, each leaf byte for byte as it is hashed.
     */
    void entries(Context ctx, PersonId person, QueryParameters parameters, LogQuery filters) {
        long after = parameters.wholeNumber("after", -1, Long.MAX_VALUE, -1);
        LogQuery query = (after < 0 ? filters : filters.after(after))
                .limit((int) parameters.wholeNumber("limit", 1, MAXIMUM_ENTRIES, DEFAULT_ENTRIES));
        List<LogEntry> entries = vault.log().query(person, query);
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

    void head(Context ctx, PersonId person) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), List.of("size"));
        SignedTreeHead head = parameters.single("size").isEmpty() ? vault.log().head(person)
                : vault.log().headOfSize(person, parameters.wholeNumber("size", 1, Long.MAX_VALUE, 1))
                        .orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND,
                                Wording.of("error.server.noHeadOfSize", parameters.single("size").orElseThrow())));
        ctx.json(json(head));
    }

    void heads(Context ctx, PersonId person) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), List.of("after", "limit"));
        long after = parameters.wholeNumber("after", 0, Long.MAX_VALUE, 0);
        int limit = (int) parameters.wholeNumber("limit", 1, MAXIMUM_HEADS, DEFAULT_HEADS);
        List<HeadJson> heads = vault.log().heads(person, after, limit).stream().map(this::json).toList();
        ctx.json(new HeadsJson(heads, heads.size() == limit ? Optional.of(heads.getLast().treeSize()) : Optional.empty()));
    }

    /**
     * The proof that an entry is in the tree of the asked size (the newest by default). {@code mayRead} says which
     * entries the caller may ask about: any other index is answered exactly as one past the end of the log, so that
     * the answer tells nothing of entries the caller may not see. {@code withLeaf} adds the entry's bytes.
     */
    void inclusion(Context ctx, PersonId person, Predicate<LogEntry> mayRead, boolean withLeaf) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), List.of("index", "size"));
        long size = parameters.wholeNumber("size", 1, Long.MAX_VALUE, vault.log().head(person).treeSize());
        long index = parameters.wholeNumber("index", 0, Long.MAX_VALUE, 0);
        LogEntry entry = (index < size ? vault.log().entry(person, index) : Optional.<LogEntry>empty()).filter(mayRead)
                .orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND,
                        Wording.of("error.vault.noLogEntry", Long.toString(index))));
        InclusionProof proof = vault.log().inclusionProof(person, index, size);
        Optional<String> leaf = withLeaf
                ? Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(LogEntryJson.bytes(entry)))
                : Optional.empty();
        ctx.json(new InclusionJson(proof.index(), proof.treeSize(), leaf, vault.log().leafHash(person, index).base64(),
                proof.path().stream().map(TreeHash::base64).toList()));
    }

    void consistency(Context ctx, PersonId person) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), List.of("from", "to"));
        long to = parameters.wholeNumber("to", 0, Long.MAX_VALUE, vault.log().head(person).treeSize());
        long from = parameters.wholeNumber("from", 0, to, 0);
        ConsistencyProof proof = vault.log().consistencyProof(person, from, to);
        ctx.json(new ConsistencyJson(proof.fromSize(), proof.toSize(), proof.path().stream().map(TreeHash::base64).toList()));
    }

    private HeadJson json(SignedTreeHead head) {
        return new HeadJson(head.treeSize(), head.root().base64(), head.timestamp(), vault.signingKey().keyId(), head.jws());
    }
}
