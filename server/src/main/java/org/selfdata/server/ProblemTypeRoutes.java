package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /problems/{type}}: what a problem type means, in the reader's language, so that the {@code type} of every
 * problem the vault answers (RFC 9457) resolves on the vault's own origin to its documentation. Public, and the same for
 * every reader: it says what a kind of failure is, never what failed for whom.
 */
final class ProblemTypeRoutes implements HttpService {
    private static final Map<String, ErrorCode> BY_TYPE = Arrays.stream(ErrorCode.values())
            .collect(Collectors.toUnmodifiableMap(ProblemTypeRoutes::type, Function.identity()));

    @Override
    public void routing(RoutesConfig routes) {
        routes.get(Problems.TYPE_BASE + "{type}", this::describe, Access.PUBLIC);
    }

    /** The last segment of a code's problem type, such as {@code not-found}. */
    static String type(ErrorCode code) {
        return code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private void describe(Context ctx) {
        ErrorCode code = BY_TYPE.get(ctx.pathParam("type"));
        if (code == null) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.server.noProblemType"));
        }
        Language language = Problems.language(ctx);
        Words words = Words.of(language);
        Problems.Kind kind = Problems.kind(code);
        String title = escaped(words.say(kind.title()));
        String meaningKey = "error.code." + type(code);
        String meaning = escaped(words.say(Wording.of(meaningKey)));
        ctx.header("Content-Language", language.code());
        ctx.contentType("text/html; charset=utf-8").result("<!doctype html>\n<html lang=\"" + language.code() + "\">"
                + "<head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body><h1>" + title + "</h1><p>HTTP " + kind.status() + ". " + meaning + "</p></body></html>\n");
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
