package org.selfdata.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.gate.Gate;
import org.selfdata.model.CorrectedPlace;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.GeoVisit;
import org.selfdata.model.PlaceCorrection;
import org.selfdata.model.PlaceVerdict;
import org.selfdata.model.Position;
import org.selfdata.model.Precision;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimePrecision;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.VaultWithCamille;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class RevealTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** A Monday, weeks away from a change of the clocks. */
    private static final LocalDate MONDAY = LocalDate.of(2025, 4, 7);
    private static final double[] HOME = {45.75395, 4.84231};
    private static final double[] CAMPUS = {45.78075, 4.87205};
    private static final double[] HOSPITAL = {45.74212, 4.88170};
    private static final double[] VANNES = {47.65820, -2.76080};

    @RegisterExtension
    final VaultWithCamille fixture = new VaultWithCamille(Engine.SQLITE);
    private final RevealCorrections corrections = new RevealCorrections(fixture.vault().placeCorrections());
    private final Reveal reveal = new Reveal(Gate.over(fixture.vault()), corrections);
    private final PlaceKeys keys = new PlaceKeys();
    private final List<RecordDraft> drafts = new ArrayList<>();

    @Test
    void fourWeeksOfNightsAtHomeAndWeekdaysOnCampusPlaceBothWithTheRoutine() {
        for (int day = 0; day < 28; day++) {
            student(MONDAY.plusDays(day));
        }
        write();

        RevealedLocations found = reveal.locations(fixture.camille().id(), PARIS, RevealLens.exact());

        // The night before the first day counts (00:00 to 06:00 at home); the last evening, until 23:50, is too short.
        RevealInference.Found<RevealedPlace> home = found(found.home());
        assertThat(home.finding().latitude()).isCloseTo(HOME[0], within(1e-9));
        assertThat(home.finding().longitude()).isCloseTo(HOME[1], within(1e-9));
        assertThat(home.finding().withinMetres()).isEqualTo(150);
        assertThat(home.confidence()).isEqualTo(new RevealConfidence(1.0, RevealConfidence.Level.HIGH));
        assertThat(home.evidence()).extracting(RevealEvidence::count, RevealEvidence::outOf, RevealEvidence::unit,
                RevealEvidence::first, RevealEvidence::last).containsExactly(28L, 28L, RevealEvidence.Unit.NIGHTS,
                Optional.of(MONDAY.minusDays(1)), Optional.of(MONDAY.plusDays(26)));
        assertThat(home.evidence().records()).hasSize(RevealEvidence.RECORDS);
        RevealInference.Found<RevealedPlace> study = found(found.study());
        assertThat(study.finding().latitude()).isCloseTo(CAMPUS[0], within(1e-9));
        assertThat(study.finding().longitude()).isCloseTo(CAMPUS[1], within(1e-9));
        assertThat(study.evidence()).extracting(RevealEvidence::count, RevealEvidence::outOf, RevealEvidence::unit)
                .containsExactly(20L, 20L, RevealEvidence.Unit.DAYS);
        RevealInference.Found<RevealedRoutine> routine = found(found.routine());
        assertThat(routine.finding().days()).extracting(RevealedRoutine.Day::day, RevealedRoutine.Day::seen,
                RevealedRoutine.Day::leaves, RevealedRoutine.Day::returns).containsExactly(
                        weekday(DayOfWeek.MONDAY), weekday(DayOfWeek.TUESDAY), weekday(DayOfWeek.WEDNESDAY),
                        weekday(DayOfWeek.THURSDAY), weekday(DayOfWeek.FRIDAY),
                        tuple(DayOfWeek.SATURDAY, 0, Optional.empty(), Optional.empty()),
                        tuple(DayOfWeek.SUNDAY, 0, Optional.empty(), Optional.empty()));
        assertThat(routine.confidence().level()).isEqualTo(RevealConfidence.Level.HIGH);
        assertThat(found.regularPlaces()).isEmpty();
        assertThat(found.periodsAway()).isEmpty();
    }

    @Test
    void tenNightsAreNotEnoughToPlaceAHomeAndTheAnswerSaysSo() {
        for (int day = 0; day < 10; day++) {
            student(MONDAY.plusDays(day));
        }
        write();

        RevealedLocations found = reveal.locations(fixture.camille().id(), PARIS, RevealLens.exact());

        assertThat(found.home()).isEqualTo(new RevealInference.Unknown<>(Wording.of("reveal.home.fewNights", 10, 14)));
        assertThat(found.routine()).isEqualTo(new RevealInference.Unknown<>(Wording.of("reveal.routine.noHome")));
        assertThat(found.periodsAway()).isEmpty();
    }

    @Test
    void aHospitalVisitedInFourWeeksIsARegularPlaceThatMayRevealHealth() {
        for (int day = 0; day < 28; day++) {
            student(MONDAY.plusDays(day));
        }
        hospitalOnSaturdays();
        write();

        RevealedLocations found = reveal.locations(fixture.camille().id(), PARIS, RevealLens.exact());

        assertThat(found.visits()).isEqualTo(4);
        RevealInference.Found<RevealedPlace> hospital = found.regularPlaces().getFirst();
        assertThat(found.regularPlaces()).hasSize(1);
        assertThat(hospital.finding().name()).contains("Hôpital Édouard Herriot");
        assertThat(hospital.finding().special()).contains(RevealSpecialCategory.HEALTH);
        assertThat(hospital.evidence()).extracting(RevealEvidence::count, RevealEvidence::outOf, RevealEvidence::unit)
                .containsExactly(4L, 4L, RevealEvidence.Unit.WEEKS);
    }

    @Test
    void aHomeThePersonNamedCarriesTheirNameUnderTheKeyOfTheirCorrection() {
        for (int day = 0; day < 28; day++) {
            student(MONDAY.plusDays(day));
        }
        write();
        // 120 metres north of home: within the place's radius, in another cell of resolution 10 than home's own.
        double north = HOME[0] + 0.00108;
        String key = keys.key(north, HOME[1]);
        correct(key, north, HOME[1], PlaceVerdict.NAMED, Optional.of("Maison"));

        RevealedLocations found = reveal.locations(fixture.camille().id(), PARIS, RevealLens.exact());

        RevealedPlace home = found(found.home()).finding();
        assertThat(key).isNotEqualTo(keys.key(HOME[0], HOME[1]));
        assertThat(home.key()).isEqualTo(key);
        assertThat(home.yours()).map(PlaceCorrection::name).contains(Optional.of("Maison"));
        assertThat(home.latitude()).isCloseTo(HOME[0], within(1e-9));
        RevealedPlace study = found(found.study()).finding();
        assertThat(study.yours()).isEmpty();
        assertThat(study.key()).isEqualTo(keys.key(study.latitude(), study.longitude()));
        assertThat(found.markedWrong()).isEmpty();
    }

    @Test
    void aPlaceFoundNearItsCorrectionIsCorrectedAgainUnderTheSameKeyAtThePositionFound() {
        for (int day = 0; day < 28; day++) {
            student(MONDAY.plusDays(day));
        }
        write();
        double north = HOME[0] + 0.00108;
        correct(keys.key(north, HOME[1]), north, HOME[1], PlaceVerdict.NAMED, Optional.of("Maison"));
        RevealedPlace home = found(reveal.locations(fixture.camille().id(), PARIS, RevealLens.exact()).home()).finding();

        CorrectedPlace renamed = corrections.correct(fixture.camille().id(), home.key(), home.latitude(), home.longitude(),
                PlaceVerdict.NAMED, Optional.of("Appartement"));

        assertThat(renamed.key()).isEqualTo(keys.key(north, HOME[1]));
        assertThat(renamed.history()).extracting(PlaceCorrection::name, PlaceCorrection::latitude).containsExactly(
                tuple(Optional.of("Maison"), north), tuple(Optional.of("Appartement"), home.latitude()));
    }

    @Test
    void aConfirmedPlaceIsShownConfirmedAndKeepsItsConfidenceAndEvidence() {
        for (int day = 0; day < 28; day++) {
            student(MONDAY.plusDays(day));
        }
        write();
        RevealInference.Found<RevealedPlace> before = found(reveal.locations(fixture.camille().id(), PARIS,
                RevealLens.exact()).study());
        correct(keys.key(CAMPUS[0], CAMPUS[1]), CAMPUS[0], CAMPUS[1], PlaceVerdict.CONFIRMED, Optional.empty());

        RevealInference.Found<RevealedPlace> study = found(reveal.locations(fixture.camille().id(), PARIS,
                RevealLens.exact()).study());

        assertThat(study.finding().yours()).map(PlaceCorrection::verdict).contains(PlaceVerdict.CONFIRMED);
        assertThat(study.confidence()).isEqualTo(before.confidence());
        assertThat(study.evidence()).isEqualTo(before.evidence());
    }

    @Test
    void aHomeAndAPlaceMarkedWrongLeaveTheFindingsForThePlacesMarkedWrong() {
        for (int day = 0; day < 28; day++) {
            student(MONDAY.plusDays(day));
        }
        hospitalOnSaturdays();
        write();
        correct(keys.key(HOME[0], HOME[1]), HOME[0], HOME[1], PlaceVerdict.WRONG, Optional.empty());
        correct(keys.key(HOSPITAL[0], HOSPITAL[1]), HOSPITAL[0], HOSPITAL[1], PlaceVerdict.WRONG, Optional.empty());

        RevealedLocations found = reveal.locations(fixture.camille().id(), PARIS, RevealLens.exact());

        assertThat(found.home()).isEqualTo(new RevealInference.Unknown<>(Wording.of("reveal.home.markedWrong")));
        assertThat(Words.of(Language.ENGLISH).say(Wording.of("reveal.home.markedWrong"))).isEqualTo("You marked the "
                + "place found as your home wrong: it is listed among the places you marked wrong.");
        assertThat(found.regularPlaces()).isEmpty();
        assertThat(found.markedWrong()).extracting(RevealedPlace::name, place -> place.yours().map(PlaceCorrection::verdict))
                .containsExactly(tuple(Optional.empty(), Optional.of(PlaceVerdict.WRONG)),
                        tuple(Optional.of("Hôpital Édouard Herriot"), Optional.of(PlaceVerdict.WRONG)));
        assertThat(found(found.study()).finding().yours()).isEmpty();
    }

    @Test
    void throughARecipientsLensThePersonsCorrectionsDoNotApply() {
        for (int day = 0; day < 28; day++) {
            student(MONDAY.plusDays(day));
        }
        write();
        correct(keys.key(HOME[0], HOME[1]), HOME[0], HOME[1], PlaceVerdict.WRONG, Optional.empty());

        RevealedLocations found = reveal.locations(fixture.camille().id(), PARIS,
                new RevealLens.Received(Precision.EXACT.withTime(TimePrecision.HOUR)));

        assertThat(found(found.home()).finding().yours()).isEmpty();
        assertThat(found.markedWrong()).isEmpty();
    }

    @Test
    void aCorrectionFartherThanThePlacesRadiusIsAnotherPlaces() {
        for (int day = 0; day < 28; day++) {
            student(MONDAY.plusDays(day));
        }
        write();
        // 200 metres north of home: beyond the 150 metres of its radius.
        double north = HOME[0] + 0.0018;
        correct(keys.key(north, HOME[1]), north, HOME[1], PlaceVerdict.NAMED, Optional.of("Chez Alix"));

        RevealedPlace home = found(reveal.locations(fixture.camille().id(), PARIS, RevealLens.exact()).home()).finding();

        assertThat(home.yours()).isEmpty();
        assertThat(home.key()).isEqualTo(keys.key(home.latitude(), home.longitude()));
    }

    @Test
    void aKeyThatIsNotThatOfThePositionIsRefusedAndNothingIsKept() {
        String campus = keys.key(CAMPUS[0], CAMPUS[1]);

        assertThatThrownBy(() -> correct(campus, HOME[0], HOME[1], PlaceVerdict.NAMED, Optional.of("Maison")))
                .isInstanceOf(SelfdataException.class).hasMessage("'key' is not the key of the place at 'latitude' and "
                        + "'longitude': a place's key is the H3 cell at resolution 10 of its position, or that of a correction "
                        + "of yours within 150 m of it");
        assertThat(corrections.places(fixture.camille().id())).isEmpty();
    }

    @Test
    void threeNightsInVannesAreAPeriodAwayInMorbihan() {
        threeWeeksWithThreeNightsInVannes();

        RevealedLocations found = reveal.locations(fixture.camille().id(), PARIS, RevealLens.exact());

        // The evening of the 10th day is spent at home until midnight: two hours, against six in Vannes after it.
        assertThat(found.periodsAway()).singleElement().satisfies(away -> {
            assertThat(away.finding()).isEqualTo(new RevealedAway(MONDAY.plusDays(9), MONDAY.plusDays(11), 3,
                    List.of("Morbihan")));
            assertThat(away.confidence()).isEqualTo(new RevealConfidence(1.0, RevealConfidence.Level.HIGH));
        });
    }

    @Test
    void theTownsVisitedAreTheDepartementsOfTheStaysMostDaysFirst() {
        threeWeeksWithThreeNightsInVannes();

        RevealedLocations found = reveal.locations(fixture.camille().id(), PARIS, RevealLens.exact());

        assertThat(found.towns()).containsExactly(new RevealedTown("Rhône", 18), new RevealedTown("Morbihan", 3));
    }

    @Test
    void atRegionPrecisionTheTownsVisitedAreTheRegionsThePositionsAreToldAs() {
        threeWeeksWithThreeNightsInVannes();

        RevealedLocations found = reveal.locations(fixture.camille().id(), PARIS,
                new RevealLens.Received(Precision.EXACT.withLocation(org.selfdata.model.LocationPrecision.REGION)));

        assertThat(found.towns()).containsExactly(new RevealedTown("Auvergne-Rhône-Alpes", 18),
                new RevealedTown("Bretagne", 3));
    }

    @Test
    void timesToTheDayCannotTellANightFromADay() {
        for (int day = 0; day < 28; day++) {
            student(MONDAY.plusDays(day));
        }
        write();

        RevealedLocations found = reveal.locations(fixture.camille().id(), PARIS,
                new RevealLens.Received(Precision.EXACT.withTime(TimePrecision.DAY)));

        assertThat(found.home()).isEqualTo(new RevealInference.Unknown<>(Wording.of("reveal.imprecise.time")));
        assertThat(found.study()).isEqualTo(found.home());
    }

    @Test
    void theKindOrTheNameOfAPlaceTellsTheSpecialCategoryItMayReveal() {
        assertThat(RevealSpecialCategory.of(Optional.empty(), Optional.of("Église Saint-Nizier")))
                .contains(RevealSpecialCategory.RELIGION);
        assertThat(RevealSpecialCategory.of(Optional.of("PLACE_OF_WORSHIP"), Optional.empty()))
                .contains(RevealSpecialCategory.RELIGION);
        assertThat(RevealSpecialCategory.of(Optional.empty(), Optional.of("Pharmacie de la Croix-Rousse")))
                .contains(RevealSpecialCategory.HEALTH);
        assertThat(RevealSpecialCategory.of(Optional.empty(), Optional.of("Bourse du Travail")))
                .contains(RevealSpecialCategory.TRADE_UNION);
        assertThat(RevealSpecialCategory.of(Optional.of("TYPE_HOME"), Optional.of("Chez moi"))).isEmpty();
        // Words are matched whole: "CHU" is a hospital, "Chute" is not.
        assertThat(RevealSpecialCategory.of(Optional.empty(), Optional.of("CHU Lyon Sud")))
                .contains(RevealSpecialCategory.HEALTH);
        assertThat(RevealSpecialCategory.of(Optional.empty(), Optional.of("Chute d'eau"))).isEmpty();
    }

    @Test
    void everyConfidenceAndEverySpecialCategoryHasWordsInEveryLanguage() {
        for (Language language : Language.values()) {
            Words words = Words.of(language);
            for (RevealConfidence.Level level : RevealConfidence.Level.values()) {
                assertThat(words.pattern(level.wording().key())).as(level + " in " + language).isPresent();
            }
            for (RevealSpecialCategory category : RevealSpecialCategory.values()) {
                assertThat(words.pattern(category.wording().key())).as(category + " in " + language).isPresent();
            }
        }
        assertThat(Words.of(Language.FRENCH).say(RevealSpecialCategory.HEALTH.wording()))
                .isEqualTo("peut révéler des données concernant la santé (RGPD, art. 9)");
    }

    private static org.assertj.core.groups.Tuple weekday(DayOfWeek day) {
        return tuple(day, 4, Optional.of(LocalTime.of(8, 0)), Optional.of(LocalTime.of(18, 0)));
    }

    /** At home until 08:00 and from 18:00, a point every ten minutes; on weekdays on campus from 09:00 to 17:00. */
    private void student(LocalDate day) {
        points(day, 0, 8 * 60, 10, HOME);
        if (day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()) {
            points(day, 9 * 60, 17 * 60, 5, CAMPUS);
        }
        else {
            points(day, 8 * 60 + 10, 18 * 60, 10, HOME);
        }
        points(day, 18 * 60, 23 * 60 + 50, 10, HOME);
    }

    /** Three weeks of a student's days, but for the 11th to the 13th, spent in Vannes. */
    private void threeWeeksWithThreeNightsInVannes() {
        for (int day = 0; day < 21; day++) {
            if (day >= 10 && day <= 12) {
                allDay(MONDAY.plusDays(day), VANNES);
            }
            else {
                student(MONDAY.plusDays(day));
            }
        }
        write();
    }

    /** A visit to the hospital from 10:00 to 11:00 on each of the first four Saturdays. */
    private void hospitalOnSaturdays() {
        for (int week = 0; week < 4; week++) {
            LocalDate saturday = MONDAY.plusWeeks(week).plusDays(5);
            drafts.add(RecordDraft.of(TimeSpan.between(at(saturday, 10, 0), at(saturday, 11, 0)), new GeoVisit(HOSPITAL[0],
                    HOSPITAL[1], Optional.of("Hôpital Édouard Herriot"), Optional.empty(), Optional.of("hospital-1"),
                    Optional.empty(), Optional.of(0.9)), Position.line(drafts.size() + 1)));
        }
    }

    private void allDay(LocalDate day, double[] place) {
        points(day, 0, 23 * 60 + 50, 10, place);
    }

    private void points(LocalDate day, int fromMinute, int toMinute, int every, double[] place) {
        for (int minute = fromMinute; minute <= toMinute; minute += every) {
            drafts.add(RecordDraft.of(TimeSpan.at(at(day, minute / 60, minute % 60)), GeoPoint.of(place[0], place[1]),
                    Position.line(drafts.size() + 1)));
        }
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(PARIS).toInstant();
    }

    @SuppressWarnings("unchecked")
    private static <T> RevealInference.Found<T> found(RevealInference<T> inference) {
        assertThat(inference).isInstanceOf(RevealInference.Found.class);
        return (RevealInference.Found<T>) inference;
    }

    private void correct(String key, double latitude, double longitude, PlaceVerdict verdict, Optional<String> name) {
        corrections.correct(fixture.camille().id(), key, latitude, longitude, verdict, name);
    }

    private void write() {
        fixture.vault().imports().write(fixture.camille().id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY,
                "google-records", "Records.json"), drafts.stream());
    }
}
