package org.selfdata.server;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.rar.AuthorizationType;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.util.MultivaluedMapUtils;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.Grant;
import org.selfdata.model.Recipient;
import org.selfdata.vault.Grants;
import org.selfdata.vault.OAuthTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The OAuth 2.0 token endpoint, {@code POST /oauth/token}: a code for tokens (with its PKCE verifier), a refresh token
 * for new ones, and an organization's own credentials for a token that pushes under its write grant. Requests are read
 * by the Nimbus OAuth 2.0 SDK and answered as RFC 6749 says, errors included, with {@code Cache-Control: no-store}.
 *
 * <p>Apps are public clients and prove themselves with PKCE; organizations and services are confidential and must
 * also authenticate with their secret. Tokens are issued only while the grant they are bound to is in force, and
 * live no longer than it: an access token an hour, a refresh token until the grant ends. A refresh token is rotated at
 * each use; using a spent one revokes its family. Every answer carries the grant's terms as {@code authorization_details}
 * (RFC 9396, section 7), so that the recipient knows what it was given, not only what it asked.
 */
final class TokenRoutes implements HttpService {
    static final Duration ACCESS_LIFETIME = Duration.ofHours(1);
    private static final String CONFIDENTIAL_ONLY =
            "client_credentials is for organizations and services that authenticate with their secret";

    private final TokenClients clients;
    private final HeldWriteGrants writeGrants;
    private final Grants grants;
    private final OAuthTokens tokens;
    private final IssuerAddress issuer;
    private final Clock clock;

    TokenRoutes(TokenClients clients, HeldWriteGrants writeGrants, Grants grants, OAuthTokens tokens, IssuerAddress issuer,
                Clock clock) {
        this.clients = requireNonNull(clients, "clients is null");
        this.writeGrants = requireNonNull(writeGrants, "writeGrants is null");
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
        metadata.setRevocationEndpointURI(issuer.resolve("oauth/revoke"));
        metadata.setJWKSetURI(issuer.resolve(".well-known/jwks.json"));
        metadata.setSupportsAuthorizationResponseIssuerParam(true);
        metadata.setResponseTypes(List.of(new ResponseType(ResponseType.Value.CODE)));
        metadata.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN,
                GrantType.CLIENT_CREDENTIALS));
        metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        metadata.setTokenEndpointAuthMethods(List.of(ClientAuthenticationMethod.NONE,
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST));
        metadata.setRevocationEndpointAuthMethods(metadata.getTokenEndpointAuthMethods());
        metadata.setAuthorizationDetailsTypes(List.of(new AuthorizationType(AuthorizationAsk.DETAIL_TYPE)));
        ctx.contentType("application/json").result(metadata.toJSONObject().toJSONString());
    }

    /** What a token request gets: an access token, a refresh token unless the grant type gives none, and the grant. */
    private record Issued(String accessToken, Duration lifetime, Optional<String> refreshToken, Grant grant) {
        static Issued of(OAuthTokens.TokenPair pair, Grant grant) {
            return new Issued(pair.accessToken(), pair.accessLifetime(), Optional.of(pair.refreshToken()), grant);
        }
    }

    private void token(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        try {
            TokenRequest request = parse(ctx);
            Recipient recipient = clients.authenticate(Optional.ofNullable(request.getClientAuthentication()),
                    Optional.ofNullable(request.getClientID()));
            Issued issued = switch (request.getAuthorizationGrant()) {
                case AuthorizationCodeGrant code -> redeem(code, recipient);
                case RefreshTokenGrant refresh -> rotate(refresh, recipient);
                case ClientCredentialsGrant ignored -> pushUnderWriteGrant(recipient, request.getCustomParameters());
                default -> throw new OAuthRefusal(OAuth2Error.UNSUPPORTED_GRANT_TYPE,
                        "this server answers the authorization_code, refresh_token and client_credentials grants");
            };
            BearerAccessToken access = new BearerAccessToken(issued.accessToken(), issued.lifetime().toSeconds(), null,
                    List.of(AuthorizationAsk.detail(issued.grant().terms())), null);
            Tokens answered = new Tokens(access, issued.refreshToken().map(RefreshToken::new).orElse(null));
            AccessTokenResponse response = new AccessTokenResponse(answered, Map.of("grant_id", issued.grant().id().value(),
                    "grant_kind", issued.grant().terms().kind().term()));
            ctx.status(200).contentType("application/json").result(response.toJSONObject().toJSONString());
        }
        catch (OAuthRefusal refused) {
            refused.answer(ctx);
        }
    }

    private TokenRequest parse(Context ctx) {
        try {
            return TokenRequest.parse(TokenClients.read(ctx, issuer.resolve("oauth/token")));
        }
        catch (ParseException e) {
            // The SDK reads a client_credentials request without client authentication as unreadable; an app that
            // sends one is a known client using a grant type not for it, and is told so (RFC 6749, section 5.2).
            Map<String, List<String>> form = URLUtils.parseParameters(ctx.body());
            Optional<ClientID> named = Optional.ofNullable(MultivaluedMapUtils.getFirstValue(form, "client_id"))
                    .map(ClientID::new);
            if (GrantType.CLIENT_CREDENTIALS.getValue().equals(MultivaluedMapUtils.getFirstValue(form, "grant_type"))
                    && named.isPresent() && ctx.header("Authorization") == null && !form.containsKey("client_secret")) {
                clients.authenticate(Optional.empty(), named);
                throw new OAuthRefusal(OAuth2Error.UNAUTHORIZED_CLIENT, CONFIDENTIAL_ONLY);
            }
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

    /**
     * A token for an organization's own credentials (RFC 6749, section 4.4), to push records back under a write grant a
     * person gave it, and for nothing else: no refresh token, an hour at most. Only a confidential client may ask; one
     * holding several write grants names the one it pushes under with {@code grant_id}, as the token responses of its
     * grants told it.
     */
    private Issued pushUnderWriteGrant(Recipient recipient, Map<String, List<String>> parameters) {
        if (!TokenClients.isConfidential(recipient)) {
            throw new OAuthRefusal(OAuth2Error.UNAUTHORIZED_CLIENT, CONFIDENTIAL_ONLY);
        }
        List<String> named = parameters.getOrDefault("grant_id", List.of());
        if (named.size() > 1) {
            throw new OAuthRefusal(OAuth2Error.INVALID_REQUEST, "grant_id is given more than once");
        }
        List<Grant> held = writeGrants.of(recipient.id()).stream()
                .filter(grant -> named.isEmpty() || grant.id().value().equals(named.getFirst())).toList();
        if (held.isEmpty()) {
            throw new OAuthRefusal(OAuth2Error.INVALID_GRANT, named.isEmpty()
                    ? "this client holds no write grant in force; client_credentials gives a token to push under one"
                    : "this client holds no write grant in force with this grant_id");
        }
        if (held.size() > 1) {
            throw new OAuthRefusal(OAuth2Error.INVALID_REQUEST,
                    "this client holds several write grants in force; name the one to push under with grant_id");
        }
        Grant grant = held.getFirst();
        Duration lifetime = accessLifetime(grant);
        String token = tokens.issuePushToken(new OAuthTokens.Binding(grant.person(), grant.id(), recipient.id()), lifetime);
        return new Issued(token, lifetime, Optional.empty(), grant);
    }

    private Issued issue(OAuthTokens.Redemption redemption) {
        Grant grant = inForce(redemption.binding());
        OAuthTokens.TokenPair pair = tokens.issueTokens(redemption.binding(), redemption.family(), accessLifetime(grant),
                Duration.between(clock.instant(), grant.terms().validUntil()));
        return Issued.of(pair, grant);
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
