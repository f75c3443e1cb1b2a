package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.gate.ReceiptAddresses;
import org.selfdata.gate.ReceiptContext;
import org.selfdata.texts.Language;
import org.selfdata.texts.Words;

import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /ns/consent}: the namespace the vault's consent receipts name selfdata's own terms in
 * ({@code <issuer>ns/consent#}), answering what those terms are. A JSON-LD processor, or anyone not asking for a page,
 * gets the receipts' context as {@code application/ld+json}, the same definitions every receipt the vault signs now
 * carries inline; a browser, asking for {@code text/html} above JSON, gets a page listing each term with a line saying
 * what it means, in the reader's language, each term at its own anchor so that a term's IRI lands on its line.
 *
 * <p>Public: it defines terms and holds nothing about anyone. It may be fetched from any origin, as JSON-LD processors
 * in a browser fetch contexts.
 */
final class VocabularyRoutes implements HttpService {
    static final String PATH = "/" + ReceiptAddresses.NAMESPACE_PATH;
    /** The keys of the terms' meanings: this, then the term with hyphens for its underscores. */
    private static final String MEANINGS = "receipt.term.";

    private final ReceiptAddresses addresses;

    VocabularyRoutes(IssuerAddress issuer) {
        this.addresses = ReceiptAddresses.servedAt(requireNonNull(issuer, "issuer is null")::uri);
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get(PATH, this::describe, Access.PUBLIC);
    }

    private void describe(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Vary", "Accept, Accept-Language");
        if (asksForPage(Optional.ofNullable(ctx.header("Accept")).orElse(""))) {
            Language language = Problems.language(ctx);
            ctx.header("Content-Language", language.code());
            ctx.contentType("text/html; charset=utf-8").result(page(Words.of(language), addresses.namespace()));
        }
        else {
            ctx.contentType(ReceiptContext.MEDIA_TYPE + "; charset=utf-8").result(
                    ReceiptContext.document(addresses.namespace()));
        }
    }

    /**
     * Whether the {@code Accept} header ranks an HTML page above JSON-LD and JSON, as a browser's does; no header, or
     * one that ranks them equally ({@code *}{@code /*}), gets what JSON-LD processors expect.
     */
    static boolean asksForPage(String accept) {
        return quality(accept, "text/html") > Math.max(quality(accept, ReceiptContext.MEDIA_TYPE),
                quality(accept, "application/json"));
    }

    /** The quality an {@code Accept} header gives a media type it names as such, 0 when it does not. */
    private static double quality(String accept, String type) {
        double best = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (!parts[0].strip().toLowerCase(Locale.ROOT).equals(type)) {
                continue;
            }
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    }
                    catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            best = Math.max(best, quality);
        }
        return best;
    }

    private static String page(Words words, String namespace) {
        String title = escaped(words.say("receipt.terms.title"));
        StringBuilder page = new StringBuilder("<!doctype html>\n<html lang=\"").append(words.language().code())
                .append("\"><head><meta charset=\"utf-8\"><title>").append(title).append("</title></head><body><h1>")
                .append(title).append("</h1>\n<p>").append(escaped(words.say("receipt.terms.introduction", namespace)))
                .append("</p>\n<dl>\n");
        for (String term : ReceiptContext.terms()) {
            page.append("<dt id=\"").append(escaped(term)).append("\"><code>").append(escaped(namespace + term))
                    .append("</code></dt><dd>").append(escaped(words.say(MEANINGS + term.replace('_', '-')))).append("</dd>\n");
        }
        page.append("<dt id=\"free_text_of_\"><code>").append(escaped(namespace)).append("free_text_of_…</code></dt><dd>")
                .append(escaped(words.say("receipt.terms.freeTextOf"))).append("</dd>\n</dl>\n<p>")
                .append(escaped(words.say("receipt.terms.values"))).append("</p>\n<p>")
                .append(escaped(words.say("receipt.terms.unserved", ReceiptContext.UNSERVED_NAMESPACE)))
                .append("</p>\n</body></html>\n");
        return page.toString();
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
