package org.selfdata.server;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.rar.AuthorizationType;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.Grant;
import org.selfdata.model.Recipient;
import org.selfdata.vault.Grants;
import org.selfdata.vault.OAuthTokens;

import java.net.URI;
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
 * each use; using a spent one revokes its family. Every answer carries the grant's terms as {@code authorization_details}
 * (RFC 9396, section 7), so that the recipient knows what it was given, not only what it asked.
 */
final class TokenRoutes implements HttpService {
    static final Duration ACCESS_LIFETIME = Duration.ofHours(1);

    private final TokenClients clients;
    private final Grants grants;
    private final OAuthTokens tokens;
    private final Clock clock;

    TokenRoutes(TokenClients clients, Grants grants, OAuthTokens tokens, Clock clock) {
        this.clients = requireNonNull(clients, "clients is null");
        this.grants = requireNonNull(grants, "grants is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.post("/oauth/token", this::token, Access.PUBLIC);
        routes.get("/.well-known/oauth-authorization-server", this::metadata, Access.PUBLIC);
    }

    /**
     * The authorization server's metadata (RFC 8414), so that a recipient configures itself from the vault's address.
     * The issuer is the address the request reached; behind a proxy, that is the proxy's when it passes the host on.
     */
    private void metadata(Context ctx) {
        URI base = URI.create(ctx.scheme() + "://" + ctx.host() + "/");
        AuthorizationServerMetadata metadata = new AuthorizationServerMetadata(new Issuer(base));
        metadata.setAuthorizationEndpointURI(base.resolve("oauth/authorize"));
        metadata.setTokenEndpointURI(base.resolve("oauth/token"));
        metadata.setRevocationEndpointURI(base.resolve("oauth/revoke"));
        metadata.setJWKSetURI(base.resolve(".well-known/jwks.json"));
        metadata.setResponseTypes(List.of(new ResponseType(ResponseType.Value.CODE)));
        metadata.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        metadata.setTokenEndpointAuthMethods(List.of(ClientAuthenticationMethod.NONE,
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST));
        metadata.setRevocationEndpointAuthMethods(metadata.getTokenEndpointAuthMethods());
        metadata.setAuthorizationDetailsTypes(List.of(new AuthorizationType(AuthorizationAsk.DETAIL_TYPE)));
        ctx.contentType("application/json").result(metadata.toJSONObject().toJSONString());
    }

    private record Issued(OAuthTokens.TokenPair pair, Grant grant) {}

    private void token(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        try {
            TokenRequest request = parse(ctx);
            Recipient recipient = clients.authenticate(Optional.ofNullable(request.getClientAuthentication()),
                    Optional.ofNullable(request.getClientID()));
            Issued issued = switch (request.getAuthorizationGrant()) {
                case AuthorizationCodeGrant code -> redeem(code, recipient);
                case RefreshTokenGrant refresh -> rotate(refresh, recipient);
                default -> throw new OAuthRefusal(OAuth2Error.UNSUPPORTED_GRANT_TYPE,
                        "this server answers the authorization_code and refresh_token grants");
            };
            OAuthTokens.TokenPair pair = issued.pair();
            BearerAccessToken access = new BearerAccessToken(pair.accessToken(), pair.accessLifetime().toSeconds(), null,
                    List.of(AuthorizationAsk.detail(issued.grant().terms())), null);
            Tokens tokenPair = new Tokens(access, new RefreshToken(pair.refreshToken()));
            AccessTokenResponse response = new AccessTokenResponse(tokenPair, Map.of("grant_id", issued.grant().id().value(),
                    "grant_kind", issued.grant().terms().kind().term()));
            ctx.status(200).contentType("application/json").result(response.toJSONObject().toJSONString());
        }
        catch (OAuthRefusal refused) {
            refused.answer(ctx);
        }
    }

    private static TokenRequest parse(Context ctx) {
        try {
            return TokenRequest.parse(TokenClients.read(ctx));
        }
        catch (ParseException e) {
            throw TokenClients.unreadable(e, "the token request");
        }
    }

    private Issued redeem(AuthorizationCodeGrant code, Recipient recipient) {
        OAuthTokens.Redemption redemption = tokens.redeemCode(code.getAuthorizationCode().getValue(), recipient.id())
                .orElseThrow(() -> new OAuthRefusal(OAuth2Error.INVALID_GRANT, "the code is unknown, used or expired"));
        if (code.getRedirectionURI() == null || !code.getRedirectionURI().toString().equals(redemption.redirectUri())) {
            throw new OAuthRefusal(OAuth2Error.INVALID_GRANT, "the redirect_uri is not the one the code was issued for");
        }
        if (code.getCodeVerifier() == null || !CodeChallenge.compute(CodeChallengeMethod.S256, code.getCodeVerifier())
                .getValue().equals(redemption.codeChallenge())) {
            throw new OAuthRefusal(OAuth2Error.INVALID_GRANT, "the code_verifier does not match the code's challenge");
        }
        return issue(redemption);
    }

    private Issued rotate(RefreshTokenGrant refresh, Recipient recipient) {
        OAuthTokens.Redemption spent = tokens.spendRefreshToken(refresh.getRefreshToken().getValue(), recipient.id())
                .orElseThrow(() -> new OAuthRefusal(OAuth2Error.INVALID_GRANT, "the refresh token is unknown, spent or expired"));
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
                    return new OAuthRefusal(OAuth2Error.INVALID_GRANT, "the grant is withdrawn, expired or not yet valid");
                });
    }

    private Duration accessLifetime(Grant grant) {
        Duration left = Duration.between(clock.instant(), grant.terms().validUntil());
        return left.compareTo(ACCESS_LIFETIME) < 0 ? left : ACCESS_LIFETIME;
    }
}
