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
import org.selfdata.model.RecurringVerdict;
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
 * An export carries every correction the person made of the payments found coming back, undone ones included, and a
 * restore brings back the same histories; an archive whose corrections the vault would not have kept is refused by its
 * line, and nothing is restored.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class RecurringCorrectionsRestoreTest {
    private static final Instant MORNING = Instant.parse("2026-03-02T08:00:00Z");
    private static final String PHONE = "3f9a0c41d2b7e865";
    private static final String GYM = "a06e1b94c3d5f270";

    @Parameter
    Engine engine;

    @TempDir
    Path folder;

    private final SteppingClock clock = new SteppingClock(MORNING);
    private Vault original;
    private Person camille;
    private Path archive;

    /** Camille named her phone plan, said the gym does not come back, then undid that. */
    @BeforeEach
    void exportCamillesCorrections() {
        original = TestVaults.create(engine, folder.resolve("original"), clock);
        camille = TestVaults.camille(original);
        original.recurringCorrections().correct(camille.id(), PHONE, RecurringVerdict.CONFIRMED, Optional.of("Forfait"));
        clock.advance(Duration.ofMinutes(1));
        original.recurringCorrections().correct(camille.id(), GYM, RecurringVerdict.NOT_RECURRING, Optional.empty());
        clock.advance(Duration.ofMinutes(1));
        original.recurringCorrections().correct(camille.id(), GYM, RecurringVerdict.WITHDRAWN, Optional.empty());
        archive = folder.resolve("camille.zip");
        new Export(original, Gate.over(original), clock).write(camille.id(), archive, ExistingFile.REFUSE);
    }

    @AfterEach
    void closeVault() {
        original.close();
    }

    @Test
    void everyCorrectionIsALineInTheOrderItWasMade() {
        assertThat(ArchiveEdits.text(archive, ArchiveFormat.RECURRING_CORRECTIONS).lines()).containsExactly(
                "{\"key\":\"" + PHONE + "\",\"verdict\":\"confirmed\",\"name\":\"Forfait\",\"at\":\"2026-03-02T08:00:00Z\"}",
                "{\"key\":\"" + GYM + "\",\"verdict\":\"notRecurring\",\"at\":\"2026-03-02T08:01:00Z\"}",
                "{\"key\":\"" + GYM + "\",\"verdict\":\"undo\",\"at\":\"2026-03-02T08:02:00Z\"}");
    }

    @Test
    void theRestoredVaultHoldsTheSameHistoriesAndExportsTheSamePart() {
        Path again = folder.resolve("again.zip");
        try (Vault restored = TestVaults.create(engine, folder.resolve("restored"), clock)) {
            Person newcomer = TestVaults.camille(restored);
            new Restore(restored).restore(newcomer.id(), archive);

            assertThat(restored.recurringCorrections().all(newcomer.id()))
                    .isEqualTo(original.recurringCorrections().all(camille.id())).hasSize(2);
            assertThat(restored.recurringCorrections().current(newcomer.id())).singleElement()
                    .satisfies(phone -> assertThat(phone.name()).contains("Forfait"));
            new Export(restored, Gate.over(restored), clock).write(newcomer.id(), again, ExistingFile.REFUSE);
        }

        assertThat(ArchiveEdits.entries(again).get(ArchiveFormat.RECURRING_CORRECTIONS))
                .isEqualTo(ArchiveEdits.entries(archive).get(ArchiveFormat.RECURRING_CORRECTIONS));
    }

    @Test
    void anUndoBeforeAnythingWasSaidIsRefusedByItsLineAndNothingIsRestored() {
        Path forged = ArchiveEdits.forged(archive, ArchiveFormat.RECURRING_CORRECTIONS, "\"verdict\":\"notRecurring\"",
                "\"verdict\":\"undo\"");

        assertRefusedLeavingNothing(forged, "the archive's recurring-corrections.jsonl, line 2: a correction of a payment "
                + "is taken back only after one was made");
    }

    @Test
    void aNameWithAVerdictThatTakesNoneIsRefusedByItsLine() {
        Path forged = ArchiveEdits.forged(archive, ArchiveFormat.RECURRING_CORRECTIONS, "\"verdict\":\"notRecurring\"",
                "\"verdict\":\"notRecurring\",\"name\":\"Salle\"");

        assertRefusedLeavingNothing(forged, "the archive's recurring-corrections.jsonl, line 2: 'name' is given only with "
                + "the verdicts confirmed and ended");
    }

    @Test
    void aPersonWhoAlreadyCorrectedAPaymentIsNotRestoredInto() {
        try (Vault restored = TestVaults.create(engine, folder.resolve("restored"), clock)) {
            Person newcomer = TestVaults.camille(restored);
            restored.recurringCorrections().correct(newcomer.id(), PHONE, RecurringVerdict.ENDED, Optional.empty());

            assertThatThrownBy(() -> new Restore(restored).restore(newcomer.id(), archive))
                    .isInstanceOfSatisfying(SelfdataException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
            assertThat(restored.recurringCorrections().kept(newcomer.id())).hasSize(1);
        }
    }

    private void assertRefusedLeavingNothing(Path forged, String message) {
        try (Vault restored = TestVaults.create(engine, folder.resolve("refused"), clock)) {
            Person newcomer = TestVaults.camille(restored);

            assertThatThrownBy(() -> new Restore(restored).restore(newcomer.id(), forged))
                    .isInstanceOfSatisfying(SelfdataException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                    .hasMessage(message);
            assertThat(restored.recurringCorrections().kept(newcomer.id())).isEmpty();
        }
    }
}
