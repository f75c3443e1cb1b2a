package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.selfdata.texts.Language;
import org.selfdata.texts.Words;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceTimelineTest {
    @Test
    void everyStatusIsSaidInEveryLanguage() {
        for (Language language : Language.values()) {
            assertThat(RequestStatus.values()).as(language.code()).allSatisfy(status ->
                    assertThat(Words.of(language).pattern(EvidenceTimeline.statusKey(status))).as(status.term()).isPresent());
        }
        assertThat(Arrays.stream(RequestStatus.values()).map(status -> Words.of(Language.FRENCH)
                .say(EvidenceTimeline.statusKey(status))).toList()).containsExactly("rédigée", "envoyée",
                "reçue par l’organisme", "identification demandée par l’organisme", "identification fournie",
                "délai prolongé par l’organisme", "réponse complète", "réponse incomplète", "refusée", "relance envoyée",
                "plainte déposée", "close");
    }
}
