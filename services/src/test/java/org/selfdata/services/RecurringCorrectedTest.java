package org.selfdata.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.gate.Gate;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecurringVerdict;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.VaultWithCamille;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the person says of the flows found, over a real vault: five months of rent of 500.00 on the 5th, a grant of
 * 800.00 on the 10th and a phone plan of 12.99 on the 20th, with groceries between.
 */
class RecurringCorrectedTest {
    private static final SourceDescriptor BANK = SourceDescriptor.file("Banque Exemple", "comptes");
    private static final Clock JULY_2025 = Clock.fixed(Instant.parse("2025-07-01T12:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    final VaultWithCamille vault = new VaultWithCamille(Engine.SQLITE);
    private final AtomicInteger lines = new AtomicInteger();
    private final Gate gate = Gate.over(vault.vault());
    private final Recurring recurring = new Recurring(gate, JULY_2025, vault.vault().recurringCorrections());
    private final Forecast forecast = new Forecast(gate, recurring);

    @Test
    void aFlowKeepsItsKeyWhenItIsFoundAgainFromMoreLines() {
        write(months(1, 5));
        String before = flow("FONCIA LOYER").key();

        write(months(6, 6));

        assertThat(before).matches("[0-9a-f]{16}");
        assertThat(flow("FONCIA LOYER").key()).isEqualTo(before);
        assertThat(flow("CROUS BOURSE").key()).isNotEqualTo(before);
    }

    @Test
    void aRenamedFlowShowsThePersonsNameInTheFlowsAndInTheForecast() {
        write(months(1, 6));

        recurring.correct(vault.camille(), flow("FREE MOBILE").key(), RecurringVerdict.CONFIRMED, Optional.of("Forfait"));

        RecurringFlow phone = flow("FREE MOBILE");
        assertThat(phone.name()).isEqualTo("Forfait");
        assertThat(phone.confirmed()).isTrue();
        assertThat(phone.confidence().score()).isEqualTo(1.0);
        assertThat(phone.confidence().level()).isEqualTo(RecurringFlow.Confidence.Level.HIGH);
        assertThat(forecast.days(vault.camille(), 30, Optional.empty()).dues()).extracting(ForecastDays.Due::payee)
                .contains("Forfait").doesNotContain("FREE MOBILE");
    }

    @Test
    void aFlowMarkedEndedIsShownEndedAndLeavesTheForecast() {
        write(months(1, 6));
        assertThat(forecast.days(vault.camille(), 30, Optional.empty()).dues()).extracting(ForecastDays.Due::payee)
                .contains("FONCIA LOYER");

        recurring.correct(vault.camille(), flow("FONCIA LOYER").key(), RecurringVerdict.ENDED, Optional.empty());

        assertThat(flow("FONCIA LOYER").status()).isEqualTo(RecurringFlow.Status.ENDED);
        assertThat(recurring.flows(vault.camille()).flows().getLast().payee()).as("ended flows come last")
                .isEqualTo("FONCIA LOYER");
        ForecastDays ahead = forecast.days(vault.camille(), 30, Optional.empty());
        assertThat(ahead.dues()).extracting(ForecastDays.Due::payee).doesNotContain("FONCIA LOYER")
                .contains("CROUS BOURSE", "FREE MOBILE");
    }

    @Test
    void aFlowSaidNotToComeBackIsSetApartAndUndoingBringsItBack() {
        write(months(1, 6));
        String key = flow("FREE MOBILE").key();

        recurring.correct(vault.camille(), key, RecurringVerdict.NOT_RECURRING, Optional.empty());

        RecurringFlows found = recurring.flows(vault.camille());
        assertThat(found.flows()).extracting(RecurringFlow::payee).doesNotContain("FREE MOBILE");
        assertThat(found.dismissed()).extracting(RecurringFlow::payee).containsExactly("FREE MOBILE");
        assertThat(forecast.days(vault.camille(), 30, Optional.empty()).dues()).extracting(ForecastDays.Due::payee)
                .doesNotContain("FREE MOBILE");

        recurring.correct(vault.camille(), key, RecurringVerdict.WITHDRAWN, Optional.empty());

        assertThat(flow("FREE MOBILE").yours()).isEmpty();
        assertThat(recurring.flows(vault.camille()).dismissed()).isEmpty();
    }

    @Test
    void aForecastMadeAsOfAnEarlierDayIsAsTheLinesAloneShowedItThen() {
        write(months(1, 6));
        recurring.correct(vault.camille(), flow("FONCIA LOYER").key(), RecurringVerdict.ENDED, Optional.of("Loyer"));

        RecurringFlows then = recurring.flows(vault.camille(), Optional.of(LocalDate.of(2025, 5, 31)));

        assertThat(then.flows()).filteredOn(found -> found.payee().equals("FONCIA LOYER")).singleElement()
                .satisfies(rent -> {
                    assertThat(rent.status()).isEqualTo(RecurringFlow.Status.EXPECTED);
                    assertThat(rent.name()).isEqualTo("FONCIA LOYER");
                });
    }

    @Test
    void aVerdictOnAKeyNoFlowHasIsRefusedAndNothingIsKept() {
        write(months(1, 6));

        assertThatThrownBy(() -> recurring.correct(vault.camille(), "0123456789abcdef", RecurringVerdict.ENDED,
                Optional.empty())).isInstanceOf(SelfdataException.class)
                .extracting(thrown -> ((SelfdataException) thrown).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThatThrownBy(() -> recurring.correct(vault.camille(), "not a key", RecurringVerdict.ENDED, Optional.empty()))
                .hasMessageStartingWith("'key' must be a recurring flow's key");
        assertThat(vault.vault().recurringCorrections().kept(vault.camille().id())).isEmpty();
    }

    private RecurringFlow flow(String payee) {
        return recurring.flows(vault.camille()).flows().stream().filter(flow -> flow.payee().equals(payee)).findFirst()
                .orElseThrow(() -> new AssertionError("no flow to " + payee));
    }

    private List<RecordDraft> months(int from, int to) {
        List<RecordDraft> drafts = new ArrayList<>();
        for (int month = from; month <= to; month++) {
            LocalDate first = LocalDate.of(2025, month, 1);
            drafts.add(line(first.withDayOfMonth(5), "-500.00", "PRLV FONCIA LOYER"));
            drafts.add(line(first.withDayOfMonth(10), "800.00", "VIR CROUS BOURSE"));
            drafts.add(line(first.withDayOfMonth(20), "-12.99", "PRLV SEPA FREE MOBILE"));
            for (int day = 2; day <= 28; day += 3) {
                drafts.add(line(first.withDayOfMonth(day), "-9.00", "CB CARREFOUR CITY " + day));
            }
        }
        return drafts;
    }

    private void write(List<RecordDraft> drafts) {
        vault.vault().imports().write(vault.camille().id(), new ImportRequest(BANK, "ofx", "releve" + lines.get() + ".ofx"),
                drafts.stream());
    }

    private RecordDraft line(LocalDate day, String amount, String label) {
        return RecordDraft.of(TimeSpan.day(day, TestVaults.PARIS), new BankTransaction("111", day, Optional.empty(),
                new BigDecimal(amount), "EUR", label, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()), Position.line(lines.incrementAndGet()));
    }
}
