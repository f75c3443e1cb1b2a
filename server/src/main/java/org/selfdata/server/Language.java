package org.selfdata.server;

import io.javalin.http.Context;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the web pages speak. The person's choice, kept in a cookie by the switch on every page, comes first;
 * without one, the browser's preferred languages decide, and English is the fallback.
 */
public enum Language {
    ENGLISH("en", "English"),
    FRENCH("fr", "Français");

    static final String COOKIE = "selfdata_language";

    private final String code;
    private final String name;

    Language(String code, String name) {
        this.code = code;
        this.name = name;
    }

    /** The BCP 47 tag, for {@code lang} attributes and number and date formats. */
    public String code() {
        return code;
    }

    /** The language's name in itself, as the switch shows it. */
    public String nameInItself() {
        return name;
    }

    static Optional<Language> ofCode(String code) {
        return Arrays.stream(values()).filter(language -> language.code.equals(code)).findFirst();
    }

    static Language chosen(Context ctx) {
        return Optional.ofNullable(ctx.cookie(COOKIE)).flatMap(Language::ofCode)
                .orElseGet(() -> preferred(Optional.ofNullable(ctx.header("Accept-Language")).orElse("")));
    }

    /** The first of the browser's languages that the pages speak, weights considered. */
    static Language preferred(String acceptLanguage) {
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(range -> range.getRange().toLowerCase(Locale.ROOT))
                    .map(range -> range.length() > 2 && range.charAt(2) == '-' ? range.substring(0, 2) : range)
                    .flatMap(range -> ofCode(range).stream())
                    .findFirst()
                    .orElse(ENGLISH);
        }
        catch (IllegalArgumentException e) {
            return ENGLISH;
        }
    }
}
