package org.selfdata.server;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.Recipient;
import org.selfdata.vault.OAuthTokens;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The OAuth 2.0 revocation endpoint, {@code POST /oauth/revoke} (RFC 7009): a recipient done with a token ends it at
 * once rather than letting it live its hour, or its grant's time for a refresh token. The client authenticates as at
 * the token endpoint. Revoking a refresh token ends the access tokens issued from the same authorization too.
 *
 * <p>Every token the request names is answered 200, revoked or not: unknown, already revoked, or another client's
 * (which is left alone), as section 2.2 says, so that the endpoint tells nothing about tokens a client does not hold.
 * Nothing of the token is logged.
 */
final class RevocationRoutes implements HttpService {
    private final TokenClients clients;
    private final OAuthTokens tokens;
    private final IssuerAddress issuer;

    RevocationRoutes(TokenClients clients, OAuthTokens tokens, IssuerAddress issuer) {
        this.clients = requireNonNull(clients, "clients is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.issuer = requireNonNull(issuer, "issuer is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.post("/oauth/revoke", this::revoke, Access.PUBLIC);
    }

    private void revoke(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        try {
            TokenRevocationRequest request = parse(ctx);
            Recipient recipient = clients.authenticate(Optional.ofNullable(request.getClientAuthentication()),
                    Optional.ofNullable(request.getClientID()));
            tokens.revoke(request.getToken().getValue(), recipient.id());
            ctx.status(200);
        }
        catch (OAuthRefusal refused) {
            refused.answer(ctx);
        }
    }

    private TokenRevocationRequest parse(Context ctx) {
        try {
            return TokenRevocationRequest.parse(TokenClients.read(ctx, issuer.resolve("oauth/revoke")));
        }
        catch (ParseException e) {
            throw TokenClients.unreadable(e, "the revocation request");
        }
    }
}
