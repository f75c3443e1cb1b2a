package org.selfdata.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordIdTest {
    @Test
    void tokenReadsBackAsTheSameId() {
        RecordId id = new RecordId(RecordType.BANK_TRANSACTION, 1_735_689_600_000L, 42);

        assertThat(RecordId.fromToken(id.token())).isEqualTo(id);
        assertThat(id.token()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void idsSortByTimeThenTypeThenNumber() {
        RecordId early = new RecordId(RecordType.GEO_POINT, 1_000, 9);
        RecordId sameTimeBank = new RecordId(RecordType.BANK_TRANSACTION, 2_000, 7);
        RecordId sameTimePoint = new RecordId(RecordType.GEO_POINT, 2_000, 3);
        RecordId sameTimePointLater = new RecordId(RecordType.GEO_POINT, 2_000, 4);
        List<RecordId> ids = new ArrayList<>(List.of(sameTimePointLater, sameTimePoint, early, sameTimeBank));

        Collections.sort(ids);

        assertThat(ids).containsExactly(early, sameTimeBank, sameTimePoint, sameTimePointLater);
    }

    @Test
    void tokensThatWereNeverGivenOutAreRefused() {
        String unknownType = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("geo.pointz\0aaaaaaaabbbbbbbb".getBytes());
        for (String token : new String[] {"", "not base64!", "AAAA", "AAAAAAAAAAAAAAAAAAAAAA", unknownType}) {
            assertThatThrownBy(() -> RecordId.fromToken(token))
                    .isInstanceOf(SelfdataException.class)
                    .hasMessage("the record id or cursor is not one this vault gave out");
        }
    }

    @Test
    void aRecordMustStartWhenItsIdSays() {
        RecordId id = new RecordId(RecordType.GEO_POINT, 1_000, 1);

        assertThatThrownBy(() -> new StoredRecord(id, Category.GPS_COORDINATE, TimeSpan.ofEpochMillis(2_000, 2_000),
                new Provenance(SourceId.of(1), BatchId.of(1), Position.line(1)), 1, 1, new byte[0]))
                .isInstanceOf(SelfdataException.class);
    }
}
