package org.selfdata.server;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' script says its words as ICU4J says them: every pattern of every page, and patterns written to probe the
 * syntax's corners (apostrophes, exact values, offsets, nested choices), formatted in a real browser by
 * {@code selfdata.format} and on the server by ICU4J's {@link MessageFormat}, for numbers on both sides of each
 * plural rule, in both languages.
 */
class MessageFormatBrowserTest {
    /** Whole numbers as integers: Playwright sends a Java {@code 0.0} to the page as {@code -0}, and no longs at all. */
    private static final List<Number> NUMBERS = List.of(0, 1, 1.5, 2, 21, 1_000, 1_234_567);
    private static final List<String> CORNERS = List.of(
            "{0, plural, one {# enregistrement ajouté} other {# enregistrements ajoutés}}",
            "{0, plural, =0 {aucun import} =1 {un import} one {# import} other {# imports}}",
            "{0, plural, offset:1 =0 {personne} =1 {{1} seul} one {{1} et # autre} other {{1} et # autres}}",
            "l'import de '{0}' est ''fini'' : {0}",
            "{0, plural, one {'#' # fichier} other {'#' # fichiers}}",
            "{1, select, granted {{0, plural, one {# autorisation donnée} other {# autorisations données}}} other {{0}}}",
            "{0, number} et {0, number, integer} et {0}",
            "it's {0}'s turn, isn't it");

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    @RegisterExtension
    final Chromium chromium = new Chromium();
    private Page page;

    @BeforeEach
    void openAPage() {
        SelfdataServer server = running.start();
        page = new BrowserTab(chromium.browser(), server).page();
        page.navigate(server.url() + "sign-in");
    }

    @Test
    void theCornersOfTheSyntaxAreSaidAsIcuSaysThem() {
        assertFormattedAlike(CORNERS.stream().map(pattern -> Map.entry(pattern, pattern)).toList());
    }

    @Test
    void everyPatternOfEveryPageIsSaidAsIcuSaysIt() {
        List<String> files = Stream.concat(Stream.of("common"), Arrays.stream(WebPage.values()).map(WebPage::pageName))
                .toList();
        List<Map.Entry<String, String>> patterns = new ArrayList<>();
        for (Language language : Language.values()) {
            for (String file : files) {
                Texts.read(language, file).forEach((key, pattern) ->
                        patterns.add(Map.entry(language.code() + ":" + file + ":" + key, pattern)));
            }
        }

        assertFormattedAlike(patterns);
    }

    /** Formats each pattern in both languages with each number, in the browser and by ICU4J, and compares. */
    private void assertFormattedAlike(List<Map.Entry<String, String>> patterns) {
        Map<String, String> expected = new TreeMap<>();
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Map.Entry<String, String> named : patterns) {
            String pattern = named.getValue();
            for (Language language : Language.values()) {
                for (Number number : NUMBERS) {
                    Object[] values = values(pattern, number);
                    String name = named.getKey() + " in " + language.code() + " with " + number;
                    expected.put(name, new MessageFormat(pattern, ULocale.forLocale(language.locale())).format(values));
                    Map<String, Object> formatCase = new LinkedHashMap<>();
                    formatCase.put("name", name);
                    formatCase.put("pattern", pattern);
                    formatCase.put("values", Arrays.asList(values));
                    formatCase.put("language", language.code());
                    cases.add(formatCase);
                }
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, String> formatted = (Map<String, String>) page.evaluate("""
                cases => Object.fromEntries(cases.map(c => [c.name, selfdata.format(c.pattern, c.values, c.language)]))
                """, cases);

        assertThat(new TreeMap<>(formatted)).isEqualTo(expected);
    }

    /**
     * Values for a pattern's arguments: the number for those it counts or formats as numbers, and for the others a
     * word, which a select chooses by ({@code granted} is one of its choices in the corners above).
     */
    private static Object[] values(String pattern, Number number) {
        MessagePattern parsed = new MessagePattern(pattern);
        Map<Integer, Object> values = new TreeMap<>();
        for (int index = 0; index < parsed.countParts(); index++) {
            MessagePattern.Part part = parsed.getPart(index);
            if (part.getType() == MessagePattern.Part.Type.ARG_START) {
                MessagePattern.Part name = parsed.getPart(index + 1);
                Object value = switch (part.getArgType()) {
                    case PLURAL, SELECTORDINAL -> number;
                    case SIMPLE -> number;
                    case SELECT -> "granted";
                    default -> "‹" + name.getValue() + "›";
                };
                values.merge(name.getValue(), value, (first, second) -> first instanceof Number ? first : second);
            }
        }
        int count = values.isEmpty() ? 0 : values.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        Object[] ordered = new Object[count];
        Arrays.fill(ordered, "‹?›");
        values.forEach((index, value) -> ordered[index] = value);
        return ordered;
    }
}
