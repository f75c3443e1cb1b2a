package org.selfdata.services;

import org.selfdata.gate.Amounts;
import org.selfdata.gate.Times;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.CalendarEvent;
import org.selfdata.model.Contact;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.Precision;
import org.selfdata.model.TimePrecision;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Bank lines, calendar events and contacts as a recipient given some precision and free-text fields would receive
 * them, for the conclusions drawn from them ({@link RevealMoney}, {@link RevealAgenda}): amounts reduced as the gate
 * reduces them, days and times truncated in the person's zone, and free text (a label, a payee, an event's title, a
 * contact's organization) left empty unless the grant names the field.
 *
 * <p>Amounts are read as {@link Amounts#asReceived} says: a band as its lower bound with its sign, the most a recipient
 * can say of one line; without amounts at all, no line is money in or money out.
 */
final class RevealAsReceived {
    private final Precision precision;
    private final Set<String> fields;
    private final Times times;

    RevealAsReceived(Precision precision, Set<String> fields, ZoneId zone) {
        this.precision = requireNonNull(precision, "precision is null");
        this.fields = Set.copyOf(fields);
        this.times = new Times(precision.time(), requireNonNull(zone, "zone is null"));
    }

    BankTransaction transaction(BankTransaction line) {
        return new BankTransaction(line.account(), day(line.bookingDate()), Optional.empty(),
                Amounts.asReceived(precision.amount(), line.amount()), line.currency(), named("label") ? line.label() : "",
                line.counterparty().filter(text -> named("counterparty")), Optional.empty(), Optional.empty(), line.kind(),
                line.bankCategory().filter(text -> named("bankCategory")));
    }

    /**
     * The event as received, or none when the precision no longer tells its weekday (a week or a month): every event
     * would seem to fall on the first day of its week or month, a rhythm the person does not have. Below the hour, an
     * event with hours is received as one of its day only.
     */
    Optional<CalendarEvent> event(CalendarEvent event) {
        if (precision.time() == TimePrecision.WEEK || precision.time() == TimePrecision.MONTH) {
            return Optional.empty();
        }
        return Optional.of(new CalendarEvent(event.uid(), named("summary") ? event.summary() : "", Optional.empty(),
                event.location().filter(text -> named("location") && precision.location() == LocationPrecision.EXACT),
                event.allDay() || !tellsHours(), Optional.empty(),
                Optional.empty(), event.status(), Optional.empty(), List.of()));
    }

    Contact contact(Contact contact) {
        return new Contact(named("displayName") ? contact.displayName() : "", Optional.empty(), Optional.empty(),
                contact.organization().filter(text -> named("organization")), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    Instant time(Instant instant) {
        return times.floor(instant);
    }

    private boolean named(String field) {
        return fields.contains(field);
    }

    private LocalDate day(LocalDate day) {
        return switch (precision.time()) {
            case EXACT, HOUR, DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** Whether this precision still tells the hour of an event. */
    private boolean tellsHours() {
        return precision.time() == TimePrecision.EXACT || precision.time() == TimePrecision.HOUR;
    }
}
