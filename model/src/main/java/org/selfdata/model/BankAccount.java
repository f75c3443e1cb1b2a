package org.selfdata.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A bank or card account as its statement describes it, with the balance the statement gives, if any. */
public record BankAccount(
        String accountNumber,
        Optional<String> iban,
        Optional<String> bankId,
        Optional<String> branchId,
        Kind kind,
        String currency,
        Optional<String> name,
        Optional<BigDecimal> balance,
        Optional<LocalDate> balanceDate) implements Payload {
    public enum Kind { CHECKING, SAVINGS, CREDIT_CARD, LOAN, INVESTMENT, OTHER }

    public BankAccount {
        Fields.requiredText(accountNumber, "accountNumber", 64);
        iban = Fields.optionalText(iban, "iban", 34);
        bankId = Fields.optionalText(bankId, "bankId", 64);
        branchId = Fields.optionalText(branchId, "branchId", 64);
        requireNonNull(kind, "kind is null");
        Fields.currency(currency, "currency");
        name = Fields.optionalText(name, "name", Fields.SHORT_TEXT);
        balance = Fields.optional(balance);
        balanceDate = Fields.optional(balanceDate);
    }

    @Override
    public RecordType type() {
        return RecordType.BANK_ACCOUNT;
    }
}
