package org.selfdata.server;

import org.selfdata.texts.Language;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a page's template is given: which page, in which language, with which words, and the few settings a page
 * needs in its markup (such as where map tiles come from). Never personal data: pages fetch that from the API.
 *
 * @param settings values the page's script reads from its {@code data-} attributes, by name
 * @param address the page's path and query as asked for, such as the consent page's authorization request, for the
 *     language switch to come back to
 */
public record PageView(WebPage page, Language language, Texts texts, Map<String, String> settings, String address) {
    public PageView {
        requireNonNull(page, "page is null");
        requireNonNull(address, "address is null");
        requireNonNull(language, "language is null");
        requireNonNull(texts, "texts is null");
        settings = Map.copyOf(settings);
    }

    /** The page's words for a key. */
    public String text(String key) {
        return texts.get(key);
    }

    public List<WebPage> navigation() {
        return WebPage.navigation();
    }

    public List<Language> languages() {
        return List.of(Language.values());
    }

    /** A setting for the page's script, or the empty string. */
    public String setting(String name) {
        return Optional.ofNullable(settings.get(name)).orElse("");
    }

    /** Where the language switch leads: it sets the language, then comes back to this page as it was asked for. */
    public String switchTo(Language other) {
        return "/language?to=" + other.code() + "&back=" + URLEncoder.encode(address, StandardCharsets.UTF_8);
    }
}
