package org.selfdata.importers;

import org.selfdata.model.BankAccount;
import org.selfdata.model.ImportItem;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Reads the statements (camt.053 Stmt), reports (camt.052 Rpt) and notifications (camt.054 Ntfctn) of an ISO 20022
 * message: one {@code bank.account} per booked balance (opening OPBD, previous closing PRCD, interim ITBD, closing
 * CLBD), each the account as it stood on the balance's date, and {@code bank.transaction}s for each entry (Ntry) as
 * soon as it closes (see {@link CamtEntry}). A statement without a booked balance (a notification) gives one
 * {@code bank.account} without a balance, in the account's currency or its first entry's, dated by its creation.
 * Available balances (OPAV, CLAV, ITAV, FWAV) are not kept: they forecast, they do not record.
 *
 * <p>An entry or a balance that cannot be read is rejected on its own, and reading goes on with the next.
 */
final class CamtStatements implements RecordReader {
    private static final Set<String> STATEMENTS = Set.of("Stmt", "Rpt", "Ntfctn");
    private static final Set<String> MESSAGES = Set.of("BkToCstmrStmt", "BkToCstmrAcctRpt", "BkToCstmrDbtCdtNtfctn");
    private static final Set<String> BOOKED_BALANCES = Set.of("OPBD", "PRCD", "ITBD", "CLBD");
    private static final int MAXIMUM_DETAILS_PER_ENTRY = 10_000;
    /** Document, then the message, then its statements: nothing else holds a statement. */
    private static final int STATEMENT_DEPTH = 3;

    private final CamtXml xml;
    private final ZoneId zone;
    private final PendingItems ready = new PendingItems();
    private Optional<CamtFields> statement = Optional.empty();
    private Optional<CamtFields> balance = Optional.empty();
    private Optional<CamtFields> entry = Optional.empty();
    private Optional<CamtFields> details = Optional.empty();
    private final List<CamtFields> entryDetails = new ArrayList<>();
    private boolean statementHasBalance;
    private Optional<LocalDate> firstBookingDate = Optional.empty();
    private Optional<String> firstCurrency = Optional.empty();
    private Optional<SourceDescriptor> source = Optional.empty();
    private boolean rootChecked;

    CamtStatements(CamtXml xml, ZoneId zone) {
        this.xml = requireNonNull(xml, "xml is null");
        this.zone = requireNonNull(zone, "zone is null");
    }

    /** Reads on until the first statement names its account, which is what the file's source is. */
    SourceDescriptor source() {
        while (source.isEmpty()) {
            if (!xml.advance()) {
                throw InvalidInput.at("Document", Wording.of("error.camt.noStatement"));
            }
            handle();
        }
        return source.get();
    }

    @Override
    public Optional<RecordDraft> read() {
        while (ready.isEmpty() && xml.advance()) {
            handle();
        }
        return ready.next();
    }

    private void handle() {
        switch (xml.kind()) {
            case START -> started(xml.name(), xml.parent());
            case END -> ended(xml.name());
        }
    }

    private void started(String name, String parent) {
        if (!rootChecked) {
            rootChecked = true;
            if (!name.equals("Document")) {
                throw InvalidInput.at(name, Wording.of("error.camt.notCamt"));
            }
        }
        if (STATEMENTS.contains(name) && isMessage(parent) && xml.depth() == STATEMENT_DEPTH) {
            statement = Optional.of(new CamtFields(xml.path(), xml.depth()));
            statementHasBalance = false;
            firstBookingDate = Optional.empty();
            firstCurrency = Optional.empty();
        }
        else if (statement.isPresent() && STATEMENTS.contains(parent) && name.equals("Bal")) {
            balance = Optional.of(new CamtFields(xml.path(), xml.depth()));
        }
        else if (statement.isPresent() && STATEMENTS.contains(parent) && name.equals("Ntry")) {
            entry = Optional.of(new CamtFields(xml.path(), xml.depth()));
            entryDetails.clear();
        }
        else if (entry.isPresent() && (parent.equals("NtryDtls") || parent.equals("Ntry")) && name.equals("TxDtls")) {
            details = Optional.of(new CamtFields(xml.path(), xml.depth()));
        }
        xml.currency().ifPresent(code -> innermost().ifPresent(fields -> fields.put(relative(fields) + "@Ccy", code)));
    }

    private void ended(String name) {
        if (name.equals("Acct") && source.isEmpty() && statement.isPresent() && details.isEmpty() && entry.isEmpty()
                && xml.depth() == statement.get().depth() + 1) {
            nameSource(statement.get());
        }
        Optional<CamtFields> innermost = innermost();
        if (innermost.isPresent() && xml.depth() == innermost.get().depth()) {
            closed(name, innermost.get());
        }
        else if (innermost.isPresent() && !xml.leafText().isEmpty()) {
            innermost.get().put(relative(innermost.get()), xml.leafText());
        }
    }

    private void closed(String name, CamtFields fields) {
        switch (name) {
            case "TxDtls" -> {
                if (entryDetails.size() < MAXIMUM_DETAILS_PER_ENTRY) {
                    entryDetails.add(fields);
                }
                details = Optional.empty();
            }
            case "Ntry" -> {
                CamtEntry read = new CamtEntry(statement.orElseThrow(), fields, List.copyOf(entryDetails),
                        entryDetails.size() >= MAXIMUM_DETAILS_PER_ENTRY);
                ready.addAll(read.items(zone));
                firstBookingDate = firstBookingDate.or(read::bookingDate);
                firstCurrency = firstCurrency.or(() -> fields.get("Amt@Ccy"));
                entry = Optional.empty();
                entryDetails.clear();
            }
            case "Bal" -> {
                balanceItem(statement.orElseThrow(), fields).ifPresent(ready::add);
                balance = Optional.empty();
            }
            default -> {
                statementWithoutBalance(fields).ifPresent(ready::add);
                statement = Optional.empty();
            }
        }
    }

    // Version 01 suffixes the message's name: BkToCstmrAcctRptV01.
    private static boolean isMessage(String name) {
        return MESSAGES.contains(name) || MESSAGES.stream().anyMatch(message -> name.startsWith(message + "V"));
    }

    private Optional<CamtFields> innermost() {
        return details.or(() -> entry).or(() -> balance).or(() -> statement);
    }

    private String relative(CamtFields fields) {
        return xml.pathFrom(fields.depth());
    }

    /** Called when the statement's Acct aggregate ends: its identifier and servicer are known by then. */
    private void nameSource(CamtFields current) {
        accountNumber(current).ifPresent(number -> {
            String bank = current.first("Acct/Svcr/FinInstnId/Nm", "Acct/Svcr/FinInstnId/NmAndAdr/Nm",
                            "Acct/Svcr/FinInstnId/BIC", "Acct/Svcr/FinInstnId/BICFI")
                    .orElse("ISO 20022 bank");
            source = Optional.of(SourceDescriptor.file(bank, "account " + MaskedIdentifier.lastDigits(number)));
        });
    }

    static Optional<String> accountNumber(CamtFields statement) {
        return statement.first("Acct/Id/IBAN", "Acct/Id/Othr/Id", "Acct/Id/PrtryAcct/Id", "Acct/Id/BBAN", "Acct/Id/UPIC");
    }

    private Optional<ImportItem> balanceItem(CamtFields statementFields, CamtFields fields) {
        String type = fields.first("Tp/CdOrPrtry/Cd", "Tp/CdOrPrtry/Prtry").orElse("");
        if (!BOOKED_BALANCES.contains(type)) {
            return Optional.empty();
        }
        statementHasBalance = true;
        Position position = Position.elementPath(fields.path());
        try {
            BigDecimal unsigned = CamtValues.amount(fields, "Amt", position);
            BigDecimal amount = CamtValues.isDebit(fields, "CdtDbtInd", position) ? unsigned.negate() : unsigned;
            String currency = CamtValues.currency(fields, "Amt", position);
            LocalDate date = CamtValues.date(fields, "Dt", position)
                    .orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.camt.balanceDate")));
            BankAccount account = account(statementFields, position, currency, Optional.of(amount), Optional.of(date));
            return Optional.of(RecordDraft.of(TimeSpan.day(date, zone), account, position));
        }
        catch (RejectedRecord e) {
            return Optional.of(e.rejection());
        }
    }

    private Optional<ImportItem> statementWithoutBalance(CamtFields fields) {
        if (statementHasBalance) {
            return Optional.empty();
        }
        Position position = Position.elementPath(fields.path());
        Optional<LocalDate> day = fields.get("CreDtTm").flatMap(CamtValues::dateOf).or(() -> firstBookingDate);
        Optional<String> currency = fields.get("Acct/Ccy").or(() -> firstCurrency);
        if (day.isEmpty() || currency.isEmpty() || accountNumber(fields).isEmpty()) {
            return Optional.empty();
        }
        try {
            BankAccount account = account(fields, position, currency.get(), Optional.empty(), Optional.empty());
            return Optional.of(RecordDraft.of(TimeSpan.day(day.get(), zone), account, position));
        }
        catch (RejectedRecord e) {
            return Optional.of(e.rejection());
        }
    }

    private static BankAccount account(CamtFields statementFields, Position position, String currency,
            Optional<BigDecimal> balance, Optional<LocalDate> balanceDate) {
        String number = accountNumber(statementFields).orElseThrow(() -> InvalidInput.rejected(position,
                Wording.of("error.camt.accountId")));
        return InvalidInput.rejecting(position, () -> new BankAccount(number, statementFields.get("Acct/Id/IBAN"),
                statementFields.first("Acct/Svcr/FinInstnId/BIC", "Acct/Svcr/FinInstnId/BICFI"), Optional.empty(),
                kind(statementFields.get("Acct/Tp/Cd").orElse("")), currency, statementFields.get("Acct/Nm"), balance,
                balanceDate));
    }

    private static BankAccount.Kind kind(String code) {
        return switch (code) {
            case "CACC", "CASH", "TRAN" -> BankAccount.Kind.CHECKING;
            case "SVGS" -> BankAccount.Kind.SAVINGS;
            case "LOAN", "MGLD" -> BankAccount.Kind.LOAN;
            case "CARD" -> BankAccount.Kind.CREDIT_CARD;
            default -> BankAccount.Kind.OTHER;
        };
    }
}
