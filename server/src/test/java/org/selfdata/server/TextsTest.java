package org.selfdata.server;

import org.junit.jupiter.api.Test;
import org.selfdata.model.LogAction;
import org.selfdata.texts.Language;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextsTest {
    @Test
    void everyPageSaysTheSameThingsInEveryLanguage() {
        List<String> files = Stream.concat(Stream.of("common"), Arrays.stream(WebPage.values()).map(WebPage::pageName)).toList();
        for (String file : files) {
            Map<String, String> english = Texts.read(Language.ENGLISH, file);
            for (Language language : Language.values()) {
                Map<String, String> words = Texts.read(language, file);
                assertThat(words.keySet()).as(file + " in " + language.code()).isEqualTo(english.keySet());
                assertThat(words.values()).as(file + " in " + language.code())
                        .allSatisfy(value -> assertThat(value).isNotBlank());
            }
        }
    }

    /** French is written with the typographic apostrophe; the ASCII one also quotes text in a message pattern. */
    @Test
    void frenchPagesUseTheTypographicApostrophe() {
        List<String> files = Stream.concat(Stream.of("common"), Arrays.stream(WebPage.values()).map(WebPage::pageName)).toList();
        for (String file : files) {
            assertThat(Texts.read(Language.FRENCH, file)).as(file).allSatisfy((key, value) ->
                    assertThat(value).as(key).doesNotContain("'"));
        }
    }

    @Test
    void everyLogActionHasWordsWhereverTheLogIsShown() {
        for (Language language : Language.values()) {
            Texts activity = Texts.load(language, "activity");
            for (LogAction action : LogAction.values()) {
                for (String prefix : List.of("action.", "activity.action.", "activity.owner.", "activity.other.")) {
                    assertThat(activity.get(prefix + action.term())).as(prefix + action.term() + " in " + language.code())
                            .isNotBlank();
                }
            }
        }
    }

    @Test
    void aPageHasItsOwnWordsAndTheCommonOnesAndSaysWhichKeyIsMissing() {
        Texts money = Texts.load(Language.FRENCH, "money");

        assertThat(money.get("nav.money")).isEqualTo("Argent");
        assertThat(money.json()).startsWith("{").contains("\"nav.money\":\"Argent\"");
        assertThatThrownBy(() -> money.get("money.nothing")).hasMessageContaining("'money.nothing'");
    }
}
