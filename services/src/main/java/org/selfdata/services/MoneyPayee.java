package org.selfdata.services;

import org.selfdata.model.BankTransaction;

import java.util.regex.Pattern;

/**
 * Who a bank line paid, as one name however the bank printed it: the counterparty when the statement names one,
 * otherwise the label without what French banks add around it: the kind of payment ({@code CB}, {@code PRLV SEPA},
 * {@code VIR}), the day the card was used ({@code 12/03}) and card or reference numbers.
 */
final class MoneyPayee {
    private static final Pattern KIND = Pattern.compile(
            "^(CB|CARTE|PAIEMENT CB|PAIEMENT PAR CARTE|PRLV SEPA|PRLV|PRELEVEMENT|VIR SEPA|VIR|VIREMENT SEPA|VIREMENT"
                    + "|CARD PAYMENT|DIRECT DEBIT|TRANSFER)( |$)");
    private static final Pattern DATE = Pattern.compile("\\b\\d{2} ?[/.] ?\\d{2}([/.]\\d{2,4})?\\b");
    private static final Pattern NUMBER = Pattern.compile("\\b(X+\\d+|\\d{4,}|\\d+)\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private MoneyPayee() {}

    static String of(BankTransaction transaction) {
        if (transaction.counterparty().isPresent()) {
            return SPACES.matcher(transaction.counterparty().get().strip()).replaceAll(" ");
        }
        return cleaned(transaction.label());
    }

    static String cleaned(String label) {
        String name = SPACES.matcher(label.strip()).replaceAll(" ");
        String kindless = KIND.matcher(name).replaceFirst("");
        String plain = SPACES.matcher(NUMBER.matcher(DATE.matcher(kindless).replaceAll(" ")).replaceAll(" ")).replaceAll(" ")
                .strip();
        return plain.isEmpty() ? name : plain;
    }
}
