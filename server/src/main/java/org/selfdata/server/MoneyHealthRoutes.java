package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.RecordId;
import org.selfdata.services.Health;
import org.selfdata.services.HealthAct;
import org.selfdata.services.HealthInsurer;
import org.selfdata.services.HealthReport;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultStatus;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /api/v1/money/health}: the owner's payments for care over whole months, each with what the national health
 * insurance and the mutual insurance paid back, what remained and what is still awaited and for how long, and the
 * mutual's premiums over a year against what it paid; with the period parameters of {@code GET /api/v1/money}.
 */
final class MoneyHealthRoutes implements HttpService {
    private static final List<String> PARAMETERS = List.of("from", "to");

    private final Vault vault;
    private final Health health;
    private final Clock clock;

    record UsualJson(String insurer, int days, boolean fromHistory, int from) {}

    record ShareJson(String id, String explore, String day, String payee, BigDecimal amount, BigDecimal creditAmount,
            int acts, int days) {}

    record WaitingJson(List<String> from, int days, boolean longerThanUsual, boolean givenUp) {}

    record ActJson(String id, String explore, String day, String payee, String kind, boolean usuallyPaidDirectly,
            BigDecimal paid, Optional<ShareJson> national, Optional<ShareJson> mutual, BigDecimal remaining, String status,
            Optional<WaitingJson> waiting, Optional<String> confidence) {}

    record CreditJson(String id, String explore, String day, String payee, String insurer, BigDecimal amount) {}

    record TotalsJson(int acts, BigDecimal paid, BigDecimal national, BigDecimal mutual, BigDecimal remaining, int waiting,
            int longerThanUsual) {}

    record PremiumJson(String payee, int payments, BigDecimal typical, BigDecimal total, List<CreditJson> lines) {}

    record PremiumsJson(String from, String to, List<PremiumJson> payees, BigDecimal paid, BigDecimal reimbursed,
            List<CreditJson> reimbursements) {}

    record HealthJson(String from, String to, Optional<String> since, String asOf, boolean enoughHistory, int enoughDays,
            int windowDays, boolean mutualSeen, List<UsualJson> usual, List<ActJson> acts, List<CreditJson> unmatched,
            TotalsJson totals, PremiumsJson premiums) {}

    MoneyHealthRoutes(Vault vault, Health health, Clock clock) {
        this.vault = requireNonNull(vault, "vault is null");
        this.health = requireNonNull(health, "health is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/money/health", this::health);
    }

    private void health(Context ctx) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), PARAMETERS);
        VaultStatus status = vault.status(OwnerGuard.signedIn(ctx).person());
        HealthReport report = health.report(status.person(), MonthsAsked.period(parameters, status, clock));
        HealthReport.Totals totals = report.totals();
        HealthReport.Premiums premiums = report.premiums();
        ctx.json(new HealthJson(report.period().from().toString(), report.period().to().toString(),
                report.since().map(LocalDate::toString), report.asOf().toString(), report.enoughHistory(),
                Health.ENOUGH_DAYS, Health.WINDOW_DAYS, report.mutualSeen(),
                report.usual().stream().map(usual -> new UsualJson(usual.insurer().term(), usual.days(), usual.fromHistory(),
                        usual.from())).toList(),
                report.acts().stream().map(MoneyHealthRoutes::act).toList(),
                report.unmatched().stream().map(MoneyHealthRoutes::credit).toList(),
                new TotalsJson(totals.acts(), totals.paid(), totals.national(), totals.mutual(), totals.remaining(),
                        totals.waiting(), totals.longerThanUsual()),
                new PremiumsJson(premiums.from().toString(), premiums.to().toString(), premiums.payees().stream()
                        .map(premium -> new PremiumJson(premium.payee(), premium.payments(), premium.typical(), premium.total(),
                                premium.debits().stream().map(MoneyHealthRoutes::credit).toList())).toList(),
                        premiums.paid(), premiums.reimbursed(), premiums.reimbursements().stream().map(MoneyHealthRoutes::credit)
                        .toList())));
    }

    private static ActJson act(HealthAct act) {
        return new ActJson(act.id().token(), explore(act.id()), act.day().toString(), act.payee(), act.kind().term(),
                act.kind().usuallyPaidDirectly(), act.paid(), act.national().map(MoneyHealthRoutes::share),
                act.mutual().map(MoneyHealthRoutes::share), act.remaining(), act.status().term(),
                act.waiting().map(waiting -> new WaitingJson(waiting.from().stream().map(HealthInsurer::term).toList(),
                        waiting.days(), waiting.longerThanUsual(), waiting.givenUp())),
                act.confidence().map(HealthAct.Confidence::term));
    }

    private static ShareJson share(HealthAct.Share share) {
        return new ShareJson(share.credit().token(), explore(share.credit()), share.day().toString(), share.payee(),
                share.amount(), share.creditAmount(), share.acts(), share.days());
    }

    private static CreditJson credit(HealthReport.Credit credit) {
        return new CreditJson(credit.id().token(), explore(credit.id()), credit.day().toString(), credit.payee(),
                credit.insurer().term(), credit.amount());
    }

    private static String explore(RecordId id) {
        return "/explore?record=" + id.token();
    }
}
