package org.selfdata.services;

import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.BankAccount;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.StoredRecord;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The money service: spending and income per month, per category and per payee, and the balance day by day, from the
 * person's bank statements as the gate gives them to their owner.
 *
 * <p>One read, in one pass, of the lines and accounts from the period's first day on: lines after the period are
 * needed to walk the balance back from the latest one a statement gave.
 */
public final class Money {
    private final Gate gate;

    public Money(Gate gate) {
        this.gate = requireNonNull(gate, "gate is null");
    }

    /** @param account only this account's lines, as its statement numbers it, when given */
    public MoneySummary summary(Person person, MoneyPeriod period, Optional<String> account) {
        MoneyLedger ledger = new MoneyLedger(period);
        RecordQuery query = RecordQuery.all().withTypes(Set.of(RecordType.BANK_TRANSACTION, RecordType.BANK_ACCOUNT))
                .between(Optional.of(period.firstDay().atStartOfDay(person.zone()).toInstant()), Optional.empty());
        try (Stream<StoredRecord> records = gate.records(new Accessor.Owner(person.id()), query)) {
            records.forEach(record -> {
                switch (record.payload()) {
                    case BankTransaction line when account.map(line.account()::equals).orElse(true) -> ledger.add(line);
                    case BankAccount statement when account.map(statement.accountNumber()::equals).orElse(true) ->
                            ledger.add(statement);
                    default -> { }
                }
            });
        }
        return ledger.summary();
    }
}
