package org.selfdata.server;

import org.selfdata.model.RecordType;
import org.selfdata.services.MoneyPeriod;
import org.selfdata.vault.VaultStatus;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The whole months a money route is asked about with {@code from} and {@code to}: both, twelve months from
 * {@code from}, or the twelve months that end with {@code to} or, without it, with the latest bank line held (the
 * clock's month when there is none), so that a person who stopped importing still sees their last year.
 */
final class MonthsAsked {
    private MonthsAsked() {}

    static MoneyPeriod period(QueryParameters parameters, VaultStatus status, Clock clock) {
        Optional<YearMonth> from = parameters.month("from");
        Optional<YearMonth> to = parameters.month("to");
        if (from.isPresent() && to.isPresent()) {
            return new MoneyPeriod(from.get(), to.get());
        }
        if (from.isPresent()) {
            return new MoneyPeriod(from.get(), from.get().plusMonths(11));
        }
        return MoneyPeriod.yearEndingWith(to.orElseGet(() -> latestMonth(status, clock)));
    }

    private static YearMonth latestMonth(VaultStatus status, Clock clock) {
        return Optional.ofNullable(status.byType().get(RecordType.BANK_TRANSACTION))
                .flatMap(VaultStatus.Totals::span)
                .map(span -> YearMonth.from(span.end().minusMillis(1).atZone(status.person().zone())))
                .orElseGet(() -> YearMonth.now(clock.withZone(status.person().zone())));
    }
}
