package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.CorrectedRecurring;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntry;
import org.selfdata.model.Person;
import org.selfdata.model.RecurringCorrection;
import org.selfdata.model.RecurringVerdict;
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
import static org.selfdata.vault.VaultTables.RECURRING_CORRECTIONS;
import static org.selfdata.vault.VaultTables.SEALED_CORRECTION;

@ParameterizedClass
@EnumSource(Engine.class)
class RecurringCorrectionsTest {
    private static final Instant MORNING = Instant.parse("2026-03-02T08:00:00Z");
    private static final String PHONE = "3f9a0c41d2b7e865";
    private static final String GYM = "a06e1b94c3d5f270";

    private final SteppingClock clock = new SteppingClock(MORNING);
    @RegisterExtension
    final VaultWithCamille fixture;
    private final Vault vault;
    private final Person camille;
    private final RecurringCorrections corrections;

    RecurringCorrectionsTest(Engine engine) {
        fixture = new VaultWithCamille(engine, clock);
        vault = fixture.vault();
        camille = fixture.camille();
        corrections = vault.recurringCorrections();
    }

    @Test
    void aNewCorrectionSupersedesThePreviousOneForTheFlowAndTheHistoryKeepsBoth() {
        corrections.correct(camille.id(), PHONE, RecurringVerdict.CONFIRMED, Optional.empty());
        clock.advance(Duration.ofMinutes(5));

        CorrectedRecurring phone = corrections.correct(camille.id(), PHONE, RecurringVerdict.ENDED,
                Optional.of("  Forfait mobile  "));

        assertThat(phone.history()).extracting(RecurringCorrection::verdict, RecurringCorrection::name,
                RecurringCorrection::at).containsExactly(tuple(RecurringVerdict.CONFIRMED, Optional.empty(), MORNING),
                        tuple(RecurringVerdict.ENDED, Optional.of("Forfait mobile"), MORNING.plus(Duration.ofMinutes(5))));
        assertThat(corrections.current(camille.id())).containsExactly(new RecurringCorrection(PHONE, RecurringVerdict.ENDED,
                Optional.of("Forfait mobile"), MORNING.plus(Duration.ofMinutes(5))));
    }

    @Test
    void undoingKeepsTheCorrectionInTheHistoryAndLeavesNothingHolding() {
        corrections.correct(camille.id(), PHONE, RecurringVerdict.NOT_RECURRING, Optional.empty());
        corrections.correct(camille.id(), GYM, RecurringVerdict.CONFIRMED, Optional.of("Salle de sport"));
        clock.advance(Duration.ofHours(1));

        CorrectedRecurring phone = corrections.correct(camille.id(), PHONE, RecurringVerdict.WITHDRAWN, Optional.empty());

        assertThat(phone.history()).extracting(RecurringCorrection::verdict).containsExactly(RecurringVerdict.NOT_RECURRING,
                RecurringVerdict.WITHDRAWN);
        assertThat(phone.current()).isEmpty();
        assertThat(corrections.current(camille.id())).extracting(RecurringCorrection::key).containsExactly(GYM);
        assertThat(corrections.all(camille.id())).extracting(CorrectedRecurring::key).containsExactly(PHONE, GYM);
        assertThat(corrections.kept(camille.id())).hasSize(3);
    }

    @Test
    void undoingWhatHoldsNoLongerIsRefusedAndChangesNothing() {
        corrections.correct(camille.id(), PHONE, RecurringVerdict.CONFIRMED, Optional.empty());
        corrections.correct(camille.id(), PHONE, RecurringVerdict.WITHDRAWN, Optional.empty());

        assertThatThrownBy(() -> corrections.correct(camille.id(), PHONE, RecurringVerdict.WITHDRAWN, Optional.empty()))
                .isInstanceOf(SelfdataException.class).hasMessage("You have no correction of this payment to take back.")
                .extracting(thrown -> ((SelfdataException) thrown).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThatThrownBy(() -> corrections.correct(camille.id(), GYM, RecurringVerdict.WITHDRAWN, Optional.empty()))
                .hasMessage("You have no correction of this payment to take back.");
        assertThat(corrections.kept(camille.id())).hasSize(2);
        assertThat(vault.log().query(camille.id(), LogQuery.all().withAction(LogAction.PAYMENT_CORRECTION))).hasSize(2);
    }

    @Test
    void eachCorrectionIsOnTheLogSayingOnlyThatAPaymentWasCorrected() {
        corrections.correct(camille.id(), PHONE, RecurringVerdict.CONFIRMED, Optional.of("Psychologue"));
        corrections.correct(camille.id(), PHONE, RecurringVerdict.WITHDRAWN, Optional.empty());

        List<LogEntry> entries = vault.log().query(camille.id(), LogQuery.all().withAction(LogAction.PAYMENT_CORRECTION));

        assertThat(entries).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.draft().actor()).isEqualTo(new LogActor.Owner());
            assertThat(entry.draft().types()).isEmpty();
            assertThat(entry.draft().count()).isZero();
        });
        assertThat(vault.log().query(camille.id(), LogQuery.all().withAction(LogAction.CORRECTION))).isEmpty();
        assertThat(vault.log().verify(camille.id())).isInstanceOf(LogVerification.Intact.class);
    }

    @Test
    void aBadCorrectionIsRefusedByItsFieldAndNothingIsKept() {
        assertThatThrownBy(() -> corrections.correct(camille.id(), PHONE, RecurringVerdict.CONFIRMED,
                Optional.of("M".repeat(81)))).hasMessage("'name' must hold from 1 to 80 characters, the spaces at either "
                        + "end left out");
        assertThatThrownBy(() -> corrections.correct(camille.id(), PHONE, RecurringVerdict.CONFIRMED, Optional.of("   ")))
                .hasMessage("'name' must hold from 1 to 80 characters, the spaces at either end left out");
        assertThatThrownBy(() -> corrections.correct(camille.id(), PHONE, RecurringVerdict.ENDED,
                Optional.of("For\nfait"))).hasMessage("'name' must not hold control characters such as line breaks");
        assertThatThrownBy(() -> corrections.correct(camille.id(), PHONE, RecurringVerdict.NOT_RECURRING,
                Optional.of("Forfait"))).hasMessage("'name' is given only with the verdicts confirmed and ended");
        assertThatThrownBy(() -> corrections.correct(camille.id(), "3F9A0C41D2B7E865", RecurringVerdict.CONFIRMED,
                Optional.empty())).hasMessageStartingWith("'key' must be a recurring flow's key: 16 lower-case hexadecimal");

        assertThat(corrections.kept(camille.id())).isEmpty();
        assertThat(vault.log().query(camille.id(), LogQuery.all().withAction(LogAction.PAYMENT_CORRECTION))).isEmpty();
    }

    @Test
    void anotherPersonSeesNoneOfCamillesCorrections() {
        Person alix = vault.people().create("alix", TestVaults.PARIS);

        corrections.correct(camille.id(), PHONE, RecurringVerdict.CONFIRMED, Optional.of("Forfait"));

        assertThat(corrections.all(alix.id())).isEmpty();
        assertThatThrownBy(() -> corrections.correct(alix.id(), PHONE, RecurringVerdict.WITHDRAWN, Optional.empty()))
                .isInstanceOf(SelfdataException.class);
        assertThat(corrections.current(camille.id())).hasSize(1);
    }

    @Test
    void theFlowAndItsNameAreSealedInTheDatabase() {
        corrections.correct(camille.id(), PHONE, RecurringVerdict.CONFIRMED, Optional.of("Psychologue"));

        byte[] stored = vault.database().transaction(camille.id(), connection -> vault.database().dsl(connection)
                .select(SEALED_CORRECTION).from(RECURRING_CORRECTIONS).fetchOne(SEALED_CORRECTION));

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Psychologue").doesNotContain(PHONE)
                .doesNotContain("confirmed");
    }

    @Test
    void erasingThePersonErasesTheirCorrections() {
        Person alix = vault.people().create("alix", TestVaults.PARIS);
        corrections.correct(alix.id(), PHONE, RecurringVerdict.ENDED, Optional.empty());
        corrections.correct(camille.id(), PHONE, RecurringVerdict.ENDED, Optional.empty());

        vault.erasure().erasePerson(alix.id());

        long left = vault.database().transaction(alix.id(), connection -> (long) vault.database().dsl(connection)
                .fetchCount(RECURRING_CORRECTIONS, VaultTables.PERSON_ID.eq(alix.id().value())));
        assertThat(left).isZero();
        assertThat(corrections.kept(camille.id())).hasSize(1);
    }
}
