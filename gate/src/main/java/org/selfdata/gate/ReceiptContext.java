package org.selfdata.gate;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.SelfdataException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The JSON-LD context of consent receipts, shipped with selfdata as one file: every receipt carries its definitions
 * inline, so that a signed receipt verifies and expands offline, without fetching anything; and the vault serves the
 * same context at the namespace of its terms, so that the terms can be read where they are defined.
 *
 * <p>The context says what each key of a receipt means in W3C DPV and Dublin Core terms, and which values are IRIs,
 * instants or durations. The receipt keeps its plain keys ({@code consent_status}, {@code purposes}) so that recipients
 * reading it as JSON see no change; a JSON-LD processor reads the same text as DPV statements.
 *
 * <p>selfdata's own terms are named through one prefix, {@code selfdata}, the one definition that differs from vault to
 * vault: each names its terms beneath its own address ({@link ReceiptAddresses}), where it serves them. The file as
 * shipped names them in {@link #UNSERVED_NAMESPACE}.
 */
public final class ReceiptContext {
    /**
     * Where selfdata's own terms (those DPV has no term for, such as the precision a grant allows) are named in receipts
     * signed where no address of the vault is known, and in every receipt signed before vaults named them beneath their
     * own address. Readers accept it as they accept any vault's {@code <issuer>ns/consent#}: the terms are the same.
     */
    public static final String UNSERVED_NAMESPACE = "https://selfdata.invalid/ns/consent#";
    /** The prefix the context names selfdata's terms by. */
    static final String PREFIX = "selfdata";
    public static final String MEDIA_TYPE = "application/ld+json";

    private static final String RESOURCE = "consent-receipt.jsonld";
    private static final ObjectNode DEFINITIONS = definitionsOf(load());

    private ReceiptContext() {}

    /** The context with selfdata's terms in {@code namespace}, as a vault serves it: the same as its receipts carry inline. */
    public static String document(String namespace) {
        ObjectNode document = PayloadCodec.mapper().createObjectNode();
        document.set("@context", definitions(namespace));
        return PayloadCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
    }

    /**
     * The definitions to write inline as a receipt's {@code @context}, selfdata's terms in {@code namespace}: a fresh
     * copy, for the caller to place.
     */
    static ObjectNode definitions(String namespace) {
        requireNonNull(namespace, "namespace is null");
        if (!namespace.endsWith("#")) {
            throw new IllegalArgumentException("a namespace of terms ends with #, as " + namespace + " does not");
        }
        ObjectNode definitions = DEFINITIONS.deepCopy();
        definitions.put(PREFIX, namespace);
        return definitions;
    }

    /**
     * The names of selfdata's own terms the context defines, such as {@code precision} and {@code location_precision}:
     * what a vault describes at the namespace it names them in.
     */
    public static SortedSet<String> terms() {
        SortedSet<String> terms = new TreeSet<>();
        collectTerms(DEFINITIONS, terms);
        return Collections.unmodifiableSortedSet(terms);
    }

    /** Each IRI a definition maps a key to, when it is one of selfdata's; the namespace a {@code @vocab} names is none. */
    private static void collectTerms(JsonNode definitions, SortedSet<String> terms) {
        for (Map.Entry<String, JsonNode> definition : definitions.properties()) {
            String key = definition.getKey();
            JsonNode value = definition.getValue();
            if (value.isString() && (key.equals("@id") || !key.startsWith("@"))
                    && value.asString().startsWith(PREFIX + ":") && value.asString().length() > PREFIX.length() + 1) {
                terms.add(value.asString().substring(PREFIX.length() + 1));
            }
            else if (value.isObject()) {
                collectTerms(value, terms);
            }
        }
    }

    private static String load() {
        try (InputStream in = ReceiptContext.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new SelfdataException(ErrorCode.INTERNAL, "the consent receipt context " + RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode definitionsOf(String document) {
        JsonNode context = PayloadCodec.mapper().readTree(document).get("@context");
        if (!(context instanceof ObjectNode definitions)) {
            throw new SelfdataException(ErrorCode.INTERNAL, "the consent receipt context has no @context object");
        }
        return definitions;
    }
}
