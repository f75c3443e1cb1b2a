package org.selfdata.server;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.rar.AuthorizationDetail;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.gate.Gate;
import org.selfdata.gate.ReceiptedGrant;
import org.selfdata.gate.Refusal;
import org.selfdata.gate.Sharing;
import org.selfdata.gate.Consent;
import org.selfdata.gate.ConsentCheck;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.PersonId;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.vault.OAuthTokens;
import org.selfdata.vault.Recipients;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The authorization endpoint of the OAuth 2.0 code flow, as the person meets it.
 *
 * <p>{@code GET /oauth/authorize} is the consent page ({@link WebPage#CONSENT}), whose script asks
 * {@code POST /api/v1/authorizations/offer} what the recipient asks, what its declaration justifies and why, and a
 * preview of a few of the person's records as the recipient would receive them, and what it could work out from them
 * beside the person's exact data, for the terms asked and those justified ({@link RevealComparisonJson}). Giving the grant is
 * {@code POST /api/v1/authorizations}, which checks the terms against the declaration once more, stores the grant with
 * its receipt, and answers the redirect that carries a one-time code back to the recipient. Nothing is ever sent to a
 * redirect URI the recipient did not register. Every answer at a redirect URI names this server in {@code iss}
 * (RFC 9207), and a request that cannot be put to the person goes back to its app before any page is shown
 * ({@link #sentBack}).
 */
final class AuthorizationRoutes implements HttpService {
    static final Duration CODE_LIFETIME = Duration.ofMinutes(2);
    private static final int PREVIEW_RECORDS = 5;

    private final Recipients recipients;
    private final Consent consent;
    private final Sharing sharing;
    private final OAuthTokens tokens;
    private final Gate gate;
    private final RevealComparisonJson reveals;
    private final JsonBodies bodies;
    private final IssuerAddress issuer;
    private final Clock clock;

    AuthorizationRoutes(Recipients recipients, Consent consent, Sharing sharing, OAuthTokens tokens, Gate gate,
                        RevealComparisonJson reveals, JsonBodies bodies, IssuerAddress issuer, Clock clock) {
        this.recipients = requireNonNull(recipients, "recipients is null");
        this.consent = requireNonNull(consent, "consent is null");
        this.sharing = requireNonNull(sharing, "sharing is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.gate = requireNonNull(gate, "gate is null");
        this.reveals = requireNonNull(reveals, "reveals is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
        this.issuer = requireNonNull(issuer, "issuer is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.post("/api/v1/authorizations/offer", this::offer);
        routes.post("/api/v1/authorizations", this::give);
        routes.post("/api/v1/authorizations/refusal", this::refuse);
    }

    private void offer(Context ctx) {
        PersonId person = OwnerGuard.signedIn(ctx).person();
        AuthorizationAsk ask = ask(bodies.read(ctx));
        ObjectNode json = ApiJson.mapper().createObjectNode();
        SharingJson.write(json.putObject("recipient"), ask.recipient());
        SharingJson.write(json.putObject("declaration"), ask.declaration());
        SharingJson.write(json.putObject("asked"), ask.asked());
        ConsentCheck check = consent.check(ask.asked());
        SharingJson.write(json, check, Problems.language(ctx), terms -> gate.preview(person, terms, PREVIEW_RECORDS));
        reveals.write(json, person, ask.asked(), SharingJson.offer(check), clock.instant(), Problems.language(ctx));
        ctx.json(json);
    }

    private void give(Context ctx) {
        PersonId person = OwnerGuard.signedIn(ctx).person();
        JsonNode body = bodies.read(ctx);
        AuthorizationAsk ask = ask(body);
        GrantTerms terms = SharingJson.terms(JsonFields.object(body, "terms"), clock.instant());
        if (!terms.recipient().equals(ask.recipient().id()) || terms.kind() != ask.asked().kind()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.termsMismatch"));
        }
        gate.requireApplicable(terms);
        ReceiptedGrant given = switch (sharing.give(person, terms)) {
            case ReceiptedGrant receipted -> receipted;
            case Refusal refusal -> throw refusal.toException();
        };
        AuthorizationRequest request = ask.request();
        String code = tokens.issueCode(new OAuthTokens.Binding(person, given.grant().id(), ask.recipient().id()),
                request.getCodeChallenge().getValue(), ask.redirectUri().toString(), CODE_LIFETIME);
        ObjectNode json = ApiJson.mapper().createObjectNode();
        SharingJson.write(json.putObject("grant"), given.grant(), clock.instant());
        json.put("receipt", given.receipt().jws());
        json.put("redirect", new AuthorizationSuccessResponse(ask.redirectUri(), new AuthorizationCode(code), null,
                request.getState(), issuer.issuer(), null).toURI().toString());
        ctx.status(201).json(json);
    }

    private void refuse(Context ctx) {
        AuthorizationAsk ask = ask(bodies.read(ctx));
        ObjectNode json = ApiJson.mapper().createObjectNode();
        json.put("redirect", new AuthorizationErrorResponse(ask.redirectUri(), OAuth2Error.ACCESS_DENIED,
                ask.request().getState(), issuer.issuer(), ResponseMode.QUERY).toURI().toString());
        ctx.json(json);
    }

    /**
     * Where {@code GET /oauth/authorize} sends a request back to, before any page is shown: the app's redirect URI with
     * an error (RFC 6749, section 4.1.2.1), when the request names a registered client and one of its redirect URIs
     * but cannot be put to the person as it stands. Empty when the page is to be shown: for a request to ask the
     * person about, and for one whose client or redirect URI is unknown, which the page tells the person and which
     * is never answered at an address the recipient did not register. A recipient a restore brought back and the
     * operator has not admitted counts as unknown: its redirect URIs came with an archive, not from the operator.
     */
    Optional<URI> sentBack(Optional<String> query) {
        String text = query.orElse("");
        if (text.length() > AuthorizationAsk.LONGEST_REQUEST) {
            return Optional.empty();
        }
        Map<String, List<String>> parameters = URLUtils.parseParameters(text);
        Optional<Recipient> recipient = parameter(parameters, "client_id").flatMap(AuthorizationRoutes::recipientId)
                .flatMap(recipients::find).filter(found -> recipients.isAdmitted(found.id()));
        Optional<URI> redirect = parameter(parameters, "redirect_uri").flatMap(AuthorizationRoutes::uri)
                .filter(uri -> recipient.filter(found -> RedirectUris.isRegistered(found, uri)).isPresent());
        if (redirect.isEmpty()) {
            return Optional.empty();
        }
        AuthorizationRequest request;
        try {
            request = AuthorizationRequest.parse(text);
        }
        catch (ParseException unreadable) {
            ErrorObject error = parameter(parameters, "authorization_details").filter(details -> !isReadable(details))
                    .map(details -> OAuth2Error.INVALID_AUTHORIZATION_DETAILS).orElse(OAuth2Error.INVALID_REQUEST);
            return Optional.of(errorAt(redirect.get(), error.setDescription(ErrorObject.removeIllegalChars(
                    String.valueOf(unreadable.getMessage()))), parameter(parameters, "state").map(State::new)));
        }
        Optional<ProcessingDeclaration> declaration = recipients.currentDeclaration(recipient.orElseThrow().id());
        if (declaration.isEmpty()) {
            return Optional.empty();
        }
        return switch (AuthorizationAsk.read(request, recipient.orElseThrow(), declaration.get(), clock.instant())) {
            case AuthorizationAsk.Readable readable -> Optional.empty();
            case AuthorizationAsk.Fault fault -> Optional.of(errorAt(redirect.get(), fault.described(),
                    Optional.ofNullable(request.getState())));
        };
    }

    /** An error for the app, always in the query: this server serves the code flow only, whose answers go there. */
    private URI errorAt(URI redirect, ErrorObject error, Optional<State> state) {
        return new AuthorizationErrorResponse(redirect, error, state.orElse(null), issuer.issuer(), ResponseMode.QUERY)
                .toURI();
    }

    private static Optional<String> parameter(Map<String, List<String>> parameters, String name) {
        return Optional.ofNullable(parameters.get(name)).flatMap(values -> values.stream().findFirst())
                .filter(value -> !value.isBlank());
    }

    private static Optional<RecipientId> recipientId(String text) {
        try {
            return Optional.of(RecipientId.of(text));
        }
        catch (SelfdataException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<URI> uri(String text) {
        try {
            return Optional.of(new URI(text));
        }
        catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }

    private static boolean isReadable(String details) {
        try {
            AuthorizationDetail.parseList(details);
            return true;
        }
        catch (ParseException unreadable) {
            return false;
        }
    }

    private AuthorizationAsk ask(JsonNode body) {
        AuthorizationRequest request = AuthorizationAsk.parse(JsonFields.text(body, "request"));
        if (request.getClientID() == null) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.noClientId"));
        }
        RecipientId id = RecipientRoutes.recipientId(request.getClientID().getValue());
        Recipient recipient = recipients.find(id).orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND,
                Wording.of("error.server.clientUnknown", id.toString())));
        ProcessingDeclaration declaration = recipients.currentDeclaration(id).orElseThrow(() -> new SelfdataException(
                ErrorCode.CONFLICT, Wording.of("error.server.noDeclaration", id.toString())));
        Instant now = clock.instant();
        return AuthorizationAsk.of(request, recipient, declaration, now);
    }
}
