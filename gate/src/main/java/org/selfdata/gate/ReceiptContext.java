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

/**
 * The JSON-LD context of consent receipts, shipped with selfdata as one file: every receipt carries its definitions
 * inline, so that a signed receipt verifies and expands offline, without fetching anything; and the vault serves the
 * very same file, so that the terms can be read where they are defined.
 *
 * <p>The context says what each key of a receipt means in W3C DPV and Dublin Core terms, and which values are IRIs,
 * instants or durations. The receipt keeps its plain keys ({@code consent_status}, {@code purposes}) so that recipients
 * reading it as JSON see no change; a JSON-LD processor reads the same text as DPV statements.
 */
public final class ReceiptContext {
    /** Where selfdata's own terms are named: those DPV has no term for, such as the precision a grant allows. */
    public static final String NAMESPACE = "https://selfdata.invalid/ns/consent#";
    public static final String MEDIA_TYPE = "application/ld+json";

    private static final String RESOURCE = "consent-receipt.jsonld";
    private static final String DOCUMENT = load();
    private static final ObjectNode DEFINITIONS = definitionsOf(DOCUMENT);

    private ReceiptContext() {}

    /** The context file as shipped: a JSON-LD document whose only member is {@code @context}. */
    public static String document() {
        return DOCUMENT;
    }

    /** The definitions to write inline as a receipt's {@code @context}: a fresh copy, for the caller to place. */
    static ObjectNode definitions() {
        return DEFINITIONS.deepCopy();
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
