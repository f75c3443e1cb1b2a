package org.selfdata.texts;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTest {
    @Test
    void aBrowserGetsTheFirstOfItsLanguagesThatSelfdataSpeaks() {
        assertThat(Language.preferred("fr-FR,fr;q=0.9,en;q=0.8")).isEqualTo(Language.FRENCH);
        assertThat(Language.preferred("de-DE, en-GB;q=0.7, fr;q=0.9")).isEqualTo(Language.FRENCH);
        assertThat(Language.preferred("fr-CA")).isEqualTo(Language.FRENCH);
        assertThat(Language.preferred("de-DE")).isEqualTo(Language.ENGLISH);
        assertThat(Language.preferred("")).isEqualTo(Language.ENGLISH);
        assertThat(Language.preferred(";;;not a header")).isEqualTo(Language.ENGLISH);
    }

    @Test
    void aTerminalSpeaksTheLanguageOfItsLocaleVariablesInTheirOrderOfPrecedence() {
        assertThat(Language.ofEnvironment(Map.of("LANG", "fr_FR.UTF-8"))).isEqualTo(Language.FRENCH);
        assertThat(Language.ofEnvironment(Map.of("LANG", "fr_BE@euro"))).isEqualTo(Language.FRENCH);
        assertThat(Language.ofEnvironment(Map.of("LANG", "fr"))).isEqualTo(Language.FRENCH);
        assertThat(Language.ofEnvironment(Map.of("LANG", "en_GB.UTF-8", "LC_MESSAGES", "fr_FR.UTF-8")))
                .isEqualTo(Language.FRENCH);
        assertThat(Language.ofEnvironment(Map.of("LANG", "fr_FR.UTF-8", "LC_ALL", "C"))).isEqualTo(Language.ENGLISH);
        assertThat(Language.ofEnvironment(Map.of("LANG", "fr_FR.UTF-8", "LC_ALL", ""))).isEqualTo(Language.FRENCH);
        assertThat(Language.ofEnvironment(Map.of("LANG", "de_DE.UTF-8"))).isEqualTo(Language.ENGLISH);
        assertThat(Language.ofEnvironment(Map.of("LANG", "POSIX"))).isEqualTo(Language.ENGLISH);
        assertThat(Language.ofEnvironment(Map.of())).isEqualTo(Language.ENGLISH);
    }

    @Test
    void aLanguageIsFoundByItsExactTagOnly() {
        assertThat(Language.ofCode("fr")).contains(Language.FRENCH);
        assertThat(Language.ofCode("en")).contains(Language.ENGLISH);
        assertThat(Language.ofCode("FR")).isEmpty();
        assertThat(Language.ofCode("fr-FR")).isEmpty();
    }
}
