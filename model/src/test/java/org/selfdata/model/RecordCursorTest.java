package org.selfdata.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordCursorTest {
    @Test
    void tokenReadsBackAsTheSameCursor() {
        RecordCursor cursor = new RecordCursor(1_735_689_600_000L, RecordId.of(42));

        assertThat(RecordCursor.fromToken(cursor.token())).isEqualTo(cursor);
        assertThat(cursor.token()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void tokensThatWereNeverGivenOutAreRefused() {
        for (String token : new String[] {"", "not base64!", "AAAA", "AAAAAAAAAAAAAAAAAAAAAA"}) {
            assertThatThrownBy(() -> RecordCursor.fromToken(token))
                    .isInstanceOf(SelfdataException.class)
                    .hasMessage("the cursor is not one this server gave out; start again from the first page");
        }
    }
}
