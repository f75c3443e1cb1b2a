package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.selfdata.texts.Language;
import org.selfdata.texts.Words;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LetterDatesTest {
    @Test
    void aDateIsWrittenInTheLettersLanguageTheFirstOfAMonthAsAFrenchOrdinal() {
        assertThat(LetterDates.say(LocalDate.of(2026, 12, 5), Language.ENGLISH)).isEqualTo("5 December 2026");
        assertThat(LetterDates.say(LocalDate.of(2026, 12, 5), Language.FRENCH)).isEqualTo("5 décembre 2026");
        assertThat(LetterDates.say(LocalDate.of(2027, 2, 1), Language.FRENCH)).isEqualTo("1er février 2027");
        assertThat(LetterDates.say(LocalDate.of(2027, 2, 1), Language.ENGLISH)).isEqualTo("1 February 2027");
    }

    @Test
    void everyItemOfTheAccessChecklistHasALabelInEachLanguageCitingItsProvision() {
        assertThat(AccessItem.RECIPIENTS.label(Language.ENGLISH))
                .isEqualTo("the recipients, each named, or their categories (Article 15(1)(c))");
        assertThat(AccessItem.COPY.label(Language.FRENCH))
                .isEqualTo("la copie des données à caractère personnel faisant l’objet d’un traitement (article 15,"
                        + " paragraphe 3)");
        for (AccessItem item : AccessItem.values()) {
            assertThat(item.label(Language.ENGLISH)).as(item.term()).endsWith("(Article " + item.provision() + ")");
            assertThat(Words.of(Language.FRENCH).pattern(item.key())).as(item.term()).isPresent();
        }
    }

    @Test
    void everyDetailGroundChannelIdentityElementAndRightHasWordsInEachLanguage() {
        for (Language language : Language.values()) {
            Words words = Words.of(language);
            for (PersonalDetail detail : PersonalDetail.values()) {
                assertThat(words.pattern("rights.letter.detail." + detail.term())).as(detail.term()).isPresent();
            }
            for (RestrictionGround ground : RestrictionGround.values()) {
                assertThat(words.pattern("rights.letter.restriction.ground." + ground.term())).as(ground.term())
                        .isPresent();
            }
            for (Organization.Channel channel : Organization.Channel.values()) {
                assertThat(words.pattern("rights.letter.channel." + channel.term())).as(channel.name())
                        .isPresent();
            }
            for (String kind : List.of("name", "email", "address", "birthdate", "phone")) {
                assertThat(words.pattern("rights.letter.identity.kind." + kind)).as(kind).isPresent();
            }
            for (Right right : Right.values()) {
                assertThat(words.pattern("rights.letter.right." + right.term())).as(right.term()).isPresent();
                assertThat(words.pattern("rights.letter.subject." + right.term())).as(right.term()).isPresent();
            }
        }
    }
}
