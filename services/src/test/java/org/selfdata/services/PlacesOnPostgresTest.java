package org.selfdata.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.gate.Gate;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.VaultWithCamille;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PlacesOnPostgresTest {
    private static final Instant EVENING = Instant.parse("2025-06-02T17:00:00Z");

    @RegisterExtension
    final VaultWithCamille fixture = new VaultWithCamille(Engine.POSTGRES);

    @Test
    void anHourAtOneSpotReadFromPostgresqlIsOneVisitOfAnHour() {
        // Thirteen points five minutes apart at one spot: from the first to the last, an hour.
        fixture.vault().imports().write(fixture.camille().id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY,
                "google-records", "Records.json"), IntStream.rangeClosed(0, 12).mapToObj(index -> RecordDraft.of(
                        TimeSpan.at(EVENING.plus(Duration.ofMinutes(5L * index))), GeoPoint.of(45.764, 4.8357),
                        Position.line(index + 1))));

        Places places = new Places(Gate.over(fixture.vault()), new RevealCorrections(fixture.vault().placeCorrections()));
        PlacesSummary summary = places.summary(fixture.camille().id(), PlacesQuery.all(9));

        assertThat(summary.visits()).isEqualTo(1);
        assertThat(summary.places()).singleElement().satisfies(place -> {
            assertThat(place.timeSpent()).isEqualTo(Duration.ofHours(1));
            assertThat(place.firstArrival()).isEqualTo(EVENING);
        });
        assertThat(summary.density().cells()).singleElement().satisfies(cell -> assertThat(cell.points()).isEqualTo(13));
    }
}
