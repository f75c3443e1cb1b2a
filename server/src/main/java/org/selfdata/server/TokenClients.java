package org.selfdata.server;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PlainClientSecret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.javalin.http.Context;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientId;
import org.selfdata.model.SelfdataException;
import org.selfdata.vault.OAuthTokens;
import org.selfdata.vault.Recipients;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Tells which recipient calls the token or the revocation endpoint, the same way at both: apps are public clients and
 * name themselves by {@code client_id}; organizations and services are confidential and must prove themselves with
 * their secret, in HTTP Basic or in the form (RFC 6749, section 2.3.1).
 */
final class TokenClients {
    private static final Set<String> PASSED_ON = Set.of(OAuth2Error.UNSUPPORTED_GRANT_TYPE.getCode(),
            OAuth2Error.INVALID_CLIENT.getCode());

    private final Recipients recipients;
    private final OAuthTokens tokens;

    TokenClients(Recipients recipients, OAuthTokens tokens) {
        this.recipients = requireNonNull(recipients, "recipients is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
    }

    /** The recipient the request comes from, or an {@code invalid_client} refusal. */
    Recipient authenticate(Optional<ClientAuthentication> authentication, Optional<ClientID> named) {
        ClientID client = authentication.map(ClientAuthentication::getClientID).or(() -> named)
                .orElseThrow(() -> new OAuthRefusal(OAuth2Error.INVALID_CLIENT, "the request names no client"));
        Recipient recipient = recipientId(client).flatMap(recipients::find)
                .orElseThrow(() -> new OAuthRefusal(OAuth2Error.INVALID_CLIENT,
                        "the client is not registered with this vault"));
        if (authentication.isPresent() && authentication.get() instanceof PlainClientSecret secret) {
            if (!tokens.isRecipientSecret(recipient.id(), secret.getClientSecret().getValue())) {
                throw new OAuthRefusal(OAuth2Error.INVALID_CLIENT, "the client's credentials are wrong");
            }
        }
        else if (isConfidential(recipient) || authentication.isPresent()) {
            throw new OAuthRefusal(OAuth2Error.INVALID_CLIENT,
                    "this client must authenticate with its secret (client_secret_basic or client_secret_post)");
        }
        return recipient;
    }

    /** The request as the OAuth SDK reads it: its form body, and the Authorization header a client may send. */
    /** The request as the SDK reads it, at the endpoint's own address rather than at the one the request names. */
    static HTTPRequest read(Context ctx, URI endpoint) {
        HTTPRequest http = new HTTPRequest(HTTPRequest.Method.POST, endpoint);
        Optional.ofNullable(ctx.contentType()).ifPresent(type -> http.setHeader("Content-Type", type));
        Optional.ofNullable(ctx.header("Authorization")).ifPresent(http::setAuthorization);
        http.setBody(ctx.body());
        return http;
    }

    /**
     * A request the SDK could not read, refused with the error it found when that error is one a client acts on (a
     * grant type this server does not know, credentials it cannot read), and as {@code invalid_request} otherwise.
     */
    static OAuthRefusal unreadable(ParseException failure, String what) {
        Optional<ErrorObject> found = Optional.ofNullable(failure.getErrorObject());
        String description = what + " cannot be read: " + found.map(ErrorObject::getDescription).orElse("malformed");
        return found.filter(error -> PASSED_ON.contains(error.getCode()))
                .map(error -> new OAuthRefusal(new ErrorObject(error.getCode(), null, error.getHTTPStatusCode()),
                        description))
                .orElseGet(() -> new OAuthRefusal(OAuth2Error.INVALID_REQUEST, description));
    }

    /** Whether the recipient holds a secret: organizations and services do, apps on people's devices cannot keep one. */
    static boolean isConfidential(Recipient recipient) {
        return recipient.kind() != Recipient.Kind.APP;
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
