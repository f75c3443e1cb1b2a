package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import org.selfdata.gate.ReceiptContext;

import java.nio.charset.StandardCharsets;

/**
 * {@code GET /ns/consent}: the JSON-LD context of consent receipts, as {@code application/ld+json}, byte for byte the
 * file every receipt carries inline. Public and the same for every vault: it defines terms and holds nothing about
 * anyone. It may be fetched from any origin, as JSON-LD processors in a browser fetch contexts.
 */
final class VocabularyRoutes implements HttpService {
    static final String PATH = "/ns/consent";

    private final byte[] document = ReceiptContext.document().getBytes(StandardCharsets.UTF_8);

    @Override
    public void routing(RoutesConfig routes) {
        routes.get(PATH, ctx -> ctx.contentType(ReceiptContext.MEDIA_TYPE + "; charset=utf-8")
                .header("Access-Control-Allow-Origin", "*")
                .result(document), Access.PUBLIC);
    }
}
