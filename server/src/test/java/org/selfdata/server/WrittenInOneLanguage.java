package org.selfdata.server;

import com.microsoft.playwright.Page;
import org.selfdata.texts.Language;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a page written wholly in one language must not show: words of the interface's other language, message keys
 * left untranslated, and codes of selfdata's vocabulary that a person must read in words.
 */
final class WrittenInOneLanguage {
    /**
     * Words of the interface's English that must never be left on a French page, whole words, case counted: nothing
     * in the demo's own data (payees, places, titles) uses them.
     */
    private static final List<String> ENGLISH_ON_FRENCH_PAGES = List.of("records", "entries",
            "shown", "newest", "account", "Location History", "Semantic Location History", "Energy usage download",
            "Address book", "vCard contacts", "CSV export", "Time", "Category", "matching", "kWh in all", "Most in one",
            "Highest", "in English", "grant", "grants", "Download your information", "no records", "counted per",
            "added", "already held", "set aside", "Done", "Not imported", "the file", "cannot", "must", "Share",
            "Withdraw", "given", "withdrawn", "Admit", "Nothing");

    /** The French words a page in English must not show. */
    private static final List<String> FRENCH_ON_ENGLISH_PAGES = List.of("enregistrements", "enregistrement", "Catégorie",
            "compte", "Historique des positions", "jours", "autorisation", "affichées", "Téléchargement", "ajoutés",
            "Terminé", "Partager", "Retirer");

    /**
     * Codes of selfdata's vocabulary that a page must say in words: data categories and purposes, and periods such as
     * {@code P30D}, but not the end of a request's reference, such as {@code SD-P03D}, which is random.
     */
    private static final Pattern RAW_CODES = Pattern.compile("\\b(pd|dpv|trailing|eu-gdpr):[A-Za-z0-9]|(?<!-)\\bP\\d+[DMY]\\b");

    /**
     * A message key shown as it is, which is what the pages' scripts show for a key they have no words for: such as
     * {@code account.restoreDone}, {@code import.mapping.send} or {@code error.ofx.fileEnds}.
     */
    private static final Pattern MESSAGE_KEYS = Pattern.compile("\\b[a-z]+\\.[a-z]+[A-Z][A-Za-z]+\\b|\\b(?:common|nav|"
            + "overview|import|explore|money|energy|places|reveal|sharing|activity|rights|account|consent|error)"
            + "\\.[a-z][A-Za-z.]*");

    private WrittenInOneLanguage() {}

    /** The page now open shows only words of this language, no message key and no raw code. */
    static void assertWhollyIn(Language language, Page page, String name) {
        String shown = page.locator("body").innerText();
        List<String> forbidden = language == Language.FRENCH ? ENGLISH_ON_FRENCH_PAGES : FRENCH_ON_ENGLISH_PAGES;

        assertThat(page.locator("html").getAttribute("lang")).as(name).isEqualTo(language.code());
        assertThat(forbidden.stream().flatMap(word -> inContext(shown, Pattern.quote(word)).stream()).toList())
                .as("words of the other language on %s in %s", name, language.code())
                .isEmpty();
        assertThat(inContext(shown, RAW_CODES.pattern())).as("a raw code on %s in %s", name, language.code()).isEmpty();
        assertThat(inContext(shown, MESSAGE_KEYS.pattern())).as("a message key on %s in %s", name, language.code())
                .isEmpty();
    }

    /** Where a word stands alone in a text, with a little of what surrounds it; nothing when it does not. */
    private static Optional<String> inContext(String text, String word) {
        Matcher found = Pattern.compile("(?<![\\p{L}])(?:" + word + ")(?![\\p{L}])").matcher(text);
        if (!found.find()) {
            return Optional.empty();
        }
        return Optional.of(found.group() + " in \"" + text.substring(Math.max(0, found.start() - 40),
                Math.min(text.length(), found.end() + 40)).replace('\n', ' ') + "\"");
    }
}
