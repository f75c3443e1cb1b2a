package org.selfdata.portability;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.gate.Gate;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.PlaceVerdict;
import org.selfdata.model.SelfdataException;
import org.selfdata.testing.SteppingClock;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An export carries every correction the person made of the places found in their locations, taken back ones
 * included, and a restore brings back the same histories; an archive whose corrections the vault would not have kept
 * is refused by its line, and nothing is restored.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class PlaceCorrectionsRestoreTest {
    private static final Instant MORNING = Instant.parse("2026-03-02T08:00:00Z");
    private static final String HOME = "8a1f96b5a2dffff";
    private static final String CLIMBING = "8a1f96b5a6b7fff";

    @Parameter
    Engine engine;

    @TempDir
    Path folder;

    private final SteppingClock clock = new SteppingClock(MORNING);
    private Vault original;
    private Person camille;
    private Path archive;

    /** Camille confirmed her home, then named it; she marked a climbing gym wrong, then took that back. */
    @BeforeEach
    void exportCamillesCorrections() {
        original = TestVaults.create(engine, folder.resolve("original"), clock);
        camille = TestVaults.camille(original);
        original.placeCorrections().correct(camille.id(), HOME, 45.75395, 4.84231, PlaceVerdict.CONFIRMED, Optional.empty());
        clock.advance(Duration.ofMinutes(1));
        original.placeCorrections().correct(camille.id(), CLIMBING, 45.7712, 4.8311, PlaceVerdict.WRONG, Optional.empty());
        clock.advance(Duration.ofMinutes(1));
        original.placeCorrections().correct(camille.id(), HOME, 45.75395, 4.84231, PlaceVerdict.NAMED,
                Optional.of("Maison"));
        clock.advance(Duration.ofMinutes(1));
        original.placeCorrections().withdraw(camille.id(), CLIMBING);
        archive = folder.resolve("camille.zip");
        new Export(original, Gate.over(original), clock).write(camille.id(), archive, ExistingFile.REFUSE);
    }

    @AfterEach
    void closeVault() {
        original.close();
    }

    @Test
    void everyCorrectionIsALineInTheOrderItWasMade() {
        String home = "{\"key\":\"8a1f96b5a2dffff\",\"latitude\":\"45.75395\",\"longitude\":\"4.84231\",";
        String climbing = "{\"key\":\"8a1f96b5a6b7fff\",\"latitude\":\"45.7712\",\"longitude\":\"4.8311\",";
        assertThat(ArchiveEdits.text(archive, ArchiveFormat.PLACE_CORRECTIONS).lines()).containsExactly(
                home + "\"verdict\":\"confirmed\",\"at\":\"2026-03-02T08:00:00Z\"}",
                climbing + "\"verdict\":\"wrong\",\"at\":\"2026-03-02T08:01:00Z\"}",
                home + "\"verdict\":\"named\",\"name\":\"Maison\",\"at\":\"2026-03-02T08:02:00Z\"}",
                climbing + "\"verdict\":\"withdrawn\",\"at\":\"2026-03-02T08:03:00Z\"}");
    }

    @Test
    void theRestoredVaultHoldsTheSameHistoriesAndExportsTheSamePart() {
        Path again = folder.resolve("again.zip");
        try (Vault restored = TestVaults.create(engine, folder.resolve("restored"), clock)) {
            Person newcomer = TestVaults.camille(restored);
            new Restore(restored).restore(newcomer.id(), archive);

            assertThat(restored.placeCorrections().all(newcomer.id()))
                    .isEqualTo(original.placeCorrections().all(camille.id())).hasSize(2);
            assertThat(restored.placeCorrections().current(newcomer.id())).singleElement()
                    .satisfies(home -> assertThat(home.name()).contains("Maison"));
            new Export(restored, Gate.over(restored), clock).write(newcomer.id(), again, ExistingFile.REFUSE);
        }

        assertThat(ArchiveEdits.entries(again).get(ArchiveFormat.PLACE_CORRECTIONS))
                .isEqualTo(ArchiveEdits.entries(archive).get(ArchiveFormat.PLACE_CORRECTIONS));
    }

    @Test
    void aNamedPlaceWithoutItsNameIsRefusedByItsLineAndNothingIsRestored() {
        Path forged = ArchiveEdits.forged(archive, ArchiveFormat.PLACE_CORRECTIONS, "\"name\":\"Maison\",", "");

        assertRefusedLeavingNothing(forged, "the archive's place-corrections.jsonl, line 3: 'name' is required with the "
                + "verdict named: from 1 to 80 characters");
    }

    @Test
    void aCorrectionTakenBackBeforeItWasMadeIsRefusedByItsLine() {
        Path forged = ArchiveEdits.forged(archive, ArchiveFormat.PLACE_CORRECTIONS, "\"verdict\":\"wrong\"",
                "\"verdict\":\"withdrawn\"");

        assertRefusedLeavingNothing(forged, "the archive's place-corrections.jsonl, line 2: a correction of a place is "
                + "taken back only after one was made");
    }

    @Test
    void correctionsOutOfOrderAreRefusedByTheLineThatComesTooEarly() {
        Path forged = ArchiveEdits.forged(archive, ArchiveFormat.PLACE_CORRECTIONS, "08:02:00Z", "07:59:00Z");

        assertRefusedLeavingNothing(forged, "the archive's place-corrections.jsonl, line 3: the corrections of places "
                + "must be in the order they were made");
    }

    @Test
    void aPersonWhoAlreadyCorrectedAPlaceIsNotRestoredInto() {
        try (Vault restored = TestVaults.create(engine, folder.resolve("restored"), clock)) {
            Person newcomer = TestVaults.camille(restored);
            restored.placeCorrections().correct(newcomer.id(), HOME, 45.75395, 4.84231, PlaceVerdict.CONFIRMED,
                    Optional.empty());

            assertThatThrownBy(() -> new Restore(restored).restore(newcomer.id(), archive))
                    .isInstanceOfSatisfying(SelfdataException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
            assertThat(restored.placeCorrections().kept(newcomer.id())).hasSize(1);
        }
    }

    private void assertRefusedLeavingNothing(Path forged, String message) {
        try (Vault restored = TestVaults.create(engine, folder.resolve("refused"), clock)) {
            Person newcomer = TestVaults.camille(restored);

            assertThatThrownBy(() -> new Restore(restored).restore(newcomer.id(), forged))
                    .isInstanceOfSatisfying(SelfdataException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                    .hasMessage(message);
            assertThat(restored.placeCorrections().kept(newcomer.id())).isEmpty();
        }
    }
}
