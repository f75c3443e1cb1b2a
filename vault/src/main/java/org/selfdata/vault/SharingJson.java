package org.selfdata.vault;

import org.selfdata.model.AmountPrecision;
import org.selfdata.model.Category;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.DataTransfer;
import org.selfdata.model.DeclaredPurpose;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.IdentifierPrecision;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.Precision;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Purpose;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecipientIdentity;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimePrecision;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The canonical JSON of identities, declarations and grant terms, as the vault stores them: properties in a fixed
 * order, sets sorted by term, durations in whole days ({@code P30D}), so that the same terms are always the same text
 * and can be compared, logged and hashed as text. A declared purpose's free-text fields are written only when it names
 * some, so that a declaration written before purposes could name them is still the same text.
 */
public final class SharingJson {
    private SharingJson() {}

    public static String identity(RecipientIdentity identity) {
        ObjectNode node = object();
        node.put("name", identity.name());
        node.put("legalName", identity.legalName());
        node.put("country", identity.country());
        node.put("contact", identity.contact());
        identity.dataProtectionOfficer().ifPresent(officer -> node.put("dataProtectionOfficer", officer));
        return write(node);
    }

    public static RecipientIdentity identity(String json) {
        JsonNode node = read(json, "a recipient's identity");
        return new RecipientIdentity(text(node, "name"), text(node, "legalName"), text(node, "country"),
                text(node, "contact"), Optional.ofNullable(node.get("dataProtectionOfficer")).map(JsonNode::asString));
    }

    static String redirectUris(List<URI> uris) {
        ArrayNode array = PayloadCodec.mapper().createArrayNode();
        uris.forEach(uri -> array.add(uri.toString()));
        return write(array);
    }

    static List<URI> redirectUris(String json) {
        return strings(read(json, "a recipient's redirect URIs")).stream().map(URI::create).toList();
    }

    public static String declaration(ProcessingDeclaration declaration) {
        ObjectNode node = object();
        node.put("version", declaration.version());
        ArrayNode purposes = node.putArray("purposes");
        declaration.purposes().forEach(purpose -> declaredPurpose(purposes.addObject(), purpose));
        declaration.furtherRecipients().forEach(node.putArray("furtherRecipients")::add);
        ArrayNode transfers = node.putArray("transfers");
        declaration.transfers().forEach(transfer -> transfers.addObject()
                .put("country", transfer.country())
                .put("safeguard", transfer.safeguard().term()));
        node.put("retention", days(declaration.retention()));
        declaration.securityMeasures().forEach(node.putArray("securityMeasures")::add);
        return write(node);
    }

    public static ProcessingDeclaration declaration(String json) {
        JsonNode node = read(json, "a recipient's declaration");
        List<DeclaredPurpose> purposes = StreamSupport.stream(node.get("purposes").spliterator(), false)
                .map(SharingJson::declaredPurpose).toList();
        List<DataTransfer> transfers = StreamSupport.stream(node.get("transfers").spliterator(), false)
                .map(transfer -> new DataTransfer(text(transfer, "country"), safeguard(text(transfer, "safeguard"))))
                .toList();
        return new ProcessingDeclaration(node.get("version").asInt(), purposes, strings(node.get("furtherRecipients")),
                transfers, Duration.parse(text(node, "retention")), strings(node.get("securityMeasures")));
    }

    public static String terms(GrantTerms terms) {
        ObjectNode node = object();
        node.put("recipient", terms.recipient().value());
        node.put("declarationVersion", terms.declarationVersion());
        node.put("kind", terms.kind().term());
        node.put("purpose", terms.purpose().term());
        node.put("purposeDescription", terms.purposeDescription());
        node.put("legalBasis", terms.legalBasis().term());
        sorted(node.putArray("types"), terms.types(), RecordType::id);
        sorted(node.putArray("categories"), terms.categories(), Category::term);
        sorted(node.putArray("fields"), terms.fields(), Function.identity());
        precision(node.putObject("precision"), terms.precision());
        node.put("covered", terms.covered().term());
        node.put("validFrom", terms.validFrom().toString());
        node.put("validUntil", terms.validUntil().toString());
        node.put("retention", days(terms.retention()));
        node.put("volumeLimit", terms.volumeLimit());
        return write(node);
    }

    public static GrantTerms terms(String json) {
        JsonNode node = read(json, "a grant's terms");
        return new GrantTerms(RecipientId.of(text(node, "recipient")), node.get("declarationVersion").asInt(),
                GrantKind.valueOf(text(node, "kind").toUpperCase(Locale.ROOT)), Purpose.fromTerm(text(node, "purpose")),
                text(node, "purposeDescription"), LegalBasis.fromTerm(text(node, "legalBasis")),
                strings(node.get("types")).stream().map(RecordType::fromId).collect(Collectors.toSet()),
                strings(node.get("categories")).stream().map(Category::fromTerm).collect(Collectors.toSet()),
                Set.copyOf(strings(node.get("fields"))), precision(node.get("precision")),
                CoveredPeriod.parse(text(node, "covered")), Instant.parse(text(node, "validFrom")),
                Instant.parse(text(node, "validUntil")), Duration.parse(text(node, "retention")),
                node.get("volumeLimit").asInt());
    }

    private static void declaredPurpose(ObjectNode node, DeclaredPurpose purpose) {
        node.put("purpose", purpose.purpose().term());
        node.put("description", purpose.description());
        sorted(node.putArray("categories"), purpose.categories(), Category::term);
        sorted(node.putArray("types"), purpose.types(), RecordType::id);
        if (!purpose.fields().isEmpty()) {
            ObjectNode fields = node.putObject("fields");
            purpose.fields().keySet().stream().sorted(Comparator.comparing(RecordType::id))
                    .forEach(type -> sorted(fields.putArray(type.id()), purpose.fields(type), Function.identity()));
        }
        precision(node.putObject("ceiling"), purpose.ceiling());
        node.put("legalBasis", purpose.legalBasis().term());
    }

    /** A declared purpose; one stored before purposes named free text has no {@code fields}, and names none. */
    private static DeclaredPurpose declaredPurpose(JsonNode node) {
        Map<RecordType, Set<String>> fields = new EnumMap<>(RecordType.class);
        Optional.ofNullable(node.get("fields")).ifPresent(byType -> byType.properties()
                .forEach(entry -> fields.put(RecordType.fromId(entry.getKey()), Set.copyOf(strings(entry.getValue())))));
        return new DeclaredPurpose(Purpose.fromTerm(text(node, "purpose")), text(node, "description"),
                strings(node.get("categories")).stream().map(Category::fromTerm).collect(Collectors.toSet()),
                strings(node.get("types")).stream().map(RecordType::fromId).collect(Collectors.toSet()), fields,
                precision(node.get("ceiling")), LegalBasis.fromTerm(text(node, "legalBasis")));
    }

    private static void precision(ObjectNode node, Precision precision) {
        node.put("location", precision.location().term());
        node.put("amount", precision.amount().term());
        node.put("time", precision.time().term());
        node.put("identifiers", precision.identifiers().term());
    }

    private static Precision precision(JsonNode node) {
        return new Precision(LocationPrecision.parse(text(node, "location")), AmountPrecision.parse(text(node, "amount")),
                TimePrecision.parse(text(node, "time")), IdentifierPrecision.parse(text(node, "identifiers")));
    }

    private static DataTransfer.Safeguard safeguard(String term) {
        return Arrays.stream(DataTransfer.Safeguard.values()).filter(safeguard -> safeguard.term().equals(term)).findFirst()
                .orElseThrow(() -> new SelfdataException(ErrorCode.VAULT_CORRUPT, "a stored transfer names no known safeguard"));
    }

    private static String days(Duration duration) {
        return "P" + duration.toDays() + "D";
    }

    private static <T> void sorted(ArrayNode array, Collection<T> values, Function<T, String> term) {
        values.stream().map(term).sorted().forEach(array::add);
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }

    private static String text(JsonNode node, String property) {
        JsonNode value = node.get(property);
        if (value == null || !value.isString()) {
            throw new SelfdataException(ErrorCode.VAULT_CORRUPT, "stored sharing JSON lacks its " + property);
        }
        return value.asString();
    }

    private static ObjectNode object() {
        return PayloadCodec.mapper().createObjectNode();
    }

    private static String write(JsonNode node) {
        return PayloadCodec.mapper().writeValueAsString(node);
    }

    private static JsonNode read(String json, String what) {
        try {
            return PayloadCodec.mapper().readTree(json);
        }
        catch (JacksonException e) {
            throw new SelfdataException(ErrorCode.VAULT_CORRUPT, what + " is stored as JSON that cannot be read", e);
        }
    }
}
