package org.selfdata.server;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
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
 * shown to the person instead (RFC 6749, section 4.1.2.1).
 */
record AuthorizationAsk(AuthorizationRequest request, Recipient recipient, ProcessingDeclaration declaration,
                        GrantTerms asked) {
    static final String DETAIL_TYPE = "selfdata";
    static final Duration DEFAULT_VALIDITY = Duration.ofDays(90);

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
        if (query.length() > 8_192) {
            throw new SelfdataException(ErrorCode.TOO_LARGE, Wording.of("error.server.askTooLong", "8192"));
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
        if (!new ResponseType(ResponseType.Value.CODE).equals(request.getResponseType())) {
            throw invalid(Wording.of("error.server.askCodeFlowOnly"));
        }
        URI redirect = Optional.ofNullable(request.getRedirectionURI())
                .orElseThrow(() -> invalid(Wording.of("error.server.askNoRedirect")));
        if (!recipient.redirectUris().contains(redirect)) {
            throw invalid(Wording.of("error.server.askRedirectUnknown"));
        }
        if (request.getCodeChallenge() == null || !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
            throw invalid(Wording.of("error.server.askNoPkce"));
        }
        List<AuthorizationDetail> details = Optional.ofNullable(request.getAuthorizationDetails()).orElse(List.of());
        if (details.size() != 1 || !DETAIL_TYPE.equals(details.getFirst().getType().getValue())) {
            throw invalid(Wording.of("error.server.askNoDetails"));
        }
        return new AuthorizationAsk(request, recipient, declaration, terms(details.getFirst(), recipient, declaration, now));
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
