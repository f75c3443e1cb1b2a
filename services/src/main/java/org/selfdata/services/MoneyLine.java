package org.selfdata.services;

import org.selfdata.model.BankTransaction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A bank line in short: what the money summaries count, without its label. */
record MoneyLine(String account, LocalDate day, BigDecimal amount, String currency, String category, boolean categoryFromBank,
        String payee) {
    /** How far apart the two halves of a transfer between one's own accounts may be booked. */
    static final int TRANSFER_DAYS = 3;

    static MoneyLine of(BankTransaction transaction) {
        boolean incoming = transaction.amount().signum() > 0;
        String category = transaction.bankCategory()
                .orElseGet(() -> MoneyCategory.guess(transaction.label() + " " + transaction.counterparty().orElse(""), incoming)
                        .term());
        return new MoneyLine(transaction.account(), transaction.bookingDate(), transaction.amount(), transaction.currency(),
                category, transaction.bankCategory().isPresent(), MoneyPayee.of(transaction));
    }

    BigDecimal spending() {
        return amount.signum() < 0 ? amount.negate() : BigDecimal.ZERO;
    }

    BigDecimal income() {
        return amount.signum() > 0 ? amount : BigDecimal.ZERO;
    }

    /**
     * The positions of the lines that moved money between two of the person's own accounts: money out of one account and
     * the same amount, in the same currency, into another within {@value #TRANSFER_DAYS} days. Each line pairs once.
     */
    static Set<Integer> ownTransfers(List<MoneyLine> lines) {
        Map<List<Object>, List<Integer>> outgoing = new HashMap<>();
        for (int index = 0; index < lines.size(); index++) {
            MoneyLine line = lines.get(index);
            if (line.amount.signum() < 0) {
                outgoing.computeIfAbsent(line.key(), key -> new ArrayList<>()).add(index);
            }
        }
        Set<Integer> paired = new HashSet<>();
        for (int index = 0; index < lines.size(); index++) {
            MoneyLine line = lines.get(index);
            if (line.amount.signum() <= 0) {
                continue;
            }
            for (int candidate : outgoing.getOrDefault(line.key(), List.of())) {
                MoneyLine out = lines.get(candidate);
                if (!paired.contains(candidate) && !out.account.equals(line.account)
                        && Math.abs(ChronoUnit.DAYS.between(out.day, line.day)) <= TRANSFER_DAYS) {
                    paired.add(candidate);
                    paired.add(index);
                    break;
                }
            }
        }
        return paired;
    }

    private List<Object> key() {
        return List.of(currency, amount.abs().stripTrailingZeros());
    }
}
