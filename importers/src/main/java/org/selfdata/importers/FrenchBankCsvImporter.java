package org.selfdata.importers;

import org.selfdata.importers.CsvMapping.Field;
import org.selfdata.model.BankAccount;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The CSV exports of French banks (BoursoBank, Société Générale, Crédit Agricole, La Banque Postale, BPCE, Fortuneo,
 * BNP Paribas): one importer with a table of layouts, {@link FrenchBankLayout}, rather than one importer per bank,
 * since the layouts differ only in their header, their preamble and a few conventions, which a table states in a line
 * each. The layout is recognized by its header row, whatever the preamble above it and the file's name.
 *
 * <p>Files are decoded as UTF-8 where valid and cp1252 elsewhere (banks send both, with or without a byte-order mark).
 * The source is the account the preamble names, masked; BoursoBank files hold all of the person's accounts, so their
 * source is the export and each transaction names its account. BPCE and Fortuneo files name no account at all: their
 * transactions carry the account {@code unknown}. Where the preamble states the account's balance and its date
 * (Société Générale, Crédit Agricole, La Banque Postale, BNP Paribas), a {@code bank.account} record comes first.
 */
public final class FrenchBankCsvImporter implements Importer {
    private record Match(FrenchBankLayout layout, Map<Field, Integer> indexes) {}

    @Override
    public String format() {
        return "fr-bank-csv";
    }

    @Override
    public Detection detect(Sniff sniff) {
        try (CsvRows rows = new CsvRows(new Utf8OrCp1252Reader(new ByteArrayInputStream(sniff.head())), ';')) {
            return CsvHeader.search(rows, FrenchBankCsvImporter::layout).isPresent() ? Detection.BY_CONTENT : Detection.NO;
        }
        catch (SelfdataException e) {
            // The head ends inside a quoted cell before any header: not one of these files, as far as the head shows.
            return Detection.NO;
        }
    }

    @Override
    public ParsedFile open(InputStream in, ImportContext context) {
        CsvRows rows = new CsvRows(new Utf8OrCp1252Reader(in), ';');
        return Opening.closingOnFailure(rows, () -> {
            CsvHeader<Match> header = CsvHeader.search(rows, FrenchBankCsvImporter::layout)
                    .orElseThrow(() -> InvalidInput.at("line 1", Wording.of("error.csv.noFrenchBankHeader",
                            String.valueOf(CsvHeader.MAXIMUM_PREAMBLE_ROWS))));
            FrenchBankLayout layout = header.match().layout();
            Optional<String> account = layout.account(header.preamble());
            CsvMapping mapping = account.map(layout.mapping()::withAccount).orElse(layout.mapping());
            SourceDescriptor source = SourceDescriptor.file(layout.organization(), label(layout, account));
            RecordReader transactions = new MappedCsvRows(rows, mapping, header.match().indexes(), context.zone());
            Optional<RecordDraft> accountRecord = account.flatMap(number -> layout.balance(header.preamble())
                    .map(balance -> accountRecord(number, mapping.currency(), balance, context.zone())));
            return new RecordFile(format(), source, new AccountFirst(accountRecord, transactions), rows);
        });
    }

    private static RecordDraft accountRecord(String number, String currency, FrenchBankLayout.Balance balance, ZoneId zone) {
        Position position = Position.line(balance.line());
        BankAccount account = InvalidInput.building(position, () -> new BankAccount(number, Optional.empty(), Optional.empty(),
                Optional.empty(), BankAccount.Kind.OTHER, currency, Optional.empty(), Optional.of(balance.amount()),
                Optional.of(balance.date())));
        return RecordDraft.of(TimeSpan.day(balance.date(), zone), account, position);
    }

    /** The account, from the preamble, before the transactions: it comes first in the file too. */
    private static final class AccountFirst implements RecordReader {
        private Optional<RecordDraft> account;
        private final RecordReader transactions;

        private AccountFirst(Optional<RecordDraft> account, RecordReader transactions) {
            this.account = account;
            this.transactions = transactions;
        }

        @Override
        public Optional<RecordDraft> read() {
            Optional<RecordDraft> first = account;
            account = Optional.empty();
            return first.isPresent() ? first : transactions.read();
        }
    }

    private static String label(FrenchBankLayout layout, Optional<String> account) {
        if (layout.accountInEachRow()) {
            return "all accounts";
        }
        return account.map(number -> "account " + MaskedIdentifier.lastDigits(number)).orElse("account not named in the file");
    }

    private static Optional<Match> layout(CsvRow row) {
        return Arrays.stream(FrenchBankLayout.values())
                .flatMap(layout -> MappedCsvRows.indexes(layout.mapping(), row)
                        .map(indexes -> new Match(layout, indexes)).stream())
                .findFirst();
    }
}
