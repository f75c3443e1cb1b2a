package org.selfdata.texts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The languages selfdata speaks, on its pages, in its errors and on the command line.
 *
 * <p>English is the fallback wherever the person's language is not one of these: it is the language of the API's
 * documentation and of the log's canonical entries, so a reader who has neither language is no worse off.
 */
public enum Language {
    ENGLISH("en", "English", Locale.ENGLISH),
    FRENCH("fr", "Français", Locale.FRENCH);

    private final String code;
    private final String name;
    private final Locale locale;

    Language(String code, String name, Locale locale) {
        this.code = code;
        this.name = name;
        this.locale = locale;
    }

    /** The BCP 47 tag, for {@code lang} attributes, {@code Content-Language} and number and date formats. */
    public String code() {
        return code;
    }

    /** The language's name in itself, as the switch on every page shows it. */
    public String nameInItself() {
        return name;
    }

    /** The locale whose plural rules, numbers and dates the messages use. */
    public Locale locale() {
        return locale;
    }

    /** The language whose tag is exactly this, such as {@code fr}. */
    public static Optional<Language> ofCode(String code) {
        return Arrays.stream(values()).filter(language -> language.code.equals(code)).findFirst();
    }

    /**
     * The first of an HTTP {@code Accept-Language} header's languages that selfdata speaks, weights considered;
     * English when none is, or when the header cannot be read.
     */
    public static Language preferred(String acceptLanguage) {
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(range -> primary(range.getRange()))
                    .flatMap(range -> ofCode(range).stream())
                    .findFirst()
                    .orElse(ENGLISH);
        }
        catch (IllegalArgumentException e) {
            return ENGLISH;
        }
    }

    /**
     * The language a terminal's person reads, from the POSIX variables in their order of precedence
     * ({@code LC_ALL}, then {@code LC_MESSAGES}, then {@code LANG}); English for {@code C}, {@code POSIX}, a
     * language selfdata does not speak, or none set. {@code LANGUAGE}, a GNU list of fallbacks, is not read: it
     * matters only once one of the others names a language.
     */
    public static Language ofEnvironment(Map<String, String> environment) {
        return Optional.ofNullable(environment.get("LC_ALL")).filter(value -> !value.isEmpty())
                .or(() -> Optional.ofNullable(environment.get("LC_MESSAGES")).filter(value -> !value.isEmpty()))
                .or(() -> Optional.ofNullable(environment.get("LANG")).filter(value -> !value.isEmpty()))
                .map(Language::primary)
                .flatMap(Language::ofCode)
                .orElse(ENGLISH);
    }

    /** The primary language subtag of a POSIX locale ({@code fr_FR.UTF-8}) or a language range ({@code fr-CA}). */
    private static String primary(String tag) {
        String lower = tag.toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < lower.length() && lower.charAt(end) >= 'a' && lower.charAt(end) <= 'z') {
            end++;
        }
        return lower.substring(0, end);
    }
}
