package org.selfdata.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.gate.Gate;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
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

/**
 * The service over a real vault: six months of a phone bill on the 8th, each printed with a reference of its own
 * ("PRLV SEPA FREE MOBILE 0012345"), and 200.00 put aside on the 1st from the current account into a savings account the
 * same day, which moves no money anywhere.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class RecurringTest {
    private static final SourceDescriptor BANK = SourceDescriptor.file("Banque Exemple", "comptes");
    private static final Clock MARCH_2026 = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    final VaultWithCamille vault;
    private final Recurring recurring;
    private final AtomicInteger lines = new AtomicInteger();

    RecurringTest(Engine engine) {
        vault = new VaultWithCamille(engine);
        recurring = new Recurring(Gate.over(vault.vault()), MARCH_2026);
    }

    @Test
    void aBillWhoseLabelCarriesAReferenceEachMonthIsOneFlowAndMoneyPutAsideIsNone() {
        write(sixMonths());

        RecurringFlows found = recurring.flows(vault.camille());

        assertThat(found.flows()).singleElement().satisfies(phone -> {
            assertThat(phone.payee()).isEqualTo("FREE MOBILE");
            assertThat(phone.period()).isEqualTo(RecurringPeriod.MONTHLY);
            assertThat(phone.occurrences()).hasSize(6);
            assertThat(phone.next()).isEqualTo(LocalDate.of(2025, 7, 8));
        });
        assertThat(found.since()).contains(LocalDate.of(2025, 1, 1));
        assertThat(found.asOf()).isEqualTo(LocalDate.of(2025, 6, 8));
        assertThat(found.enoughHistory()).isTrue();
    }

    @Test
    void readAsOfAnEarlierDayOnlyTheLinesUntilThenCountAndAMonthAndAHalfIsTooLittleHistory() {
        write(sixMonths());

        RecurringFlows inMarch = recurring.flows(vault.camille(), Optional.of(LocalDate.of(2025, 3, 20)));
        RecurringFlows inFebruary = recurring.flows(vault.camille(), Optional.of(LocalDate.of(2025, 2, 15)));

        assertThat(inMarch.flows()).singleElement()
                .satisfies(phone -> assertThat(phone.next()).isEqualTo(LocalDate.of(2025, 4, 8)));
        assertThat(inFebruary.enoughHistory()).isFalse();
        assertThat(inFebruary.flows()).isEmpty();
        assertThat(inFebruary.unsure()).singleElement()
                .satisfies(unsure -> assertThat(unsure.payee()).isEqualTo("FREE MOBILE"));
    }

    @Test
    void withoutAnyBankLineThereIsNoHistoryAsOfTheClocksDay() {
        RecurringFlows found = recurring.flows(vault.camille());

        assertThat(found.since()).isEmpty();
        assertThat(found.asOf()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(found.enoughHistory()).isFalse();
        assertThat(found.flows()).isEmpty();
    }

    private List<RecordDraft> sixMonths() {
        List<RecordDraft> drafts = new ArrayList<>();
        for (int month = 0; month < 6; month++) {
            LocalDate first = LocalDate.of(2025, 1 + month, 1);
            drafts.add(line("111", first, "-200.00", "VIR VERS LIVRET A"));
            drafts.add(line("222", first, "200.00", "VIR DEPUIS COMPTE COURANT"));
            drafts.add(line("111", first.withDayOfMonth(8), "-12.99", "PRLV SEPA FREE MOBILE 00" + (12_345 + month)));
        }
        return drafts;
    }

    private void write(List<RecordDraft> drafts) {
        vault.vault().imports().write(vault.camille().id(), new ImportRequest(BANK, "ofx", "releve.ofx"), drafts.stream());
    }

    private RecordDraft line(String account, LocalDate day, String amount, String label) {
        return RecordDraft.of(TimeSpan.day(day, TestVaults.PARIS), new BankTransaction(account, day, Optional.empty(),
                new BigDecimal(amount), "EUR", label, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()), Position.line(lines.incrementAndGet()));
    }
}
