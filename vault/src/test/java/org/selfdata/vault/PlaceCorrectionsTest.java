package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.CorrectedPlace;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntry;
import org.selfdata.model.Person;
import org.selfdata.model.PlaceCorrection;
import org.selfdata.model.PlaceVerdict;
import org.selfdata.model.SelfdataException;
import org.selfdata.testing.SteppingClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.selfdata.vault.VaultTables.PLACE_CORRECTIONS;
import static org.selfdata.vault.VaultTables.SEALED_CORRECTION;

@ParameterizedClass
@EnumSource(Engine.class)
class PlaceCorrectionsTest {
    private static final Instant MORNING = Instant.parse("2026-03-02T08:00:00Z");
    private static final String HOME = "8a1f96b5a2dffff";
    private static final String CLIMBING = "8a1f96b5a6b7fff";

    private final SteppingClock clock = new SteppingClock(MORNING);
    @RegisterExtension
    final VaultWithCamille fixture;
    private final Vault vault;
    private final Person camille;
    private final PlaceCorrections corrections;

    PlaceCorrectionsTest(Engine engine) {
        fixture = new VaultWithCamille(engine, clock);
        vault = fixture.vault();
        camille = fixture.camille();
        corrections = vault.placeCorrections();
    }

    @Test
    void aNewCorrectionSupersedesThePreviousOneForThePlaceAndTheHistoryKeepsBoth() {
        corrections.correct(camille.id(), HOME, 45.75395, 4.84231, PlaceVerdict.CONFIRMED, Optional.empty());
        clock.advance(Duration.ofMinutes(5));

        CorrectedPlace home = corrections.correct(camille.id(), HOME, 45.75395, 4.84231, PlaceVerdict.NAMED,
                Optional.of("  Maison  "));

        assertThat(home.history()).extracting(PlaceCorrection::verdict, PlaceCorrection::name, PlaceCorrection::at)
                .containsExactly(tuple(PlaceVerdict.CONFIRMED, Optional.empty(), MORNING),
                        tuple(PlaceVerdict.NAMED, Optional.of("Maison"), MORNING.plus(Duration.ofMinutes(5))));
        assertThat(corrections.current(camille.id())).containsExactly(new PlaceCorrection(HOME, 45.75395, 4.84231,
                PlaceVerdict.NAMED, Optional.of("Maison"), MORNING.plus(Duration.ofMinutes(5))));
        assertThat(corrections.find(camille.id(), HOME)).contains(home);
    }

    @Test
    void takingACorrectionBackKeepsItInTheHistoryAndLeavesNothingHolding() {
        corrections.correct(camille.id(), HOME, 45.75395, 4.84231, PlaceVerdict.WRONG, Optional.empty());
        corrections.correct(camille.id(), CLIMBING, 45.77, 4.83, PlaceVerdict.NAMED, Optional.of("Escalade"));
        clock.advance(Duration.ofHours(1));

        CorrectedPlace home = corrections.withdraw(camille.id(), HOME);

        assertThat(home.history()).extracting(PlaceCorrection::verdict, PlaceCorrection::latitude, PlaceCorrection::at)
                .containsExactly(tuple(PlaceVerdict.WRONG, 45.75395, MORNING),
                        tuple(PlaceVerdict.WITHDRAWN, 45.75395, MORNING.plus(Duration.ofHours(1))));
        assertThat(home.current()).isEmpty();
        assertThat(corrections.current(camille.id())).extracting(PlaceCorrection::key).containsExactly(CLIMBING);
        assertThat(corrections.all(camille.id())).extracting(CorrectedPlace::key).containsExactly(HOME, CLIMBING);
    }

    @Test
    void takingBackWhatHoldsNoLongerIsRefusedAndChangesNothing() {
        corrections.correct(camille.id(), HOME, 45.75395, 4.84231, PlaceVerdict.CONFIRMED, Optional.empty());
        corrections.withdraw(camille.id(), HOME);

        assertThatThrownBy(() -> corrections.withdraw(camille.id(), HOME)).isInstanceOf(SelfdataException.class)
                .hasMessage("You have no correction of this place to take back.")
                .extracting(thrown -> ((SelfdataException) thrown).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThatThrownBy(() -> corrections.withdraw(camille.id(), CLIMBING)).isInstanceOf(SelfdataException.class)
                .hasMessage("You have no correction of this place to take back.");
        assertThat(corrections.kept(camille.id())).hasSize(2);
    }

    @Test
    void eachCorrectionIsOnTheLogWithoutSayingWhichPlaceOrWhatName() {
        corrections.correct(camille.id(), HOME, 45.75395, 4.84231, PlaceVerdict.NAMED, Optional.of("Maison"));
        corrections.withdraw(camille.id(), HOME);

        List<LogEntry> entries = vault.log().query(camille.id(), LogQuery.all().withAction(LogAction.CORRECTION));

        assertThat(entries).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.draft().actor()).isEqualTo(new LogActor.Owner());
            assertThat(entry.draft().types()).isEmpty();
            assertThat(entry.draft().count()).isZero();
        });
        assertThat(vault.log().verify(camille.id())).isInstanceOf(LogVerification.Intact.class);
    }

    @Test
    void aBadCorrectionIsRefusedByItsFieldAndNothingIsKept() {
        assertThatThrownBy(() -> corrections.correct(camille.id(), HOME, 45.7, 4.8, PlaceVerdict.NAMED, Optional.empty()))
                .hasMessage("'name' is required with the verdict named: from 1 to 80 characters");
        assertThatThrownBy(() -> corrections.correct(camille.id(), HOME, 45.7, 4.8, PlaceVerdict.NAMED,
                Optional.of("M".repeat(81)))).hasMessage("'name' must hold from 1 to 80 characters, the spaces at either "
                        + "end left out");
        assertThatThrownBy(() -> corrections.correct(camille.id(), HOME, 45.7, 4.8, PlaceVerdict.NAMED,
                Optional.of("Mai\nson"))).hasMessage("'name' must not hold control characters such as line breaks");
        assertThatThrownBy(() -> corrections.correct(camille.id(), HOME, 45.7, 4.8, PlaceVerdict.WRONG,
                Optional.of("Maison"))).hasMessage("'name' is given only with the verdict named");
        assertThatThrownBy(() -> corrections.correct(camille.id(), HOME, 91, 4.8, PlaceVerdict.WRONG, Optional.empty()))
                .hasMessage("'latitude' must be a number from -90 to 90");
        assertThatThrownBy(() -> corrections.correct(camille.id(), "8A1F96B5A2DFFFF", 45.7, 4.8, PlaceVerdict.WRONG,
                Optional.empty())).hasMessage("'key' must be a place's key: an H3 cell's index, 15 lower-case "
                        + "hexadecimal digits");
        assertThatThrownBy(() -> corrections.correct(camille.id(), HOME, 45.7, 4.8, PlaceVerdict.WITHDRAWN,
                Optional.empty())).hasMessage("'verdict' must be confirmed, named or wrong");

        assertThat(corrections.kept(camille.id())).isEmpty();
        assertThat(vault.log().query(camille.id(), LogQuery.all().withAction(LogAction.CORRECTION))).isEmpty();
    }

    @Test
    void anotherPersonSeesNoneOfCamillesCorrections() {
        Person alix = vault.people().create("alix", TestVaults.PARIS);

        corrections.correct(camille.id(), HOME, 45.75395, 4.84231, PlaceVerdict.NAMED, Optional.of("Maison"));

        assertThat(corrections.all(alix.id())).isEmpty();
        assertThatThrownBy(() -> corrections.withdraw(alix.id(), HOME)).isInstanceOf(SelfdataException.class);
        assertThat(corrections.current(camille.id())).hasSize(1);
    }

    @Test
    void thePlaceAndItsNameAreSealedInTheDatabase() {
        corrections.correct(camille.id(), HOME, 45.75395, 4.84231, PlaceVerdict.NAMED, Optional.of("Maison"));

        byte[] stored = vault.database().transaction(camille.id(), connection -> vault.database().dsl(connection)
                .select(SEALED_CORRECTION).from(PLACE_CORRECTIONS).fetchOne(SEALED_CORRECTION));

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Maison").doesNotContain(HOME)
                .doesNotContain("45.75");
    }

    @Test
    void erasingThePersonErasesTheirCorrections() {
        Person alix = vault.people().create("alix", TestVaults.PARIS);
        corrections.correct(alix.id(), HOME, 45.75395, 4.84231, PlaceVerdict.CONFIRMED, Optional.empty());

        vault.erasure().erasePerson(alix.id());

        long left = vault.database().transaction(alix.id(), connection -> (long) vault.database().dsl(connection)
                .fetchCount(PLACE_CORRECTIONS));
        assertThat(left).isZero();
    }
}
