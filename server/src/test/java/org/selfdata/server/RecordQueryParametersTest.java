package org.selfdata.server;

import org.junit.jupiter.api.Test;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordQueryParametersTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void theOwnersDaysStartInTheirZoneAndEndsAreExclusive() {
        RecordQuery query = RecordQueryParameters.parse(Map.of("from", List.of("2014-01-01"), "to", List.of("2014-07-01")),
                PARIS);

        assertThat(query.from()).contains(Instant.parse("2013-12-31T23:00:00Z"));
        assertThat(query.to()).contains(Instant.parse("2014-06-30T22:00:00Z"));
    }

    @Test
    void aRecipientGivesInstantsSinceTheyAreNotToldThePersonsZone() {
        assertThatThrownBy(() -> RecordQueryParameters.parse(Map.of("from", List.of("2014-01-01"))))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("parameter 'from' must be an ISO-8601 instant such as 2025-01-31T23:00:00Z, in the years 0000 "
                        + "to 9999");
    }

    @Test
    void aRecipientCannotSearchSinceWhichRecordsAWordFindsWouldTellWhatTheirGrantLeavesOut() {
        assertThatThrownBy(() -> RecordQueryParameters.parse(Map.of("q", List.of("loyer"))))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("unknown parameter 'q'; records are filtered by type, category, from, to, limit and after");
    }

    @Test
    void theOwnersSearchTakesTheWordsBesideTheListingsFilters() {
        RecordQueryParameters.RecordSearch search = RecordQueryParameters.parseSearch(Map.of("q", List.of("Société  Lyon"),
                "type", List.of("bank.transaction"), "limit", List.of("20")), PARIS);

        assertThat(search.words().words()).containsExactly("societe", "lyon");
        assertThat(search.query().types()).containsExactly(RecordType.BANK_TRANSACTION);
        assertThat(search.query().limit()).isEqualTo(20);
    }
}
