package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.selfdata.model.Position;
import org.selfdata.model.Rejection;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class QuarantineReasonsTest {
    private static final Position LINE = Position.line(12);

    @Test
    void aWordedReasonComesBackWithItsWordingItsNumbersAndItsInnerWordings() {
        Rejection rejection = new Rejection(LINE, Wording.of("error.input.at", "/locations/3",
                Wording.of("error.csv.rowTooLong", 4096L)));

        Rejection read = QuarantineReasons.decode(LINE, QuarantineReasons.encode(rejection));

        assertThat(read.wording()).isEqualTo(rejection.wording());
        assertThat(read.reason()).isEqualTo("/locations/3: expected a row of at most 4,096 characters; a quote may be missing");
        assertThat(read.reason(Language.FRENCH))
                .isEqualTo("/locations/3 : on attendait une ligne d’au plus 4\u202f096 caractères ; "
                        + "il manque peut-être un guillemet");
    }

    @Test
    void aReasonKeptAsEnglishTextBeforeReasonsHadWordingsIsReadAsItWasWritten() {
        byte[] stored = "expected a date as DD/MM/YYYY".getBytes(StandardCharsets.UTF_8);

        Rejection read = QuarantineReasons.decode(LINE, stored);

        assertThat(read).isEqualTo(new Rejection(LINE, "expected a date as DD/MM/YYYY"));
        assertThat(read.wording()).isEmpty();
        assertThat(read.reason(Language.FRENCH)).isEqualTo("expected a date as DD/MM/YYYY");
        assertThat(QuarantineReasons.encode(read)).isEqualTo(stored);
    }

    @Test
    void aWordingSelfdataNoLongerHasWordsForIsReadAsItsEnglishReason() {
        byte[] stored = """
                {"reason":"expected a thing","wording":{"key":"error.gone.thing","arguments":[]}}"""
                .getBytes(StandardCharsets.UTF_8);

        Rejection read = QuarantineReasons.decode(LINE, stored);

        assertThat(read.reason()).isEqualTo("expected a thing");
        assertThat(read.wording()).isEmpty();
    }

    @Test
    void aBraceThatIsNotTheJsonFormIsKeptAsText() {
        Rejection read = QuarantineReasons.decode(LINE, "{not json".getBytes(StandardCharsets.UTF_8));

        assertThat(read.reason()).isEqualTo("{not json");
        assertThat(read.wording()).isEmpty();
    }
}
