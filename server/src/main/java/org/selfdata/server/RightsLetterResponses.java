package org.selfdata.server;

import io.javalin.http.Context;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.Letter;
import org.selfdata.texts.Wording;

import java.util.List;
import java.util.function.Supplier;

/**
 * A letter of the rights desk as the API gives it: its language, subject and body as JSON, or with {@code ?format=pdf}
 * the PDF for registered post, as an attachment. Each of the request's letters (the request, the reminder, the
 * complaint) answers the same way.
 */
final class RightsLetterResponses {
    private static final List<String> PARAMETERS = List.of("format");
    private static final String PDF = "pdf";
    private static final String JSON = "json";

    record LetterJson(String language, String subject, String body) {}

    private RightsLetterResponses() {}

    /**
     * @param fileName the PDF's name, made of the request's reference and what the letter is, nothing the person
     *     wrote
     */
    static void answer(Context ctx, Supplier<Letter> letter, Supplier<byte[]> pdf, String fileName) {
        String format = QueryParameters.of(ctx.queryParamMap(), PARAMETERS).single("format").orElse(JSON);
        switch (format) {
            case PDF -> ctx.contentType("application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                    .header("X-Content-Type-Options", "nosniff")
                    .result(pdf.get());
            case JSON -> {
                Letter written = letter.get();
                ctx.json(new LetterJson(written.language().code(), written.subject(), written.body()));
            }
            default -> throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.api.unknownTerm",
                    "format", String.join(", ", JSON, PDF)));
        }
    }
}
