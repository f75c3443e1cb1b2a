package org.selfdata.server;

import org.selfdata.model.BankTransaction;
import org.selfdata.model.Person;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import org.selfdata.model.TimeSpan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A month of care in a person's statement, in April 2025: a visit to the doctor of 30.00 on the 1st, paid back 19.00 by
 * the national insurance on the 8th and 9.00 by the mutual on the 14th, leaving 2.00; a pharmacy's 12.30 on the 22nd that
 * nothing paid back; the mutual's premium of 14.50 on the 12th; and a coffee on the 30th, the latest line.
 */
final class CareLines {
    private CareLines() {}

    static void importApril(Vault vault, Person person) {
        vault.imports().write(person.id(), new ImportRequest(SyntheticRecords.BANK, "ofx", "sante.ofx"), Stream.of(
                line(1, LocalDate.of(2025, 4, 2), Optional.of(LocalDate.of(2025, 4, 1)), "-30.00", "CB DR MARTIN PAUL 01/04"),
                line(2, LocalDate.of(2025, 4, 8), Optional.empty(), "19.00", "VIR CPAM RHONE REMBOURSEMENT SOINS"),
                line(3, LocalDate.of(2025, 4, 12), Optional.empty(), "-14.50", "PRLV SEPA HARMONIE MUTUELLE"),
                line(4, LocalDate.of(2025, 4, 14), Optional.empty(), "9.00", "VIR HARMONIE MUTUELLE REMBT"),
                line(5, LocalDate.of(2025, 4, 23), Optional.of(LocalDate.of(2025, 4, 22)), "-12.30",
                        "CB PHARMACIE DU PONT 22/04"),
                line(6, LocalDate.of(2025, 4, 30), Optional.empty(), "-2.50", "CB CAFE DE LA DOUA 30/04")));
    }

    private static RecordDraft line(int number, LocalDate booked, Optional<LocalDate> used, String amount, String label) {
        return RecordDraft.of(TimeSpan.day(booked, TestVaults.PARIS), new BankTransaction("FR7612345", booked, used,
                new BigDecimal(amount), "EUR", label, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()), Position.line(number));
    }
}
