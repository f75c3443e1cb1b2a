package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.gate.Accessor;
import org.selfdata.model.GrantId;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.Vault;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The person's log as a recipient may check it: the entries of its own grant (the grant given, each read, push and
 * refusal under it, its withdrawal), the signed heads, and the proofs that its entries are in the log and that the log
 * only grew. So an organization can show, with the vault's signature, what it received and when, and see that no
 * entry about it was changed afterwards.
 *
 * <p>Nothing of the other entries leaves: an index that is not its grant's is answered as one that does not exist. What
 * a head and a proof cannot help telling is the log's size, the number of entries the person's log holds (not what
 * they are); the README's threat model says so.
 */
final class SharedLogRoutes implements HttpService {
    private static final List<String> PARAMETERS = List.of("after", "limit");

    private final LogProofs proofs;

    SharedLogRoutes(Vault vault) {
        this.proofs = new LogProofs(requireNonNull(vault, "vault is null"));
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/shared/log", this::entries, Access.RECIPIENT, Access.PUSH);
        routes.get("/api/v1/shared/log/head", ctx -> proofs.head(ctx, recipient(ctx).person()), Access.RECIPIENT,
                Access.PUSH);
        routes.get("/api/v1/shared/log/proofs/inclusion", this::inclusion, Access.RECIPIENT, Access.PUSH);
        routes.get("/api/v1/shared/log/proofs/consistency", ctx -> proofs.consistency(ctx, recipient(ctx).person()),
                Access.RECIPIENT, Access.PUSH);
    }

    private void entries(Context ctx) {
        Accessor.Recipient recipient = recipient(ctx);
        proofs.entries(ctx, recipient.person(), QueryParameters.of(ctx.queryParamMap(), PARAMETERS),
                LogQuery.all().withGrant(grant(recipient)));
    }

    private void inclusion(Context ctx) {
        Accessor.Recipient recipient = recipient(ctx);
        GrantId grant = grant(recipient);
        proofs.inclusion(ctx, recipient.person(), entry -> entry.draft().grant().equals(Optional.of(grant)), true);
    }

    private static GrantId grant(Accessor.Recipient recipient) {
        return recipient.grant().id();
    }

    private static Accessor.Recipient recipient(Context ctx) {
        return RecipientGuard.recipient(ctx);
    }
}
