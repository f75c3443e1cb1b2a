package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import org.selfdata.vault.Vault;

import static java.util.Objects.requireNonNull;

/**
 * What an auditor the person named may check of their log, with the token the person gave it: every head the vault
 * signed, and the proofs between them and of any entry the person shows it, but no entry itself. An auditor that keeps
 * the heads it fetched and asks, later, for the consistency proof from each to the newest knows that the log only ever
 * grew: the vault cannot rewrite what a head it signed covers without the auditor seeing it.
 */
final class AuditRoutes implements HttpService {
    private final LogProofs proofs;

    AuditRoutes(Vault vault) {
        this.proofs = new LogProofs(requireNonNull(vault, "vault is null"));
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/audit/log/head", ctx -> proofs.head(ctx, AuditorGuard.audited(ctx)), Access.AUDITOR);
        routes.get("/api/v1/audit/log/heads", ctx -> proofs.heads(ctx, AuditorGuard.audited(ctx)), Access.AUDITOR);
        routes.get("/api/v1/audit/log/proofs/inclusion",
                ctx -> proofs.inclusion(ctx, AuditorGuard.audited(ctx), entry -> true, false), Access.AUDITOR);
        routes.get("/api/v1/audit/log/proofs/consistency", ctx -> proofs.consistency(ctx, AuditorGuard.audited(ctx)),
                Access.AUDITOR);
    }
}
