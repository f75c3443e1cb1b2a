package org.selfdata.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The operator's OpenID Connect provider, as its metadata describes it: where people are sent to sign in, where the
 * vault exchanges the code it gets back, and the keys the provider signs its ID tokens with.
 *
 * <p>The metadata is fetched once, when the server starts, so that a provider set wrong stops the server at once
 * rather than at the first person's sign-in. Every fetch (the metadata, the token, the keys) is bounded in time and
 * size: a provider that hangs or answers without end holds a sign-in, never the server. Neither the client secret nor
 * a code or a token is ever put in a message or a log.
 */
final class OidcProvider {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** Metadata and key sets are a few kilobytes; a provider's largest known ones are well under this. */
    static final int MAXIMUM_DOCUMENT_BYTES = 256 * 1024;
    static final String METADATA_PATH = "/.well-known/openid-configuration";

    /** What the ID token said of the person who signed in, once it was checked. */
    record SignedInAs(String subject, Optional<String> preferredUsername) {}

    private final SingleSignOn settings;
    private final OIDCProviderMetadata metadata;
    private final IDTokenValidator validator;

    private OidcProvider(SingleSignOn settings, OIDCProviderMetadata metadata, IDTokenValidator validator) {
        this.settings = settings;
        this.metadata = metadata;
        this.validator = validator;
    }

    /**
     * Reads the provider's metadata from {@code <issuer>/.well-known/openid-configuration} (OpenID Connect Discovery,
     * section 4), and checks that it names the issuer it was fetched for and the endpoints a sign-in needs.
     *
     * @throws SelfdataException {@link ErrorCode#REMOTE_SERVICE_FAILED}, saying what went wrong, when the metadata cannot
     *     be fetched or is not a provider's
     */
    static OidcProvider discover(SingleSignOn settings) {
        requireNonNull(settings, "settings is null");
        ResourceRetriever retriever = new DefaultResourceRetriever(Math.toIntExact(CONNECT_TIMEOUT.toMillis()),
                Math.toIntExact(READ_TIMEOUT.toMillis()), MAXIMUM_DOCUMENT_BYTES);
        String issuer = settings.issuer().toString();
        URI address = URI.create((issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + METADATA_PATH);
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.parse(retriever.retrieveResource(address.toURL()).getContent());
        }
        catch (IOException e) {
            throw unavailable(Wording.of("error.server.oidcDiscovery", address.toString(), e.getClass().getSimpleName()
                    + Optional.ofNullable(e.getMessage()).map(message -> ": " + message).orElse("")), e);
        }
        catch (ParseException e) {
            throw unavailable(Wording.of("error.server.oidcMetadata", address.toString(), String.valueOf(e.getMessage())), e);
        }
        if (!metadata.getIssuer().getValue().equals(issuer)) {
            throw unavailable(Wording.of("error.server.oidcIssuerMismatch", address.toString(), metadata.getIssuer().getValue(),
                    issuer), null);
        }
        if (metadata.getAuthorizationEndpointURI() == null || metadata.getTokenEndpointURI() == null
                || metadata.getJWKSetURI() == null) {
            throw unavailable(Wording.of("error.server.oidcEndpoints", address.toString()), null);
        }
        try {
            IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(settings.clientId()),
                    signingAlgorithm(metadata), metadata.getJWKSetURI().toURL(), retriever);
            return new OidcProvider(settings, metadata, validator);
        }
        catch (MalformedURLException | IllegalArgumentException e) {
            throw unavailable(Wording.of("error.server.oidcEndpoints", address.toString()), e);
        }
    }

    /**
     * RS256 unless the provider says it signs otherwise: every provider must support it (OpenID Connect Discovery,
     * section 3). Never {@code none}, nor a symmetric algorithm keyed with the client secret.
     */
    private static JWSAlgorithm signingAlgorithm(OIDCProviderMetadata metadata) {
        List<JWSAlgorithm> offered = Optional.ofNullable(metadata.getIDTokenJWSAlgs()).orElse(List.of());
        if (offered.isEmpty() || offered.contains(JWSAlgorithm.RS256)) {
            return JWSAlgorithm.RS256;
        }
        return offered.stream()
                .filter(algorithm -> JWSAlgorithm.Family.RSA.contains(algorithm) || JWSAlgorithm.Family.EC.contains(algorithm)
                        || JWSAlgorithm.Family.ED.contains(algorithm))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no asymmetric signing algorithm offered"));
    }

    String name() {
        return settings.providerName();
    }

    /** The issuer exactly as the provider names itself in its ID tokens: half of every identity the vault keeps. */
    String issuer() {
        return metadata.getIssuer().getValue();
    }

    boolean enrols() {
        return settings.enrols();
    }

    /** Where to send the browser: the provider's sign-in, with the state, nonce and PKCE challenge of this attempt. */
    URI authorization(URI callback, State state, Nonce nonce, CodeVerifier verifier) {
        return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "profile"),
                new ClientID(settings.clientId()), callback)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /**
     * Exchanges the code for the person's ID token, with the verifier only this server holds, and checks the token:
     * signed with the provider's key, by this issuer, for this client, not expired, and carrying this attempt's nonce.
     *
     * @throws SelfdataException {@link ErrorCode#UNAUTHENTICATED} when the provider refuses the code or the token fails
     *     a check; the message names the failure, never the code or the token
     */
    SignedInAs exchange(String code, URI callback, CodeVerifier verifier, Nonce nonce) {
        TokenRequest request = new TokenRequest.Builder(metadata.getTokenEndpointURI(), clientAuthentication(),
                new AuthorizationCodeGrant(new AuthorizationCode(code), callback, verifier)).build();
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(Math.toIntExact(CONNECT_TIMEOUT.toMillis()));
        http.setReadTimeout(Math.toIntExact(READ_TIMEOUT.toMillis()));
        OIDCTokenResponse tokens;
        try {
            TokenResponse response = OIDCTokenResponseParser.parse(http.send());
            if (!response.indicatesSuccess()) {
                throw refused("the provider refused the code: "
                        + String.valueOf(response.toErrorResponse().getErrorObject().getCode()));
            }
            tokens = (OIDCTokenResponse) response.toSuccessResponse();
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.REMOTE_SERVICE_FAILED, Wording.of("error.server.oidcTokenUnreachable",
                    e.getClass().getSimpleName()), e);
        }
        catch (ParseException | ClassCastException e) {
            throw refused("the provider's token response is not an OpenID Connect one");
        }
        if (tokens.getOIDCTokens().getIDToken() == null) {
            throw refused("the provider's token response holds no ID token");
        }
        try {
            IDTokenClaimsSet claims = validator.validate(tokens.getOIDCTokens().getIDToken(), nonce);
            return new SignedInAs(claims.getSubject().getValue(),
                    Optional.ofNullable(claims.getStringClaim("preferred_username")));
        }
        catch (BadJOSEException | JOSEException e) {
            throw refused("the ID token failed its checks: " + e.getMessage());
        }
    }

    /** The client secret, sent as the provider says it takes it: in the Authorization header unless it takes a form. */
    private ClientAuthentication clientAuthentication() {
        List<ClientAuthenticationMethod> methods = Optional.ofNullable(metadata.getTokenEndpointAuthMethods()).orElse(List.of());
        ClientID client = new ClientID(settings.clientId());
        Secret secret = new Secret(settings.clientSecret());
        if (!methods.isEmpty() && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)) {
            return new ClientSecretPost(client, secret);
        }
        return new ClientSecretBasic(client, secret);
    }

    /** A failure of this sign-in, not of the server: said in English for the operator's log, never shown as is. */
    private static SelfdataException refused(String why) {
        return new SelfdataException(ErrorCode.UNAUTHENTICATED, why);
    }

    private static SelfdataException unavailable(Wording message, Throwable cause) {
        return cause == null ? new SelfdataException(ErrorCode.REMOTE_SERVICE_FAILED, message)
                : new SelfdataException(ErrorCode.REMOTE_SERVICE_FAILED, message, cause);
    }
}
