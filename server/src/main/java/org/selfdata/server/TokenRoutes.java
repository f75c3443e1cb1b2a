package org.selfdata.server;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.rar.AuthorizationType;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PlainClientSecret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.Grant;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientId;
import org.selfdata.model.SelfdataException;
import org.selfdata.vault.Grants;
import org.selfdata.vault.OAuthTokens;
import org.selfdata.vault.Recipients;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The OAuth 2.0 token endpoint, {@code POST /oauth/token}: a code for tokens (with its PKCE verifier), and a refresh
 * token for new ones. Requests are read by the Nimbus OAuth 2.0 SDK and answered as RFC 6749 says, errors included,
 * with {@code Cache-Control: no-store}.
 *
 * <p>Apps are public clients and prove themselves with PKCE; organizations and services are confidential and must
 * also authenticate with their secret. Tokens are issued only while the grant they are bound to is in force, and
 * live no longer than it: an access token an hour, a refresh token until the grant ends. A refresh token is rotated at
 * each use; using a spent one revokes its family.
 */
final class TokenRoutes implements HttpService {
    static final Duration ACCESS_LIFETIME = Duration.ofHours(1);

    private final Recipients recipients;
    private final Grants grants;
    private final OAuthTokens tokens;
    private final IssuerAddress issuer;
    private final Clock clock;

    TokenRoutes(Recipients recipients, Grants grants, OAuthTokens tokens, IssuerAddress issuer, Clock clock) {
        this.recipients = requireNonNull(recipients, "recipients is null");
        this.grants = requireNonNull(grants, "grants is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.issuer = requireNonNull(issuer, "issuer is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.post("/oauth/token", this::token, Access.PUBLIC);
        routes.get("/.well-known/oauth-authorization-server", this::metadata, Access.PUBLIC);
    }

    /**
     * The authorization server's metadata (RFC 8414), so that a recipient configures itself from the vault's address.
     * The issuer and every endpoint are the server's own address ({@link IssuerAddress}), never the request's
     * {@code Host}; every authorization response names the issuer in {@code iss} (RFC 9207), so that an app that talks to
     * several servers can tell which one answered.
     */
    private void metadata(Context ctx) {
        AuthorizationServerMetadata metadata = new AuthorizationServerMetadata(issuer.issuer());
        metadata.setAuthorizationEndpointURI(issuer.resolve("oauth/authorize"));
        metadata.setTokenEndpointURI(issuer.resolve("oauth/token"));
        metadata.setJWKSetURI(issuer.resolve(".well-known/jwks.json"));
        metadata.setSupportsAuthorizationResponseIssuerParam(true);
        metadata.setResponseTypes(List.of(new ResponseType(ResponseType.Value.CODE)));
        metadata.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        metadata.setTokenEndpointAuthMethods(List.of(ClientAuthenticationMethod.NONE,
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST));
        metadata.setAuthorizationDetailsTypes(List.of(new AuthorizationType(AuthorizationAsk.DETAIL_TYPE)));
        ctx.contentType("application/json").result(metadata.toJSONObject().toJSONString());
    }

    private record Issued(OAuthTokens.TokenPair pair, Grant grant) {}

    /** A refusal in OAuth's own terms, answered as an RFC 6749 error response rather than a problem. */
    private static final class Refused extends RuntimeException {
        private final ErrorObject error;

        Refused(ErrorObject error, String description) {
            super(description, null, false, false);
            this.error = error.setDescription(description);
        }
    }

    private void token(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        try {
            TokenRequest request = parse(ctx);
            Recipient recipient = authenticate(request);
            Issued issued = switch (request.getAuthorizationGrant()) {
                case AuthorizationCodeGrant code -> redeem(code, recipient);
                case RefreshTokenGrant refresh -> rotate(refresh, recipient);
                default -> throw new Refused(OAuth2Error.UNSUPPORTED_GRANT_TYPE,
                        "this server answers the authorization_code and refresh_token grants");
            };
            OAuthTokens.TokenPair pair = issued.pair();
            Tokens tokenPair = new Tokens(new BearerAccessToken(pair.accessToken(), pair.accessLifetime().toSeconds(), null),
                    new RefreshToken(pair.refreshToken()));
            AccessTokenResponse response = new AccessTokenResponse(tokenPair, Map.of("grant_id", issued.grant().id().value(),
                    "grant_kind", issued.grant().terms().kind().term()));
            ctx.status(200).contentType("application/json").result(response.toJSONObject().toJSONString());
        }
        catch (Refused refused) {
            ctx.status(refused.error.getHTTPStatusCode()).contentType("application/json")
                    .result(refused.error.toJSONObject().toJSONString());
        }
    }

    private TokenRequest parse(Context ctx) {
        try {
            HTTPRequest http = new HTTPRequest(HTTPRequest.Method.POST, issuer.resolve("oauth/token"));
            Optional.ofNullable(ctx.contentType()).ifPresent(type -> http.setHeader("Content-Type", type));
            Optional.ofNullable(ctx.header("Authorization")).ifPresent(http::setAuthorization);
            http.setBody(ctx.body());
            return TokenRequest.parse(http);
        }
        catch (ParseException e) {
            throw new Refused(OAuth2Error.INVALID_REQUEST, "the token request cannot be read: "
                    + Optional.ofNullable(e.getErrorObject()).map(ErrorObject::getDescription).orElse("malformed"));
        }
    }

    private Recipient authenticate(TokenRequest request) {
        ClientAuthentication authentication = request.getClientAuthentication();
        ClientID client = authentication != null ? authentication.getClientID() : request.getClientID();
        if (client == null) {
            throw new Refused(OAuth2Error.INVALID_CLIENT, "the request names no client");
        }
        Optional<Recipient> recipient = recipientId(client).flatMap(recipients::find);
        if (recipient.isEmpty()) {
            throw new Refused(OAuth2Error.INVALID_CLIENT, "the client is not registered with this vault");
        }
        boolean confidential = recipient.get().kind() != Recipient.Kind.APP;
        if (authentication instanceof PlainClientSecret secret) {
            if (!tokens.isRecipientSecret(recipient.get().id(), secret.getClientSecret().getValue())) {
                throw new Refused(OAuth2Error.INVALID_CLIENT, "the client's credentials are wrong");
            }
        }
        else if (confidential || authentication != null) {
            throw new Refused(OAuth2Error.INVALID_CLIENT,
                    "this client must authenticate with its secret (client_secret_basic or client_secret_post)");
        }
        return recipient.get();
    }

    private Issued redeem(AuthorizationCodeGrant code, Recipient recipient) {
        OAuthTokens.Redemption redemption = tokens.redeemCode(code.getAuthorizationCode().getValue(), recipient.id())
                .orElseThrow(() -> new Refused(OAuth2Error.INVALID_GRANT, "the code is unknown, used or expired"));
        if (code.getRedirectionURI() == null || !code.getRedirectionURI().toString().equals(redemption.redirectUri())) {
            throw new Refused(OAuth2Error.INVALID_GRANT, "the redirect_uri is not the one the code was issued for");
        }
        if (code.getCodeVerifier() == null || !CodeChallenge.compute(CodeChallengeMethod.S256, code.getCodeVerifier())
                .getValue().equals(redemption.codeChallenge())) {
            throw new Refused(OAuth2Error.INVALID_GRANT, "the code_verifier does not match the code's challenge");
        }
        return issue(redemption);
    }

    private Issued rotate(RefreshTokenGrant refresh, Recipient recipient) {
        OAuthTokens.Redemption spent = tokens.spendRefreshToken(refresh.getRefreshToken().getValue(), recipient.id())
                .orElseThrow(() -> new Refused(OAuth2Error.INVALID_GRANT, "the refresh token is unknown, spent or expired"));
        return issue(spent);
    }

    private Issued issue(OAuthTokens.Redemption redemption) {
        Grant grant = inForce(redemption.binding());
        OAuthTokens.TokenPair pair = tokens.issueTokens(redemption.binding(), redemption.family(), accessLifetime(grant),
                Duration.between(clock.instant(), grant.terms().validUntil()));
        return new Issued(pair, grant);
    }

    private Grant inForce(OAuthTokens.Binding binding) {
        Instant now = clock.instant();
        return grants.find(binding.person(), binding.grant()).filter(grant -> grant.isEffectiveAt(now))
                .orElseThrow(() -> {
                    tokens.revokeGrant(binding.person(), binding.grant());
                    return new Refused(OAuth2Error.INVALID_GRANT, "the grant is withdrawn, expired or not yet valid");
                });
    }

    private Duration accessLifetime(Grant grant) {
        Duration left = Duration.between(clock.instant(), grant.terms().validUntil());
        return left.compareTo(ACCESS_LIFETIME) < 0 ? left : ACCESS_LIFETIME;
    }

    private static Optional<RecipientId> recipientId(ClientID client) {
        try {
            return Optional.of(RecipientId.of(client.getValue()));
        }
        catch (SelfdataException e) {
            return Optional.empty();
        }
    }
}
