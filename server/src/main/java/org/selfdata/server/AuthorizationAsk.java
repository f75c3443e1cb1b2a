package org.selfdata.server;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.rar.Action;
import com.nimbusds.oauth2.sdk.rar.AuthorizationDetail;
import com.nimbusds.oauth2.sdk.rar.AuthorizationType;
import com.nimbusds.oauth2.sdk.rar.DataType;
import net.minidev.json.JSONObject;
import org.selfdata.model.Category;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.DeclaredPurpose;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.Precision;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Purpose;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What a recipient asks for in an OAuth 2.0 authorization request, checked and read into the terms of a grant.
 *
 * <p>The request is a plain authorization code request (RFC 6749) with PKCE (RFC 7636, S256 only) whose one
 * {@code authorization_details} entry (RFC 9396) of type {@code selfdata} says what the recipient wants:
 * {@code actions} ({@code read} or {@code write}), {@code datatypes} (record types such as {@code geo.point} or DPV
 * categories such as {@code pd:Location}), and the fields {@code purpose} (a DPV term its declaration names),
 * {@code fields} (free-text fields asked for by name, such as {@code label}), {@code precision}, {@code covered},
 * {@code retention} and {@code volumeLimit}. A precision dimension the request
 * does not name is asked at what the declared purpose needs, not more. Scopes would have had to encode all
 * of this in strings of our own; RFC 9396 is the standard that carries it.
 *
 * <p>Until the client and its redirect URI are known to match, nothing may be sent to the redirect URI: a mismatch is
 * shown to the person instead (RFC 6749, section 4.1.2.1). Once they match, whatever else is wrong is the app's to hear,
 * as an error at its redirect URI ({@link Fault}).
 */
record AuthorizationAsk(AuthorizationRequest request, Recipient recipient, ProcessingDeclaration declaration,
                        GrantTerms asked) {
    static final String DETAIL_TYPE = "selfdata";
    static final Duration DEFAULT_VALIDITY = Duration.ofDays(90);
    static final int LONGEST_REQUEST = 8_192;

    AuthorizationAsk {
        requireNonNull(request, "request is null");
        requireNonNull(recipient, "recipient is null");
        requireNonNull(declaration, "declaration is null");
        requireNonNull(asked, "asked is null");
    }

    /** Where the request's answer goes: checked to be one of the recipient's registered redirect URIs. */
    URI redirectUri() {
        return request.getRedirectionURI();
    }

    static AuthorizationRequest parse(String query) {
        if (query.length() > LONGEST_REQUEST) {
            throw new SelfdataException(ErrorCode.TOO_LARGE, Wording.of("error.server.askTooLong",
                    Integer.toString(LONGEST_REQUEST)));
        }
        try {
            return AuthorizationRequest.parse(query);
        }
        catch (ParseException e) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.server.askUnreadable", String.valueOf(e.getErrorObject().getDescription())));
        }
    }

    /** Reads what the recipient asks for, as terms valid from now; the person decides the rest. */
    static AuthorizationAsk of(AuthorizationRequest request, Recipient recipient, ProcessingDeclaration declaration,
                               Instant now) {
        return switch (read(request, recipient, declaration, now)) {
            case Readable readable -> readable.ask();
            case Fault fault -> throw fault.reason();
        };
    }

    /**
     * Reads the request once its redirect URI is known to be the recipient's, or says what is wrong with it in OAuth's
     * terms, for the app to be told at that redirect URI; a missing or unregistered redirect URI is thrown, since
     * nothing may be sent to it.
     */
    static Reading read(AuthorizationRequest request, Recipient recipient, ProcessingDeclaration declaration,
                        Instant now) {
        URI redirect = Optional.ofNullable(request.getRedirectionURI())
                .orElseThrow(() -> invalid(Wording.of("error.server.askNoRedirect")));
        if (!RedirectUris.isRegistered(recipient, redirect)) {
            throw invalid(Wording.of("error.server.askRedirectUnknown"));
        }
        if (!new ResponseType(ResponseType.Value.CODE).equals(request.getResponseType())) {
            return Fault.of(OAuth2Error.UNSUPPORTED_RESPONSE_TYPE, Wording.of("error.server.askCodeFlowOnly"));
        }
        if (request.getCodeChallenge() == null || !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
            return Fault.of(OAuth2Error.INVALID_REQUEST, Wording.of("error.server.askNoPkce"));
        }
        List<AuthorizationDetail> details = Optional.ofNullable(request.getAuthorizationDetails()).orElse(List.of());
        if (details.isEmpty()) {
            return Fault.of(OAuth2Error.INVALID_REQUEST, Wording.of("error.server.askNoDetails"));
        }
        if (details.size() != 1 || !DETAIL_TYPE.equals(details.getFirst().getType().getValue())) {
            return Fault.of(OAuth2Error.INVALID_AUTHORIZATION_DETAILS, Wording.of("error.server.askNoDetails"));
        }
        try {
            return new Readable(new AuthorizationAsk(request, recipient, declaration,
                    terms(details.getFirst(), recipient, declaration, now)));
        }
        catch (SelfdataException wrongDetails) {
            return new Fault(OAuth2Error.INVALID_AUTHORIZATION_DETAILS, wrongDetails);
        }
    }

    /** A request read: what to ask the person, or why the app is answered without asking. */
    sealed interface Reading permits Readable, Fault {}

    /** A request that can be put to the person. */
    record Readable(AuthorizationAsk ask) implements Reading {}

    /**
     * Why a request whose redirect URI is the recipient's cannot be put to the person: the app is told at that redirect
     * URI (RFC 6749, section 4.1.2.1; RFC 9396, section 5), since a page it never sees would leave it waiting.
     *
     * @param error the OAuth error code the app acts on
     * @param reason what is wrong, as the API and the page say it
     */
    record Fault(ErrorObject error, SelfdataException reason) implements Reading {
        Fault {
            requireNonNull(error, "error is null");
            requireNonNull(reason, "reason is null");
        }

        static Fault of(ErrorObject error, Wording reason) {
            return new Fault(error, invalid(reason));
        }

        /** The error with the reason in English, the language of OAuth's error descriptions, in the characters they allow. */
        ErrorObject described() {
            return error.setDescription(ErrorObject.removeIllegalChars(reason.message(Language.ENGLISH)));
        }
    }

    /**
     * The terms of a grant written back as the detail a request would carry to ask for exactly them (RFC 9396, section
     * 7): the token response tells the recipient what the person granted, which may be less than it asked, such as a
     * region where it asked for exact positions, so that it need not learn it from a refusal.
     */
    static AuthorizationDetail detail(GrantTerms terms) {
        List<DataType> dataTypes = new ArrayList<>();
        terms.types().stream().sorted().forEach(type -> dataTypes.add(new DataType(type.id())));
        terms.categories().stream().sorted().forEach(category -> dataTypes.add(new DataType(category.term())));
        JSONObject precision = new JSONObject();
        precision.put("location", terms.precision().location().term());
        precision.put("amount", terms.precision().amount().term());
        precision.put("time", terms.precision().time().term());
        precision.put("identifiers", terms.precision().identifiers().term());
        AuthorizationDetail.Builder detail = new AuthorizationDetail.Builder(new AuthorizationType(DETAIL_TYPE))
                .actions(List.of(new Action(terms.kind().term())))
                .dataTypes(dataTypes)
                .field("purpose", terms.purpose().term())
                .field("precision", precision)
                .field("covered", terms.covered().term())
                .field("retention", "P" + terms.retention().toDays() + "D")
                .field("volumeLimit", terms.volumeLimit());
        if (!terms.fields().isEmpty()) {
            detail.field("fields", terms.fields().stream().sorted().toList());
        }
        return detail.build();
    }

    private static GrantTerms terms(AuthorizationDetail detail, Recipient recipient, ProcessingDeclaration declaration,
                                    Instant now) {
        Purpose purpose = Purpose.fromTerm(text(detail, "purpose")
                .orElseThrow(() -> invalid(Wording.of("error.server.askNoPurpose"))));
        Optional<DeclaredPurpose> declared = declaration.purpose(purpose);
        Set<RecordType> types = EnumSet.noneOf(RecordType.class);
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (DataType dataType : Optional.ofNullable(detail.getDataTypes()).orElse(List.of())) {
            String value = dataType.getValue();
            if (value.startsWith("pd:")) {
                categories.add(Category.fromTerm(value));
            }
            else {
                types.add(RecordType.fromId(value));
            }
        }
        JSONObject precision = typed(detail, "precision", detail.getJSONObjectField("precision"),
                Wording.of("error.server.expectedObject"))
                .orElse(new JSONObject());
        List<String> fields = typed(detail, "fields", detail.getStringListField("fields"),
                Wording.of("error.server.expectedFieldNames"))
                .orElse(List.of());
        String retention = text(detail, "retention").orElse("P" + declaration.retention().toDays() + "D");
        int volume = typed(detail, "volumeLimit", detail.getField("volumeLimit") instanceof Integer limit ? limit : null,
                Wording.of("error.server.expectedDailyVolume")).orElse(GrantDefaults.VOLUME_LIMIT);
        return new GrantTerms(recipient.id(), declaration.version(), kind(detail), purpose,
                declared.map(DeclaredPurpose::description).orElse(purpose.label()),
                declared.map(DeclaredPurpose::legalBasis).orElse(LegalBasis.CONSENT),
                types, categories, Set.copyOf(fields),
                SharingJson.precision(ApiJson.mapper().readTree(precision.toJSONString()),
                        declared.map(DeclaredPurpose::ceiling).orElse(Precision.EXACT)),
                CoveredPeriod.parse(text(detail, "covered").orElse("from-grant")),
                now, now.plus(DEFAULT_VALIDITY),
                SharingJson.days(retention, "retention"),
                volume);
    }

    private static Optional<String> text(AuthorizationDetail detail, String field) {
        return typed(detail, field, detail.getStringField(field), Wording.of("error.server.expectedText"));
    }

    /**
     * A field of the details read as its type, or absent; a field present with another type is refused rather than
     * taken as absent, so that what an app asked is never quietly replaced by a default.
     */
    private static <T> Optional<T> typed(AuthorizationDetail detail, String field, T value, Wording expected) {
        if (value == null && detail.getField(field) != null) {
            throw invalid(Wording.of("error.server.askDetailsField", field, expected));
        }
        return Optional.ofNullable(value);
    }

    private static GrantKind kind(AuthorizationDetail detail) {
        List<Action> actions = Optional.ofNullable(detail.getActions()).orElse(List.of(new Action("read")));
        if (actions.size() != 1) {
            throw invalid(Wording.of("error.server.askOneAction"));
        }
        return SharingJson.kind(actions.getFirst().getValue());
    }

    private static SelfdataException invalid(Wording message) {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
