package org.selfdata.gate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.selfdata.model.Category;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.InstantText;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientIdentity;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Consent receipts in the structure of ISO/IEC TS 27560 (consent record information structure), written in JSON-LD
 * with W3C DPV terms as the DPVCG guide to ISO/IEC TS 27560 lays them out, the {@link ReceiptContext context} inline so
 * that a JSON-LD processor reads every key as a statement without fetching anything; instants are written the one way
 * {@link InstantText} says; and each receipt is signed by the vault as a compact JWS (ES256) so that the person, the
 * recipient or a supervisory authority can check one against the vault's published key without asking the vault.
 *
 * <p>selfdata's own terms are named, and the notice is, beneath the vault's address where it serves them
 * ({@link ReceiptAddresses}), so that a reader can look both up; a receipt signed elsewhere names them as it was told.
 *
 * <p>The data subject is named by a pseudonym tied to the grant, never by the person's handle or number: a receipt
 * may be shown to anyone, and should tell them nothing about who gave it beyond what the grant itself says.
 */
public final class ConsentReceipts {
    static final String SCHEMA_VERSION = "ISO/IEC TS 27560:2023";
    /** The DPVCG profile of ISO/IEC TS 27560 for a receipt carrying the record's information in full. */
    static final String RECEIPT_PROFILE = "https://w3id.org/dpv/schema/iso-27560#receipt-full";
    static final JOSEObjectType TYPE = new JOSEObjectType("consent-receipt+jws");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JWSSigner signer;
    private final String keyId;
    private final ReceiptAddresses addresses;

    /** Receipts signed where the vault's address is not known: their terms and notice {@link ReceiptAddresses#unserved()}. */
    public ConsentReceipts(JWSSigner signer, String keyId) {
        this(signer, keyId, ReceiptAddresses.unserved());
    }

    /** Receipts naming their terms and notice beneath the vault's address, where it serves them. */
    public ConsentReceipts(JWSSigner signer, String keyId, ReceiptAddresses addresses) {
        this.signer = requireNonNull(signer, "signer is null");
        this.keyId = requireNonNull(keyId, "keyId is null");
        this.addresses = requireNonNull(addresses, "addresses is null");
        if (!signer.supportedJWSAlgorithms().contains(JWSAlgorithm.ES256)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.gate.receiptAlgorithm"));
        }
    }

    /** The receipt of a grant just given. */
    public ConsentReceipt given(Grant grant, Recipient recipient) {
        return receipt(grant, recipient, ConsentEvent.GIVEN, grant.givenAt());
    }

    /** The receipt of a grant just withdrawn. */
    public ConsentReceipt withdrawn(Grant grant, Recipient recipient) {
        Instant withdrawnAt = grant.withdrawnAt().orElseThrow(() -> new SelfdataException(ErrorCode.CONFLICT,
                Wording.of("error.gate.notWithdrawn", grant.id().toString())));
        return receipt(grant, recipient, ConsentEvent.WITHDRAWN, withdrawnAt);
    }

    private ConsentReceipt receipt(Grant grant, Recipient recipient, ConsentEvent event, Instant at) {
        if (!grant.terms().recipient().equals(recipient.id())) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.gate.otherRecipient", grant.id().toString(), recipient.id().toString()));
        }
        String id = newId();
        String json = PayloadCodec.mapper().writeValueAsString(record(id, grant, recipient, event, at, addresses));
        JWSObject signed = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).type(TYPE).build(),
                new Payload(json));
        try {
            signed.sign(signer);
        }
        catch (JOSEException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot sign the receipt of grant " + grant.id(), e);
        }
        return new ConsentReceipt(id, grant.id(), event, at, json, signed.serialize());
    }

    /**
     * Checks a receipt's signature against published keys and reads it back. Fails, saying why, when the text is not
     * a receipt, names a key that is not published, or was changed after it was signed.
     */
    public static ConsentReceipt verify(String jws, JWKSet publicKeys) {
        requireNonNull(jws, "jws is null");
        requireNonNull(publicKeys, "publicKeys is null");
        JWSObject parsed;
        try {
            parsed = JWSObject.parse(jws.strip());
        }
        catch (ParseException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.gate.receiptNotJws"), e);
        }
        JWSHeader header = parsed.getHeader();
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || header.getKeyID() == null) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.gate.receiptHeader"));
        }
        JWK key = publicKeys.getKeyByKeyId(header.getKeyID());
        if (!(key instanceof ECKey ecKey)) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT,
                    Wording.of("error.gate.receiptKeyUnknown", header.getKeyID().replaceAll("\\p{Cntrl}", "?")));
        }
        boolean valid;
        try {
            valid = parsed.verify(new ECDSAVerifier(ecKey.toPublicJWK()));
        }
        catch (JOSEException e) {
            valid = false;
        }
        if (!valid) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.gate.receiptSignature", ecKey.getKeyID()));
        }
        return read(parsed.getPayload().toString(), jws.strip());
    }

    private static ConsentReceipt read(String json, String jws) {
        JsonNode node;
        try {
            node = PayloadCodec.mapper().readTree(json);
        }
        catch (JacksonException e) {
            throw notARecord(e);
        }
        String status = text(node, "consent_status");
        ConsentEvent event = Arrays.stream(ConsentEvent.values()).filter(value -> value.status().equals(status))
                .findFirst().orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_INPUT,
                        Wording.of("error.gate.receiptStatus")));
        try {
            return new ConsentReceipt(text(node, "record_id"), GrantId.of(text(node, "consent_id")), event,
                    Instant.parse(text(node, "record_timestamp")), json, jws);
        }
        catch (DateTimeParseException | SelfdataException e) {
            throw notARecord(e);
        }
    }

    private static String text(JsonNode node, String property) {
        JsonNode value = node.get(property);
        if (value == null || !value.isString()) {
            throw notARecord(null);
        }
        return value.asString();
    }

    private static SelfdataException notARecord(Exception cause) {
        Wording message = Wording.of("error.gate.receiptContent");
        return cause == null ? new SelfdataException(ErrorCode.INVALID_INPUT, message)
                : new SelfdataException(ErrorCode.INVALID_INPUT, message, cause);
    }

    private static ObjectNode record(String id, Grant grant, Recipient recipient, ConsentEvent event, Instant at,
                                     ReceiptAddresses addresses) {
        GrantTerms terms = grant.terms();
        String recipientId = "urn:selfdata:recipient:" + recipient.id();
        ObjectNode node = PayloadCodec.mapper().createObjectNode();
        node.set("@context", ReceiptContext.definitions(addresses.namespace()));
        node.put("id", "urn:selfdata:receipt:" + id);
        node.put("@type", "dpv:ConsentRecord");
        node.put("conforms_to", RECEIPT_PROFILE);
        node.put("schema_version", SCHEMA_VERSION);
        node.put("record_id", id);
        node.put("record_timestamp", InstantText.of(at));
        node.put("consent_id", grant.id().value());
        node.putObject("data_subject")
                .put("id", "urn:selfdata:grant:" + grant.id() + ":subject")
                .put("@type", "dpv:DataSubject")
                .put("id_type", "dpv:Pseudonymisation");
        controller(node.putArray("controllers").addObject(), recipientId, recipient);
        node.putArray("recipients").add(recipientId);
        node.putObject("notice")
                .put("id", addresses.notice(recipient.id(), terms.declarationVersion()))
                .put("@type", "dpv:ConsentNotice")
                .put("declaration_version", terms.declarationVersion());
        purpose(node.putArray("purposes").addObject(), terms);
        node.put("consent_status", event.status());
        node.putObject("event")
                .put("type", event.term())
                .put("time", InstantText.of(at))
                .put("actor", "dpv:DataSubject")
                .put("given_at", InstantText.of(grant.givenAt()));
        node.putObject("duration")
                .put("@type", "dpv:TemporalDuration")
                .put("start", InstantText.of(terms.validFrom()))
                .put("end", InstantText.of(terms.validUntil()));
        return node;
    }

    private static void controller(ObjectNode node, String recipientId, Recipient recipient) {
        RecipientIdentity identity = recipient.identity();
        node.put("id", recipientId);
        node.put("@type", "dpv:DataController");
        node.put("kind", recipient.kind().term());
        node.put("name", identity.name());
        node.put("legal_name", identity.legalName());
        node.put("country", identity.country());
        node.put("contact", identity.contact());
        identity.dataProtectionOfficer().ifPresent(officer -> node.put("data_protection_officer", officer));
    }

    /**
     * The purpose and what it covers. A grant names types, categories or both; the receipt names what they come to, so
     * that it reads the same whichever way the grant was written: every record type covered, the category of each
     * beside the categories named, and each free-text field named under the types it leaves in.
     */
    private static void purpose(ObjectNode node, GrantTerms terms) {
        Set<RecordType> covered = GrantScope.readableTypes(terms);
        node.put("purpose", terms.purpose().term());
        node.put("description", terms.purposeDescription());
        node.put("legal_basis", terms.legalBasis().term());
        node.put("legal_basis_dpv", terms.legalBasis().dpvTerm());
        node.putArray("processing").add(terms.kind() == GrantKind.READ ? "dpv:Disclose" : "dpv:Store");
        Set<Category> categories = EnumSet.noneOf(Category.class);
        categories.addAll(terms.categories());
        covered.forEach(type -> categories.add(type.defaultCategory()));
        sorted(node.putArray("personal_data"), categories, Category::term);
        sorted(node.putArray("personal_data_types"), covered, RecordType::id);
        sorted(node.putArray("selfdata:record_types"), covered, RecordType::id);
        ObjectNode fields = node.putObject("selfdata:free_text_fields");
        covered.stream().sorted(Comparator.comparing(RecordType::id)).forEach(type -> {
            Set<String> named = new TreeSet<>(FreeTextFields.of(type));
            named.retainAll(terms.fields());
            if (!named.isEmpty()) {
                sorted(fields.putArray(type.id()), named, Function.identity());
            }
        });
        node.putObject("selfdata:precision")
                .put("location", terms.precision().location().term())
                .put("amount", terms.precision().amount().term())
                .put("time", terms.precision().time().term())
                .put("identifiers", terms.precision().identifiers().term());
        node.put("selfdata:covered_period", terms.covered().term());
        node.put("selfdata:grant_kind", terms.kind().term());
        node.put("selfdata:volume_limit_per_day", terms.volumeLimit());
        node.putObject("storage").put("@type", "dpv:StorageDuration").put("retention", "P" + terms.retention().toDays() + "D");
    }

    private static <T> void sorted(ArrayNode array, Collection<T> values, Function<T, String> term) {
        values.stream().map(term).sorted().forEach(array::add);
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
