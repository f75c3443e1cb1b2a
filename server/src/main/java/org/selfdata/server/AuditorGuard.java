package org.selfdata.server;

import io.javalin.http.Context;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.vault.LogAuditors;

import static java.util.Objects.requireNonNull;

/**
 * Lets an auditor's request through to the log the person named it for, with the bearer token the person gave it,
 * looked up afresh at every request so that a token the person ended opens nothing the next instant. Answered as
 * {@link RecipientGuard} answers recipients (RFC 6750, section 3.1): no token, a bare challenge; a dead one,
 * {@code invalid_token}.
 */
final class AuditorGuard {
    private static final String AUDITED = "selfdata.audited";

    private final LogAuditors auditors;

    AuditorGuard(LogAuditors auditors) {
        this.auditors = requireNonNull(auditors, "auditors is null");
    }

    void check(Context ctx) {
        String token = RecipientGuard.bearerToken(ctx).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"selfdata\"");
            return new SelfdataException(ErrorCode.UNAUTHENTICATED, Wording.of("error.auditor.noToken"));
        });
        LogAuditors.Audit audit = auditors.find(token).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return new SelfdataException(ErrorCode.UNAUTHENTICATED, Wording.of("error.auditor.unknownToken"));
        });
        ctx.attribute(AUDITED, audit.person());
    }

    /** Whose log the auditor the guard let through may check; only for auditors' routes. */
    static PersonId audited(Context ctx) {
        PersonId person = ctx.attribute(AUDITED);
        if (person == null) {
            throw new SelfdataException(ErrorCode.INTERNAL, "a route that is not an auditor's asked whose log it audits");
        }
        return person;
    }
}
