package org.selfdata.server;

import org.selfdata.gate.Consent;
import org.selfdata.gate.ConsentCheck;
import org.selfdata.gate.PrecisionDimension;
import org.selfdata.gate.Refusal;
import org.selfdata.model.InstantText;
import org.selfdata.model.AmountPrecision;
import org.selfdata.model.Category;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.DataTransfer;
import org.selfdata.model.DeclaredPurpose;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.IdentifierPrecision;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.Precision;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Purpose;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecipientIdentity;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimeLimits;
import org.selfdata.model.TimePrecision;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Recipients, declarations, grant terms and grants as the API reads and writes them. Terms are the ones selfdata uses
 * everywhere: DPV purposes and categories ({@code dpv:CommunicationManagement}, {@code pd:Location}), GDPR articles
 * ({@code eu-gdpr:A6-1-a}), precision terms ({@code region}, {@code h3:7}), ISO 8601 periods ({@code P30D}).
 */
final class SharingJson {
    private SharingJson() {}

    static RecipientIdentity identity(JsonNode body) {
        return new RecipientIdentity(JsonFields.text(body, "name"), JsonFields.text(body, "legalName"),
                JsonFields.text(body, "country"), JsonFields.text(body, "contact"),
                JsonFields.optionalText(body, "dataProtectionOfficer"));
    }

    static List<URI> redirectUris(JsonNode body) {
        return JsonFields.list(body, "redirectUris", SharingJson::uri);
    }

    static Recipient.Kind kind(JsonNode body) {
        String kind = JsonFields.optionalText(body, "kind").orElse("app");
        try {
            return Recipient.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.recipientKind"));
        }
    }

    /** A declaration as a recipient writes it; its version is the one the vault gives it. */
    static ProcessingDeclaration declaration(JsonNode node, int version) {
        JsonNode purposes = node.get("purposes");
        if (purposes == null || !purposes.isArray()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.purposesList"));
        }
        List<DeclaredPurpose> declared = new java.util.ArrayList<>();
        for (JsonNode purpose : purposes) {
            declared.add(new DeclaredPurpose(Purpose.fromTerm(JsonFields.text(purpose, "purpose")),
                    JsonFields.text(purpose, "description"),
                    Set.copyOf(JsonFields.list(purpose, "categories", Category::fromTerm)),
                    Set.copyOf(JsonFields.list(purpose, "types", RecordType::fromId)),
                    fields(purpose),
                    precision(JsonFields.object(purpose, "precision")),
                    LegalBasis.fromTerm(JsonFields.text(purpose, "legalBasis"))));
        }
        return Consent.requireFreeText(new ProcessingDeclaration(version, declared,
                JsonFields.list(node, "furtherRecipients", text -> text),
                transfers(node),
                days(JsonFields.text(node, "retention"), "retention"),
                JsonFields.list(node, "securityMeasures", text -> text)));
    }

    /** The free-text fields a declared purpose needs, by record type: {@code {"bank.transaction": ["label"]}}. */
    private static Map<RecordType, Set<String>> fields(JsonNode purpose) {
        JsonNode fields = purpose.get("fields");
        if (fields == null || fields.isNull()) {
            return Map.of();
        }
        if (!fields.isObject()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.purposeFields",
                    "{\"bank.transaction\": [\"label\"]}"));
        }
        Map<RecordType, Set<String>> read = new EnumMap<>(RecordType.class);
        for (String type : fields.propertyNames()) {
            read.put(RecordType.fromId(type), Set.copyOf(JsonFields.list(fields, type, text -> text)));
        }
        return read;
    }

    private static List<DataTransfer> transfers(JsonNode node) {
        JsonNode transfers = node.get("transfers");
        if (transfers == null || transfers.isNull()) {
            return List.of();
        }
        if (!transfers.isArray()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.server.transfersList", "{country, safeguard}"));
        }
        List<DataTransfer> read = new java.util.ArrayList<>();
        for (JsonNode transfer : transfers) {
            String safeguard = JsonFields.text(transfer, "safeguard");
            read.add(new DataTransfer(JsonFields.text(transfer, "country"), java.util.Arrays.stream(
                    DataTransfer.Safeguard.values()).filter(value -> value.term().equals(safeguard)).findFirst()
                    .orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                            Wording.of("error.server.safeguard")))));
        }
        return read;
    }

    /** A precision; a dimension left out is asked at its most precise, for consent to bring down to what is declared. */
    static Precision precision(JsonNode node) {
        return precision(node, Precision.EXACT);
    }

    /** A precision whose dimensions left out are those of {@code unsaid}. */
    static Precision precision(JsonNode node, Precision unsaid) {
        return new Precision(
                JsonFields.optionalText(node, "location").map(LocationPrecision::parse).orElse(unsaid.location()),
                JsonFields.optionalText(node, "amount").map(AmountPrecision::parse).orElse(unsaid.amount()),
                JsonFields.optionalText(node, "time").map(TimePrecision::parse).orElse(unsaid.time()),
                JsonFields.optionalText(node, "identifiers").map(IdentifierPrecision::parse).orElse(unsaid.identifiers()));
    }

    /**
     * Terms as the person accepts them: every field of {@link #write(ObjectNode, GrantTerms)}, where a validity given as
     * a period ({@code "validity": "P30D"}) starts now. Their instants are kept to the millisecond, as they are written,
     * so that the terms stored, answered and put in the receipt are one and the same.
     */
    static GrantTerms terms(JsonNode node, Instant now) {
        Instant validFrom;
        Instant validUntil;
        if (JsonFields.optionalText(node, "validity").isPresent()) {
            Duration validity = days(JsonFields.text(node, "validity"), "validity");
            if (validity.compareTo(Duration.between(now, TimeLimits.END)) >= 0) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.validityEnd"));
            }
            validFrom = InstantText.kept(now);
            validUntil = validFrom.plus(validity);
        }
        else {
            validFrom = InstantText.kept(instant(JsonFields.text(node, "validFrom"), "validFrom"));
            validUntil = InstantText.kept(instant(JsonFields.text(node, "validUntil"), "validUntil"));
        }
        return new GrantTerms(
                RecipientId.of(JsonFields.text(node, "recipient")),
                JsonFields.optionalInteger(node, "declarationVersion").orElse(1),
                kind(JsonFields.optionalText(node, "kind").orElse("read")),
                Purpose.fromTerm(JsonFields.text(node, "purpose")),
                JsonFields.text(node, "purposeDescription"),
                LegalBasis.fromTerm(JsonFields.text(node, "legalBasis")),
                new HashSet<>(JsonFields.list(node, "types", RecordType::fromId)),
                new HashSet<>(JsonFields.list(node, "categories", Category::fromTerm)),
                new HashSet<>(JsonFields.list(node, "fields", text -> text)),
                precision(JsonFields.object(node, "precision")),
                CoveredPeriod.parse(JsonFields.optionalText(node, "covered").orElse("from-grant")),
                validFrom, validUntil,
                days(JsonFields.text(node, "retention"), "retention"),
                JsonFields.optionalInteger(node, "volumeLimit").orElse(GrantDefaults.VOLUME_LIMIT));
    }

    static GrantKind kind(String term) {
        return switch (term) {
            case "read" -> GrantKind.READ;
            case "write" -> GrantKind.WRITE;
            default -> throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.grantKind"));
        };
    }

    static void write(ObjectNode json, Recipient recipient) {
        json.put("id", recipient.id().value());
        json.put("name", recipient.identity().name());
        json.put("legalName", recipient.identity().legalName());
        json.put("country", recipient.identity().country());
        json.put("contact", recipient.identity().contact());
        recipient.identity().dataProtectionOfficer().ifPresent(officer -> json.put("dataProtectionOfficer", officer));
        json.put("kind", recipient.kind().term());
        ArrayNode uris = json.putArray("redirectUris");
        recipient.redirectUris().forEach(uri -> uris.add(uri.toString()));
    }

    static void write(ObjectNode json, ProcessingDeclaration declaration) {
        json.put("version", declaration.version());
        ArrayNode purposes = json.putArray("purposes");
        for (DeclaredPurpose declared : declaration.purposes()) {
            ObjectNode purpose = purposes.addObject();
            purpose.put("purpose", declared.purpose().term());
            purpose.put("label", declared.purpose().label());
            purpose.put("description", declared.description());
            ArrayNode categories = purpose.putArray("categories");
            declared.categories().stream().sorted().forEach(category -> categories.add(category.term()));
            ArrayNode types = purpose.putArray("types");
            declared.types().stream().sorted().forEach(type -> types.add(type.id()));
            ObjectNode fields = purpose.putObject("fields");
            declared.fields().keySet().stream().sorted(Comparator.comparing(RecordType::id)).forEach(type -> {
                ArrayNode names = fields.putArray(type.id());
                declared.fields(type).stream().sorted().forEach(names::add);
            });
            write(purpose.putObject("precision"), declared.ceiling());
            dimensions(purpose, declared.types(), declared.categories());
            purpose.put("legalBasis", declared.legalBasis().term());
        }
        ArrayNode further = json.putArray("furtherRecipients");
        declaration.furtherRecipients().forEach(further::add);
        ArrayNode transfers = json.putArray("transfers");
        declaration.transfers().forEach(transfer -> transfers.addObject().put("country", transfer.country())
                .put("safeguard", transfer.safeguard().term()));
        json.put("retention", "P" + declaration.retention().toDays() + "D");
        ArrayNode measures = json.putArray("securityMeasures");
        declaration.securityMeasures().forEach(measures::add);
    }

    static void write(ObjectNode json, Precision precision) {
        json.put("location", precision.location().term());
        json.put("amount", precision.amount().term());
        json.put("time", precision.time().term());
        json.put("identifiers", precision.identifiers().term());
    }

    static void write(ObjectNode json, GrantTerms terms) {
        json.put("recipient", terms.recipient().value());
        json.put("declarationVersion", terms.declarationVersion());
        json.put("kind", terms.kind().term());
        json.put("purpose", terms.purpose().term());
        json.put("purposeDescription", terms.purposeDescription());
        json.put("legalBasis", terms.legalBasis().term());
        ArrayNode types = json.putArray("types");
        terms.types().stream().sorted().forEach(type -> types.add(type.id()));
        ArrayNode categories = json.putArray("categories");
        terms.categories().stream().sorted().forEach(category -> categories.add(category.term()));
        ArrayNode fields = json.putArray("fields");
        terms.fields().stream().sorted().forEach(fields::add);
        write(json.putObject("precision"), terms.precision());
        dimensions(json, terms.types(), terms.categories());
        json.put("covered", terms.covered().term());
        json.put("validFrom", InstantText.of(terms.validFrom()));
        json.put("validUntil", InstantText.of(terms.validUntil()));
        json.put("retention", "P" + terms.retention().toDays() + "D");
        json.put("volumeLimit", terms.volumeLimit());
    }

    /**
     * The dimensions of precision the data has fields in, for pages to speak of those only: a grant of location has no
     * amounts to round. Written, never read back.
     */
    private static void dimensions(ObjectNode json, Set<RecordType> types, Set<Category> categories) {
        ArrayNode dimensions = json.putArray("dimensions");
        PrecisionDimension.of(types, categories).forEach(dimension -> dimensions.add(dimension.term()));
    }

    /**
     * The consent check as the person reads it: whether the declaration justifies the terms, every reason if not, the
     * terms it does justify, and a preview of what the recipient would receive under those. The reasons are said in the
     * reader's language.
     */
    static void write(ObjectNode json, ConsentCheck check, Language language,
            Function<GrantTerms, List<String>> preview) {
        Optional<GrantTerms> offer = offer(check);
        json.put("justified", check instanceof ConsentCheck.Acceptance);
        ArrayNode reasons = json.putArray("reasons");
        if (check instanceof Refusal refusal) {
            refusal.reasons(language).forEach(reasons::add);
        }
        if (offer.isPresent()) {
            write(json.putObject("offer"), offer.get());
        }
        else {
            json.putNull("offer");
        }
        ArrayNode records = json.putArray("preview");
        offer.map(preview).orElse(List.of()).forEach(record -> records.add(ApiJson.mapper().readTree(record)));
    }

    /** The terms the declaration justifies: those checked when it justifies them, else what it would, if anything. */
    static Optional<GrantTerms> offer(ConsentCheck check) {
        return switch (check) {
            case ConsentCheck.Acceptance acceptance -> Optional.of(acceptance.terms());
            case Refusal refusal -> refusal.justified();
        };
    }

    static void write(ObjectNode json, Grant grant, Instant now) {
        json.put("id", grant.id().value());
        json.put("status", grant.status(now).term());
        json.put("givenAt", InstantText.of(grant.givenAt()));
        grant.withdrawnAt().ifPresent(at -> json.put("withdrawnAt", InstantText.of(at)));
        write(json.putObject("terms"), grant.terms());
    }

    /** A whole number of days written as an ISO 8601 period ({@code P30D}), or as a duration ({@code PT720H}). */
    static Duration days(String text, String field) {
        try {
            if (text.contains("T")) {
                return Duration.parse(text);
            }
            Period period = Period.parse(text);
            if (period.getYears() != 0 || period.getMonths() != 0) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.fieldDays", field));
            }
            return Duration.ofDays(period.getDays());
        }
        catch (DateTimeParseException e) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.fieldDays", field));
        }
    }

    private static Instant instant(String text, String field) {
        return TimeLimits.instant(text).orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                Wording.of("error.server.fieldInstant", field)));
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        }
        catch (java.net.URISyntaxException e) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.redirectUri"));
        }
    }
}
