package org.selfdata.server;

import io.javalin.http.Context;
import org.selfdata.texts.Language;

import java.util.Optional;

/**
 * The language a page is written in. The person's choice, kept in a cookie by the switch on every page, comes first;
 * without one, the browser's preferred languages decide, and English is the fallback.
 */
final class PageLanguage {
    static final String COOKIE = "selfdata_language";

    private PageLanguage() {}

    static Language chosen(Context ctx) {
        return Optional.ofNullable(ctx.cookie(COOKIE)).flatMap(Language::ofCode)
                .orElseGet(() -> Problems.language(ctx));
    }
}
