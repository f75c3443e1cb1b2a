package org.selfdata.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.Category;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.Precision;
import org.selfdata.model.Purpose;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordQuery;
import org.selfdata.testing.SteppingClock;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.VaultWithCamille;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class SharedReadTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @RegisterExtension
    final VaultWithCamille fixture = new VaultWithCamille(Engine.SQLITE, new SteppingClock(NOW));
    private final Gate gate = new Gate(fixture.vault(), Geography.bundled(), new SteppingClock(NOW));

    @Test
    void pagesFullOfRecordsTheGrantDoesNotCoverStillLeadToTheNextPage() {
        // Ten points, every other one filed as travel history rather than as a GPS coordinate: a grant on GPS
        // coordinates covers five of them, and a page of three read records may hold only one of those five.
        fixture.vault().imports().write(fixture.camille().id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY,
                "google-records", "Records.json"), LongStream.range(0, 10).mapToObj(index -> {
                    RecordDraft point = SyntheticRecords.point(index);
                    return index % 2 == 0 ? point
                            : new RecordDraft(point.time(), point.payload(), Category.TRAVEL_HISTORY, point.position());
                }));
        Accessor.Recipient recipient = new Accessor.Recipient(fixture.camille().id(), gpsCoordinateGrant());

        List<String> ids = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            StringWriter text = new StringWriter();
            SharedPage page;
            try (Gate.SharedRead read = gate.share(recipient, RecordQuery.all().limit(3), cursor);
                 JsonGenerator json = JsonMapper.builder().build().createGenerator(text)) {
                json.writeStartArray();
                page = read.writeTo(json);
                json.writeEndArray();
            }
            JsonMapper.builder().build().readTree(text.toString()).forEach(record -> ids.add(record.get("id").asString()));
            cursor = page.next();
            pages++;
        }
        while (cursor.isPresent());

        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(4);
    }

    private Grant gpsCoordinateGrant() {
        Instant given = NOW.minus(Duration.ofDays(1));
        GrantTerms terms = new GrantTerms(RecipientId.of("regional-alerts"), 1, GrantKind.READ,
                Purpose.COMMUNICATION_MANAGEMENT, "notifications by region", LegalBasis.CONSENT, Set.of(),
                Set.of(Category.GPS_COORDINATE), Set.of(), Precision.EXACT.withLocation(LocationPrecision.REGION),
                CoveredPeriod.trailing(Period.ofYears(3)), given, given.plus(Duration.ofDays(30)), Duration.ofDays(30),
                1_000);
        return new Grant(GrantId.of("grant-0001"), fixture.camille().id(), terms, given, Optional.empty());
    }
}
