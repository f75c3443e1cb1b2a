package org.selfdata.services;

import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.CorrectedRecurring;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.RecurringCorrection;
import org.selfdata.model.RecurringVerdict;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.texts.Wording;
import org.selfdata.vault.RecurringCorrections;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The recurring payments and subscriptions, and the regular income, found in a person's bank lines as the gate gives
 * them to their owner: each payee's lines, named as {@link MoneyPayee} cleans them, in one currency and one direction,
 * that come back weekly, monthly, quarterly or yearly. Transfers between the person's own accounts are left out.
 *
 * <p>What the person said of the flows found ({@link #correct}) applies to the flows as of the latest line: a flow
 * confirmed is sure, one said ended is ended and leaves the forecast, one said not to come back is set apart in
 * {@link RecurringFlows#dismissed()}. Flows found as of an earlier day, as a forecast checked against the past finds
 * them, are as the lines alone showed them then: what the person says now is of now.
 */
public final class Recurring {
    private final Gate gate;
    private final Clock clock;
    private final Optional<RecurringCorrections> corrections;

    /**
     * Flows as the lines alone show them, nothing the person said applied: for the tools that measure the detection.
     *
     * @param clock gives the day the flows are as of when the person has no bank line at all
     */
    public Recurring(Gate gate, Clock clock) {
        this.gate = requireNonNull(gate, "gate is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.corrections = Optional.empty();
    }

    /** Flows with what the person said of them, kept in {@code corrections}. */
    public Recurring(Gate gate, Clock clock, RecurringCorrections corrections) {
        this.gate = requireNonNull(gate, "gate is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.corrections = Optional.of(requireNonNull(corrections, "corrections is null"));
    }

    /**
     * Keeps what the person says of one of their flows, told by its {@link RecurringFlow#key()}: that it comes back
     * (confirmed), that it ended, that it does not come back, each with their own name for it or none, or takes back
     * what they said. A verdict is given only of a flow found now in their lines, or set apart as not recurring; taking
     * back is refused only when nothing holds.
     */
    public CorrectedRecurring correct(Person person, String key, RecurringVerdict verdict, Optional<String> name) {
        RecurringCorrections store = corrections.orElseThrow(() -> new IllegalStateException("no corrections are kept"));
        new RecurringCorrection(key, verdict, name, Instant.EPOCH);
        if (verdict != RecurringVerdict.WITHDRAWN) {
            RecurringFlows found = flows(person);
            if (Stream.concat(found.flows().stream(), found.dismissed().stream()).noneMatch(flow -> flow.key().equals(key))) {
                throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("money.correction.unknown"));
            }
        }
        return store.correct(person.id(), key, verdict, name);
    }

    /** As of the latest line held. */
    public RecurringFlows flows(Person person) {
        return flows(person, Optional.empty());
    }

    /**
     * @param asOf read only the lines booked up to that day, as if the statements ended then, which lets a forecast be
     *        checked against what came after
     */
    public RecurringFlows flows(Person person, Optional<LocalDate> asOf) {
        List<RecordId> ids = new ArrayList<>();
        List<MoneyLine> lines = new ArrayList<>();
        RecordQuery query = RecordQuery.ofType(RecordType.BANK_TRANSACTION);
        try (Stream<StoredRecord> records = gate.records(new Accessor.Owner(person.id()), query)) {
            records.forEach(record -> {
                if (record.payload() instanceof BankTransaction transaction && transaction.amount().signum() != 0
                        && asOf.map(last -> !transaction.bookingDate().isAfter(last)).orElse(true)) {
                    ids.add(record.id());
                    lines.add(MoneyLine.of(transaction));
                }
            });
        }
        return flows(person, ids, lines, asOf);
    }

    /**
     * The flows in lines already read, such as a forecast's, so that they are not read through the gate again.
     *
     * @param ids each line's record, at the same index
     * @param lines the bank lines with an amount, booked up to {@code asOf} when it is given
     */
    RecurringFlows flows(Person person, List<RecordId> ids, List<MoneyLine> lines, Optional<LocalDate> asOf) {
        Optional<LocalDate> since = lines.stream().map(MoneyLine::day).min(Comparator.naturalOrder());
        LocalDate day = asOf.or(() -> lines.stream().map(MoneyLine::day).max(Comparator.naturalOrder()))
                .orElseGet(() -> LocalDate.now(clock.withZone(person.zone())));
        Set<Integer> ownTransfers = MoneyLine.ownTransfers(lines);
        Map<List<Object>, List<RecurringFlow.Occurrence>> groups = new LinkedHashMap<>();
        for (int index = 0; index < lines.size(); index++) {
            MoneyLine line = lines.get(index);
            if (!ownTransfers.contains(index)) {
                List<Object> key = List.of(line.payee(), line.currency(), line.amount().signum() > 0);
                groups.computeIfAbsent(key, payee -> new ArrayList<>())
                        .add(new RecurringFlow.Occurrence(ids.get(index), line.day(), line.amount().abs()));
            }
        }
        List<RecurringFlow> flows = new ArrayList<>();
        List<RecurringFlows.Unsure> unsure = new ArrayList<>();
        groups.forEach((key, group) -> new RecurringDetection((String) key.get(0), (String) key.get(1), (Boolean) key.get(2),
                group).into(day, flows, unsure));
        unsure.sort(Comparator.comparing(RecurringFlows.Unsure::payee));
        List<RecurringCorrection> said = asOf.isEmpty() ? corrections.map(store -> store.current(person.id())).orElse(List.of())
                : List.of();
        return corrected(new RecurringFlows(since, day, flows, unsure), said);
    }

    /** The flows with the corrections that hold applied, sorted: ended last, spending before income, larger first. */
    static RecurringFlows corrected(RecurringFlows found, List<RecurringCorrection> said) {
        Map<String, RecurringCorrection> byKey = said.stream()
                .collect(Collectors.toMap(RecurringCorrection::key, Function.identity(), (first, second) -> second));
        List<RecurringFlow> flows = new ArrayList<>();
        List<RecurringFlow> dismissed = new ArrayList<>();
        for (RecurringFlow flow : found.flows()) {
            RecurringCorrection correction = byKey.get(flow.key());
            if (correction == null) {
                flows.add(flow);
            }
            else {
                (correction.verdict() == RecurringVerdict.NOT_RECURRING ? dismissed : flows).add(flow.correctedBy(correction));
            }
        }
        Comparator<RecurringFlow> order = Comparator.comparing(RecurringFlow::status).thenComparing(RecurringFlow::income)
                .thenComparing(RecurringFlow::typical, Comparator.reverseOrder()).thenComparing(RecurringFlow::payee);
        flows.sort(order);
        dismissed.sort(order);
        return new RecurringFlows(found.since(), found.asOf(), flows, found.unsure(), dismissed);
    }
}
