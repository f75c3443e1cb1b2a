package org.selfdata.portability;

import org.selfdata.model.BankTransaction;
import org.selfdata.model.Contact;
import org.selfdata.model.PersonId;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordId;
import org.selfdata.model.Rejection;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The person every export test starts from: three sources, one batch each, records of a type with a table and of one
 * without, two identical coffees, a label that looks like a spreadsheet formula, and a rent rectified twice.
 *
 * <p>Record numbers follow the imports: points 1 to 50, then the coffees 51 and 52, the rent 53, the bakery 54, and
 * the contact 55.
 */
final class SampleVaults {
    static final LocalDate MONDAY = LocalDate.of(2025, 3, 10);
    static final SourceDescriptor ADDRESS_BOOK = SourceDescriptor.file("Apple", "Contacts");
    static final int POINTS = 50;
    static final long RENT = 53;

    /** A line of the statement that its import could not read, kept in the batch's quarantine. */
    static final Rejection UNREADABLE_AMOUNT = new Rejection(Position.line(5), "the amount is not a number")
            .withText("Date;Libellé;Montant\n05/03/2026;BOULANGERIE;douze");

    private SampleVaults() {}

    static void fill(Vault vault, PersonId person) {
        vault.imports().write(person, new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "Records.json"),
                SyntheticRecords.points(POINTS));
        vault.imports().write(person, new ImportRequest(SyntheticRecords.BANK, "ofx", "releve-mars.ofx"),
                Stream.of(SyntheticRecords.coffee(MONDAY, 1), SyntheticRecords.coffee(MONDAY, 2),
                        SyntheticRecords.rent(MONDAY, 3), bakery(4), UNREADABLE_AMOUNT));
        vault.imports().write(person, new ImportRequest(ADDRESS_BOOK, "vcard", "contacts.vcf"), Stream.of(contact()));
        RecordId rent = find(vault, person, RENT).id();
        vault.records().rectify(person, rent, rent(new BigDecimal("-490.00")));
        vault.records().rectify(person, rent, rent(new BigDecimal("-485.00")));
    }

    /** A line whose texts a spreadsheet would run as formulas, with a comma, quotes and a line break among them. */
    static RecordDraft bakery(int line) {
        BankTransaction bakery = new BankTransaction("00012346789", MONDAY, Optional.of(MONDAY.plusDays(1)),
                new BigDecimal("-3.30"), "EUR", "=HYPERLINK(\"https://example.org\")", Optional.of("@Boulangerie, Paul"),
                Optional.of("+REF-42"), Optional.of("-10%\r\nfidélité"), Optional.of("DEBIT"), Optional.empty());
        return RecordDraft.of(TimeSpan.day(MONDAY, TestVaults.PARIS), bakery, Position.line(line));
    }

    static RecordDraft contact() {
        Contact dominique = new Contact("Dominique Petit", Optional.of("Dominique"), Optional.of("Petit"), Optional.empty(),
                List.of("dominique@example.org"), List.of("+33 6 12 34 56 78"), List.of(), Optional.of(LocalDate.of(2001, 5, 4)),
                Optional.empty(), Optional.of("c-1"));
        return RecordDraft.of(TimeSpan.at(SyntheticRecords.START), dominique, Position.line(1));
    }

    static BankTransaction rent(BigDecimal amount) {
        return new BankTransaction("00012346789", MONDAY, Optional.empty(), amount, "EUR", "PRLV SEPA LOYER",
                Optional.of("SCI Guillotière"), Optional.empty(), Optional.empty(), Optional.of("DEBIT"), Optional.empty());
    }

    static StoredRecord find(Vault vault, PersonId person, long number) {
        try (Stream<StoredRecord> records = vault.records().read(person, RecordQuery.all())) {
            return records.filter(record -> record.id().number() == number).findFirst().orElseThrow();
        }
    }

    static List<StoredRecord> all(Vault vault, PersonId person, RecordType type) {
        try (Stream<StoredRecord> records = vault.records().read(person, RecordQuery.ofType(type))) {
            return records.toList();
        }
    }
}
