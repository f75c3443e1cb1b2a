package org.selfdata.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One line of a bank statement. The amount is signed from the account holder's side: money out is negative.
 *
 * @param account the account number the statement gives, as in {@link BankAccount#accountNumber()}
 * @param reference the bank's own identifier for the line (OFX FITID, camt AcctSvcrRef), when it gives one
 * @param kind the bank's transaction type (OFX TRNTYPE, camt bank transaction code), advisory only
 * @param bankCategory the category the bank itself assigned, when the export has one
 */
public record BankTransaction(
        String account,
        LocalDate bookingDate,
        Optional<LocalDate> valueDate,
        BigDecimal amount,
        String currency,
        String label,
        Optional<String> counterparty,
        Optional<String> reference,
        Optional<String> memo,
        Optional<String> kind,
        Optional<String> bankCategory) implements Payload {
    public BankTransaction {
        Fields.requiredText(account, "account", 64);
        requireNonNull(bookingDate, "bookingDate is null");
        valueDate = Fields.optional(valueDate);
        requireNonNull(amount, "amount is null");
        Fields.currency(currency, "currency");
        Fields.text(label, "label", Fields.SHORT_TEXT);
        counterparty = Fields.optionalText(counterparty, "counterparty", Fields.SHORT_TEXT);
        reference = Fields.optionalText(reference, "reference", 255);
        memo = Fields.optionalText(memo, "memo", Fields.SHORT_TEXT * 4);
        kind = Fields.optionalText(kind, "kind", 64);
        bankCategory = Fields.optionalText(bankCategory, "bankCategory", 255);
    }

    @Override
    public RecordType type() {
        return RecordType.BANK_TRANSACTION;
    }
}
