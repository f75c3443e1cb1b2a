package org.selfdata.importers;

import org.selfdata.model.BankTransaction;
import org.selfdata.model.ImportItem;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

import static java.util.Objects.requireNonNull;

/**
 * One camt entry (Ntry) and the transaction details (TxDtls) it holds, read as bank transactions.
 *
 * <p>An entry is usually one transaction. A batch entry (a salary run, a direct-debit collection) holds several
 * TxDtls: when each gives its own amount (TxDtls/AmtDtls/TxAmt/Amt, or TxDtls/Amt from version 04), each becomes a
 * transaction of its own, with its own counterparty, remittance and references, since that is what the person paid
 * or received; when any lacks an amount, the entry stays one transaction of the entry's amount, described by its
 * first details. The amount is unsigned in the file: its sign is the credit or debit indicator, flipped when the
 * entry is a reversal (RvslInd true).
 *
 * <p>The status is kept: a booked entry (BOOK) is a plain transaction, any other (PDNG for pending in camt.052
 * intraday reports, INFO, FUTR) starts its memo with the status, so that a pending entry that later reappears booked
 * is not mistaken for the same fact. The status is text in version 02 and {@code Sts/Cd} from version 08.
 */
final class CamtEntry {
    private static final String NOT_PROVIDED = "NOTPROVIDED";
    private static final int MAXIMUM_LABEL_LENGTH = 512;
    private static final int MAXIMUM_MEMO_LENGTH = 2048;

    private final CamtFields statement;
    private final CamtFields entry;
    private final List<CamtFields> details;
    private final boolean tooManyDetails;

    CamtEntry(CamtFields statement, CamtFields entry, List<CamtFields> details, boolean tooManyDetails) {
        this.statement = requireNonNull(statement, "statement is null");
        this.entry = requireNonNull(entry, "entry is null");
        this.details = requireNonNull(details, "details is null");
        this.tooManyDetails = tooManyDetails;
    }

    /** The entry's booking date, when it can be read. */
    Optional<LocalDate> bookingDate() {
        try {
            return CamtValues.date(entry, "BookgDt", Position.elementPath(entry.path()));
        }
        catch (RejectedRecord e) {
            return Optional.empty();
        }
    }

    /** The transactions of the entry, or the rejection of those that cannot be read. */
    List<ImportItem> items(ZoneId zone) {
        Position position = Position.elementPath(entry.path());
        if (tooManyDetails) {
            return List.of(InvalidInput.rejected(position, Wording.of("error.camt.tooManyDetails"))
                    .rejection());
        }
        boolean batch = details.size() > 1 && details.stream().allMatch(CamtEntry::hasOwnAmount);
        List<ImportItem> items = new ArrayList<>();
        if (batch) {
            for (CamtFields detail : details) {
                items.add(item(Optional.of(detail), true, zone));
            }
        }
        else {
            items.add(item(details.isEmpty() ? Optional.empty() : Optional.of(details.getFirst()), false, zone));
        }
        return items;
    }

    private static boolean hasOwnAmount(CamtFields detail) {
        return detail.first("AmtDtls/TxAmt/Amt", "Amt").isPresent();
    }

    private ImportItem item(Optional<CamtFields> detail, boolean ownAmount, ZoneId zone) {
        Position position = Position.elementPath(ownAmount ? detail.get().path() : entry.path());
        try {
            return transaction(detail, ownAmount, position, zone);
        }
        catch (RejectedRecord e) {
            return e.rejection();
        }
    }

    private RecordDraft transaction(Optional<CamtFields> detail, boolean ownAmount, Position position, ZoneId zone) {
        String account = CamtStatements.accountNumber(statement).orElseThrow(() -> InvalidInput.rejected(position,
                Wording.of("error.camt.statementAccount")));
        CamtFields amountFields = ownAmount ? detail.get() : entry;
        String amountPath = ownAmount && detail.get().get("AmtDtls/TxAmt/Amt").isPresent() ? "AmtDtls/TxAmt/Amt" : "Amt";
        CamtFields indicatorFields = ownAmount && detail.get().get("CdtDbtInd").isPresent() ? detail.get() : entry;
        BigDecimal unsigned = CamtValues.amount(amountFields, amountPath, position);
        boolean debit = CamtValues.isDebit(indicatorFields, "CdtDbtInd", position);
        BigDecimal amount = debit != isReversal() ? unsigned.negate() : unsigned;
        String currency = CamtValues.currency(amountFields, amountPath, position);
        LocalDate bookingDate = CamtValues.date(entry, "BookgDt", position)
                .or(() -> CamtValues.date(entry, "ValDt", position))
                .orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.camt.entryDate")));
        Optional<LocalDate> valueDate = CamtValues.date(entry, "ValDt", position);
        Optional<String> counterparty = detail.flatMap(fields -> counterparty(fields, debit)).map(CamtEntry::label);
        Optional<String> remittance = detail.flatMap(fields -> fields.get(CamtFields.REMITTANCE));
        Optional<String> additional = detail.flatMap(fields -> fields.get("AddtlTxInf"));
        String label = remittance.or(() -> additional).or(() -> entry.get("AddtlNtryInf")).or(() -> counterparty)
                .map(CamtEntry::label).orElse("");
        Optional<String> reference = reference(detail, ownAmount);
        BankTransaction payload = InvalidInput.rejecting(position, () -> new BankTransaction(account, bookingDate, valueDate,
                amount, currency, label, counterparty, reference,
                memo(detail, label, reference), kind(detail), Optional.empty()));
        return RecordDraft.of(TimeSpan.day(bookingDate, zone), payload, position);
    }

    private boolean isReversal() {
        return entry.get("RvslInd").map(text -> text.equals("true") || text.equals("1")).orElse(false);
    }

    /** Who paid the holder (the debtor of a credit) or whom the holder paid (the creditor of a debit). */
    private static Optional<String> counterparty(CamtFields detail, boolean debit) {
        String party = debit ? "Cdtr" : "Dbtr";
        return detail.first("RltdPties/" + party + "/Nm", "RltdPties/" + party + "/Pty/Nm",
                "RltdPties/Ultmt" + party + "/Nm", "RltdPties/Ultmt" + party + "/Pty/Nm");
    }

    private Optional<String> reference(Optional<CamtFields> detail, boolean ownAmount) {
        Optional<String> entryReference = entry.get("AcctSvcrRef");
        Optional<String> detailReference = detail.flatMap(fields -> fields.get("Refs/AcctSvcrRef")).or(() -> endToEnd(detail))
                .or(() -> detail.flatMap(fields -> fields.get("Refs/TxId")));
        Optional<String> reference = ownAmount
                ? detailReference.or(() -> entryReference)
                : entryReference.or(() -> detailReference).or(() -> entry.get("NtryRef"));
        return reference.map(text -> shortened(text, 255));
    }

    private static Optional<String> endToEnd(Optional<CamtFields> detail) {
        return detail.flatMap(fields -> fields.get("Refs/EndToEndId")).filter(text -> !text.equals(NOT_PROVIDED));
    }

    private Optional<String> memo(Optional<CamtFields> detail, String label, Optional<String> reference) {
        StringJoiner memo = new StringJoiner("; ");
        String status = entry.first("Sts/Cd", "Sts/Prtry", "Sts").orElse("BOOK");
        if (!status.equals("BOOK")) {
            memo.add("status " + status + switch (status) {
                case "PDNG" -> " (pending)";
                case "INFO" -> " (for information)";
                case "FUTR" -> " (future)";
                default -> "";
            });
        }
        endToEnd(detail).filter(text -> reference.isEmpty() || !reference.get().equals(text))
                .ifPresent(text -> memo.add("end-to-end ID " + text));
        detail.flatMap(fields -> fields.get("RmtInf/Strd/CdtrRefInf/Ref"))
                .ifPresent(text -> memo.add("creditor reference " + text));
        detail.flatMap(fields -> fields.get("AddtlTxInf")).filter(text -> !text.equals(label)).ifPresent(memo::add);
        entry.get("AddtlNtryInf").filter(text -> !label(text).equals(label)).ifPresent(memo::add);
        return memo.length() == 0 ? Optional.empty() : Optional.of(shortened(memo.toString(), MAXIMUM_MEMO_LENGTH));
    }

    /** The bank transaction code: the ISO domain, family and sub-family, or the bank's proprietary code. */
    private Optional<String> kind(Optional<CamtFields> detail) {
        for (CamtFields fields : detail.isPresent() ? List.of(detail.get(), entry) : List.of(entry)) {
            Optional<String> domain = fields.get("BkTxCd/Domn/Cd");
            if (domain.isPresent()) {
                StringJoiner code = new StringJoiner("/");
                code.add(domain.get());
                fields.get("BkTxCd/Domn/Fmly/Cd").ifPresent(code::add);
                fields.get("BkTxCd/Domn/Fmly/SubFmlyCd").ifPresent(code::add);
                return Optional.of(shortened(code.toString(), 64));
            }
            Optional<String> proprietary = fields.get("BkTxCd/Prtry/Cd");
            if (proprietary.isPresent()) {
                return Optional.of(shortened(proprietary.get(), 64));
            }
        }
        return Optional.empty();
    }

    private static String label(String text) {
        return shortened(text, MAXIMUM_LABEL_LENGTH);
    }

    private static String shortened(String text, int maximumLength) {
        return text.length() <= maximumLength ? text : text.substring(0, maximumLength - 1) + "…";
    }
}
