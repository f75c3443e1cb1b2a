package org.selfdata.portability;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import org.selfdata.gate.ConsentReceipt;
import org.selfdata.gate.ConsentReceipts;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.PersonId;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecipientIdentity;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimeLimits;
import org.selfdata.texts.Wording;
import org.selfdata.vault.ConsentReceiptArchive;
import org.selfdata.vault.Recipients;
import org.selfdata.vault.SharingJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The person's sharing as lines of {@code recipients.jsonl}, {@code grants.jsonl} and {@code receipts.jsonl}.
 *
 * <p>Identities, declarations and grant terms are written as the vault stores them, in canonical JSON, and read back
 * only in that form, so that what comes back is the very text the person was shown and the receipts were signed
 * over. A receipt carries the public key that signed it as a JWK named by its RFC 7638 thumbprint: the vault a
 * restore writes into has a key of its own, and the receipt must still be checked against the one that signed it.
 */
final class SharingLines {
    private static final Set<String> RECIPIENT_FIELDS = Set.of("id", "kind", "identity", "redirectUris", "registeredAt",
            "declarations");
    private static final Set<String> DECLARED_FIELDS = Set.of("declaredAt", "declaration");
    private static final Set<String> GRANT_FIELDS = Set.of("id", "terms", "givenAt", "withdrawnAt");
    private static final Set<String> RECEIPT_FIELDS = Set.of("grant", "id", "event", "issuedAt", "jws", "key");

    private SharingLines() {}

    /** A receipt as the archive holds it: whose grant, the receipt as kept, and the public key that signed it. */
    record Receipt(GrantId grant, ConsentReceiptArchive.KeptReceipt receipt, ECKey signer) {}

    static void write(JsonGenerator json, Recipients.Registration registration) {
        Recipient recipient = registration.recipient();
        json.writeStartObject();
        json.writeStringProperty("id", recipient.id().value());
        json.writeStringProperty("kind", recipient.kind().term());
        json.writeName("identity");
        json.writeRawValue(SharingJson.identity(recipient.identity()));
        json.writeName("redirectUris");
        json.writeStartArray();
        recipient.redirectUris().forEach(uri -> json.writeString(uri.toString()));
        json.writeEndArray();
        json.writeStringProperty("registeredAt", registration.registeredAt().toString());
        json.writeName("declarations");
        json.writeStartArray();
        for (Recipients.Declared declared : registration.declarations()) {
            json.writeStartObject();
            json.writeStringProperty("declaredAt", declared.declaredAt().toString());
            json.writeName("declaration");
            json.writeRawValue(SharingJson.declaration(declared.declaration()));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
    }

    static void write(JsonGenerator json, Grant grant) {
        json.writeStartObject();
        json.writeStringProperty("id", grant.id().value());
        json.writeName("terms");
        json.writeRawValue(SharingJson.terms(grant.terms()));
        json.writeStringProperty("givenAt", grant.givenAt().toString());
        grant.withdrawnAt().ifPresent(withdrawnAt -> json.writeStringProperty("withdrawnAt", withdrawnAt.toString()));
        json.writeEndObject();
        json.writeRaw('\n');
    }

    static void write(JsonGenerator json, Receipt receipt) {
        json.writeStartObject();
        json.writeStringProperty("grant", receipt.grant().value());
        json.writeStringProperty("id", receipt.receipt().id());
        json.writeStringProperty("event", receipt.receipt().event());
        json.writeStringProperty("issuedAt", receipt.receipt().issuedAt().toString());
        json.writeStringProperty("jws", receipt.receipt().jws());
        json.writeName("key");
        json.writeStartObject();
        // Sorted, so that the same key is always the same text whichever vault writes it.
        new TreeMap<>(receipt.signer().toPublicJWK().toJSONObject())
                .forEach((name, value) -> json.writeStringProperty(name, String.valueOf(value)));
        json.writeEndObject();
        json.writeEndObject();
        json.writeRaw('\n');
    }

    static Recipients.Registration recipient(Line line) {
        line.allowOnly(RECIPIENT_FIELDS);
        RecipientId id = line.built(() -> RecipientId.of(line.text("id")));
        Recipient.Kind kind = kind(line);
        RecipientIdentity identity = line.canonical("identity", SharingJson::identity, SharingJson::identity);
        List<URI> redirectUris = new ArrayList<>();
        for (JsonNode uri : line.array("redirectUris")) {
            if (!uri.isString()) {
                throw line.invalid("field 'redirectUris' must be a list of strings");
            }
            redirectUris.add(line.uri(uri.asString()));
        }
        Instant registeredAt = line.instant("registeredAt");
        List<Recipients.Declared> declarations = new ArrayList<>();
        int previous = 0;
        for (JsonNode node : line.array("declarations")) {
            Line declared = line.nested(node, "declarations");
            declared.allowOnly(DECLARED_FIELDS);
            ProcessingDeclaration declaration = declared.canonical("declaration", SharingJson::declaration,
                    SharingJson::declaration);
            if (declaration.version() <= previous) {
                throw line.invalid("the declarations are not in the order of their versions, each once");
            }
            previous = declaration.version();
            declarations.add(new Recipients.Declared(declaration, declared.instant("declaredAt")));
        }
        if (declarations.isEmpty()) {
            throw line.invalid("field 'declarations' lists none, and a grant always points at one");
        }
        return line.built(() -> new Recipients.Registration(new Recipient(id, identity, redirectUris, kind), registeredAt,
                declarations));
    }

    static Grant grant(Line line, PersonId person) {
        line.allowOnly(GRANT_FIELDS);
        GrantId id = line.built(() -> GrantId.of(line.text("id")));
        GrantTerms terms = line.canonical("terms", SharingJson::terms, SharingJson::terms);
        Instant givenAt = line.instant("givenAt");
        Optional<Instant> withdrawnAt = line.has("withdrawnAt") ? Optional.of(line.instant("withdrawnAt")) : Optional.empty();
        if (withdrawnAt.isPresent() && withdrawnAt.get().isBefore(givenAt)) {
            throw line.invalid("the grant is withdrawn before it was given");
        }
        return line.built(() -> new Grant(id, person, terms, givenAt, withdrawnAt));
    }

    /**
     * A receipt, checked against the key it gives: signed by it, that key named by its own thumbprint, and saying what
     * the line says of it (its id, grant, event and time).
     */
    static Receipt receipt(Line line) {
        line.allowOnly(RECEIPT_FIELDS);
        GrantId grant = line.built(() -> GrantId.of(line.text("grant")));
        ConsentReceiptArchive.KeptReceipt kept = new ConsentReceiptArchive.KeptReceipt(line.text("id"), line.text("event"),
                line.instant("issuedAt"), line.text("jws"));
        ECKey key = publicKey(line);
        ConsentReceipt verified;
        try {
            verified = ConsentReceipts.verify(kept.jws(), new JWKSet(key));
        }
        catch (SelfdataException e) {
            throw line.invalid("the receipt is not signed by the key the line gives", e);
        }
        if (!verified.id().equals(kept.id()) || !verified.grant().equals(grant)
                || !verified.event().term().equals(kept.event())
                // The vault keeps a receipt's time to the millisecond; the receipt says it to the clock's precision.
                || !verified.issuedAt().truncatedTo(ChronoUnit.MILLIS).equals(kept.issuedAt())) {
            throw line.invalid("the receipt's signed content names another id, grant, event or time than the line");
        }
        return new Receipt(grant, kept, key);
    }

    private static ECKey publicKey(Line line) {
        ECKey key;
        try {
            key = ECKey.parse(line.object("key").toString());
        }
        catch (ParseException e) {
            throw line.invalid("field 'key' is not an EC public key as a JWK", e);
        }
        try {
            if (key.isPrivate() || key.getKeyID() == null || !key.computeThumbprint().toString().equals(key.getKeyID())) {
                throw line.invalid("field 'key' must be a public key named by its RFC 7638 thumbprint");
            }
        }
        catch (JOSEException e) {
            throw line.invalid("field 'key' is not an EC public key as a JWK", e);
        }
        return key;
    }

    private static Recipient.Kind kind(Line line) {
        String kind = line.text("kind");
        return Arrays.stream(Recipient.Kind.values()).filter(candidate -> candidate.term().equals(kind)).findFirst()
                .orElseThrow(() -> line.invalid("field 'kind' must be one of "
                        + Arrays.stream(Recipient.Kind.values()).map(Recipient.Kind::term).toList()));
    }

    /** One line of a sharing part as a JSON tree, with errors that name the part, the line and the field. */
    static final class Line {
        private final String part;
        private final long number;
        private final JsonNode node;

        private Line(String part, long number, JsonNode node) {
            this.part = part;
            this.number = number;
            this.node = node;
        }

        static Line parse(String part, long number, byte[] json) {
            JsonNode node;
            try {
                node = ArchiveJson.MAPPER.readTree(json);
            }
            catch (JacksonException e) {
                throw InvalidArchive.line(part, number, Wording.of("error.portability.notJson"), e);
            }
            if (node == null || !node.isObject()) {
                throw InvalidArchive.line(part, number, Wording.of("error.portability.notJsonObject"));
            }
            return new Line(part, number, node);
        }

        Line nested(JsonNode element, String field) {
            if (!element.isObject()) {
                throw invalid("field '" + field + "' must be a list of objects");
            }
            return new Line(part, number, element);
        }

        void allowOnly(Set<String> names) {
            for (String name : node.propertyNames()) {
                if (!names.contains(name)) {
                    throw invalid("has an unknown field '" + InvalidArchive.quotable(name) + "'");
                }
            }
        }

        boolean has(String name) {
            return node.has(name);
        }

        String text(String name) {
            JsonNode value = node.get(name);
            if (value == null || !value.isString()) {
                throw invalid("field '" + name + "' must be a string");
            }
            return value.asString();
        }

        Instant instant(String name) {
            return TimeLimits.instant(text(name)).orElseThrow(() -> invalid("field '" + name
                    + "' must be an ISO-8601 instant such as 2025-01-31T08:00:00Z, " + TimeLimits.RANGE));
        }

        JsonNode object(String name) {
            JsonNode value = node.get(name);
            if (value == null || !value.isObject()) {
                throw invalid("field '" + name + "' must be a JSON object");
            }
            return value;
        }

        JsonNode array(String name) {
            JsonNode value = node.get(name);
            if (value == null || !value.isArray()) {
                throw invalid("field '" + name + "' must be a list");
            }
            return value;
        }

        /**
         * An object in the canonical JSON the vault stores it in: read, then written again, it must be the same text,
         * so that nothing the vault would not write slips in and what comes back is what was shown and signed.
         */
        <T> T canonical(String name, Function<String, T> read, Function<T, String> write) {
            String text = PayloadCodec.mapper().writeValueAsString(object(name));
            T value;
            try {
                value = read.apply(text);
            }
            catch (RuntimeException e) {
                // The vault's reader of its own stored JSON trusts its shape; an archive's is anyone's.
                throw invalid("field '" + name + "' cannot be read", e);
            }
            if (!write.apply(value).equals(text)) {
                throw invalid("field '" + name + "' is not in the canonical form selfdata writes");
            }
            return value;
        }

        URI uri(String text) {
            try {
                return URI.create(text);
            }
            catch (IllegalArgumentException e) {
                throw invalid("field 'redirectUris' holds a text that is not a URI", e);
            }
        }

        /** Builds a model object from values already read, turning the model's refusal into one that names the line. */
        <T> T built(Supplier<T> construction) {
            return InvalidArchive.built(part, number, construction);
        }

        SelfdataException invalid(String problem) {
            return InvalidArchive.line(part, number, problem);
        }

        SelfdataException invalid(String problem, Throwable cause) {
            return InvalidArchive.line(part, number, problem, cause);
        }
    }
}
