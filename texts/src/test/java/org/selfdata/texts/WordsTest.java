package org.selfdata.texts;

import com.ibm.icu.text.MessagePattern;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WordsTest {
    @Test
    void everyBundleHasTheSameKeysInBothLanguages() {
        for (String bundle : Words.BUNDLES) {
            Set<String> english = Words.read(Language.ENGLISH, bundle).keySet();
            Set<String> french = Words.read(Language.FRENCH, bundle).keySet();
            assertThat(french).as("the keys of the French %s", bundle).isEqualTo(english);
        }
    }

    @Test
    void everyPatternIsAValidIcuMessageWithTheSameArgumentsInBothLanguages() {
        for (String key : Words.english().keys()) {
            assertThat(arguments(Words.of(Language.FRENCH).pattern(key).orElseThrow()))
                    .as("the arguments of %s in French", key)
                    .isEqualTo(arguments(Words.english().pattern(key).orElseThrow()));
        }
    }

    @Test
    void frenchMessagesUseTheTypographicApostropheWhichIcuNeverReadsAsAQuote() {
        for (String key : Words.of(Language.FRENCH).keys()) {
            assertThat(Words.of(Language.FRENCH).pattern(key).orElseThrow()).as(key).doesNotContain("'");
        }
    }

    @Test
    void aWordingIsSaidWithItsArgumentsAndItsInnerWordingsInTheReadersLanguage() {
        Wording inner = Wording.of("error.code.not-found");
        assertThat(Words.english().say("error.code.rate-limited"))
                .isEqualTo("Too many attempts in too short a time: wait a moment, then try again.");
        assertThat(Words.of(Language.FRENCH).say(Wording.of("error.code.conflict")))
                .isEqualTo("Ce n’est pas possible dans l’état actuel du coffre.");
        assertThat(inner.arguments()).isEmpty();
    }

    @Test
    void aKeyWithoutWordsIsABugReportedWithItsNameAndLanguage() {
        assertThatThrownBy(() -> Words.of(Language.FRENCH).say("error.nothing.here"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("selfdata has no words for 'error.nothing.here' in fr");
    }

    @Test
    void aWordingRefusesArgumentsThatAreNeitherTextNumbersNorWordings() {
        assertThatThrownBy(() -> Wording.of("error.code.internal", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a message's argument is text, a number or a wording, not a");
        assertThatThrownBy(() -> Wording.of("Not a key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a message key is dotted words, such as error.file.ends: Not a key");
    }

    /** The numbered arguments a pattern names, as ICU parses it. */
    private static Set<Integer> arguments(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        Set<Integer> found = new TreeSet<>();
        for (int index = 0; index < parsed.countParts(); index++) {
            MessagePattern.Part part = parsed.getPart(index);
            if (part.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                found.add(part.getValue());
            }
        }
        return found;
    }
}
