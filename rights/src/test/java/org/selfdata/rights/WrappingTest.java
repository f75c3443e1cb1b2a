package org.selfdata.rights;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WrappingTest {
    @Test
    void aLineIsCutAtSpacesButNeverAtANoBreakSpace() {
        assertThat(Wrapping.wrap("Objet\u00a0: une demande d’accès", 12, 0, String::length))
                .containsExactly("Objet\u00a0: une", "demande", "d’accès");
    }

    @Test
    void theLinesOfAListsItemHangFromItsDash() {
        String item = "\u2013 the recipients, each named items";

        assertThat(Wrapping.hangingPrefix(item)).isEqualTo("\u2013 ");
        assertThat(Wrapping.hangingPrefix("(c) the recipients")).isEqualTo("(c) ");
        assertThat(Wrapping.hangingPrefix("c) les destinataires")).isEqualTo("c) ");
        assertThat(Wrapping.hangingPrefix("\u00a0\u00a0\u2022 la copie")).isEqualTo("\u00a0\u00a0\u2022 ");
        assertThat(Wrapping.hangingPrefix("Dear Sir or Madam,")).isEmpty();
        assertThat(Wrapping.wrap(item, 17, 2, String::length))
                .containsExactly("\u2013 the recipients,", "each named", "items");
    }

    @Test
    void aWordLongerThanTheLineIsCutWhereItMust() {
        assertThat(Wrapping.wrap("see https://example.org/privacy/form", 12, 0, String::length))
                .isEqualTo(List.of("see", "https://exam", "ple.org/priv", "acy/form"));
    }
}
