package org.selfdata.rights;

import org.selfdata.texts.Wording;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The deadlines of a rights request, counted as the law counts them, for a person in one region of France.
 *
 * <p>Periods follow Regulation (EEC, Euratom) No 1182/71, art. 3: the day of the event is not counted (3(1)); a period
 * in months ends on the day of the last month with the event's date, or on that month's last day when it has none
 * (3(2)(c)); a period that ends on a Saturday, a Sunday or a public holiday ends at the end of the next working day
 * (3(4)). Art. 3(5), two working days in any period of two days or more, never bites on a period in months.
 *
 * <p>When the organization asks for information to identify the person (art. 12(6)), the clock stands still from the
 * day it asks to the day it has the answer. This is how the EDPB reads the GDPR in its Guidelines 01/2022 on data
 * subject rights - right of access (version 2.1, section 5.3 on timing, paragraph 159): where the controller must ask
 * the person for what it needs to identify them, the time limit may be suspended until it has obtained it, provided
 * it asked without undue delay. selfdata holds the organization to that condition by the month itself: a request for
 * identification made after the month has ended stops nothing. The days stood still are added to the period's end
 * before a weekend or a public holiday moves it, and the first month within which an extension must be notified is
 * lengthened by them too.
 */
public final class Deadlines {
    /**
     * The working days selfdata allows a registered letter to reach an organization when the person has no
     * acknowledgement of receipt yet. La Poste delivers most registered letters in two or three working days within
     * metropolitan France; the longer figure keeps the estimate from running ahead of the real receipt, which would
     * make a deadline look missed before it is.
     */
    static final int LETTER_WORKING_DAYS = 3;

    private final HolidayCalendar calendar;

    public Deadlines(HolidayCalendar calendar) {
        this.calendar = requireNonNull(calendar, "calendar is null");
    }

    public Deadlines(HolidayRegion region) {
        this(new HolidayCalendar(region));
    }

    /** The last day of a period of months that runs from an event, by art. 3 of Regulation No 1182/71. */
    public LocalDate periodEnd(LocalDate event, int months) {
        if (months < 1) {
            throw new IllegalArgumentException("a period counts at least one month: " + months);
        }
        return nextWorkingDayFrom(requireNonNull(event, "event is null").plusMonths(months));
    }

    /**
     * The answer deadline (art. 12(3)): one month from receipt, longer by the days the clock stood still for
     * identification. Empty while the organization still awaits the identification it asked for in time: the clock
     * is stopped and no day is due.
     */
    public Optional<Deadline> answer(RequestDates dates) {
        return stoppedDays(dates).map(stopped -> oneMonth(DeadlineKind.ANSWER, dates, stopped,
                "rights.deadline.reason.oneMonth"));
    }

    /**
     * The extended answer deadline (art. 12(3)): three months from receipt, when the organization told the person of
     * the extension, with its reasons, by the last day of the first month. An extension notified later does not move
     * the deadline; {@link #status} says so.
     */
    public Optional<Deadline> extendedAnswer(RequestDates dates) {
        return answer(dates).filter(answer -> extendedInTime(dates, answer)).map(answer -> {
            long stopped = stoppedDays(dates).orElseThrow();
            List<Wording> reasons = received(dates);
            reasons.add(Wording.of("rights.deadline.reason.extended",
                    DayWording.of(dates.extensionNotifiedOn().orElseThrow())));
            addStop(reasons, dates, stopped);
            return count(DeadlineKind.EXTENDED_ANSWER, dates.receivedOn(), 3, stopped, reasons);
        });
    }

    /**
     * The refusal deadline (art. 12(4)): an organization that will not act says so, with its reasons and the person's
     * remedies, without delay and at the latest within one month of receipt. An extension does not move it.
     */
    public Optional<Deadline> refusal(RequestDates dates) {
        return stoppedDays(dates).map(stopped -> oneMonth(DeadlineKind.REFUSAL, dates, stopped,
                "rights.deadline.reason.refusal"));
    }

    /**
     * The supervisory authority's deadline to tell the complainant how the complaint is progressing or its outcome:
     * three months from lodging (art. 78(2)), after which the person may go to court.
     */
    public Optional<Deadline> authorityProgress(RequestDates dates) {
        return dates.complaintLodgedOn().map(lodged -> {
            List<Wording> reasons = new ArrayList<>();
            reasons.add(Wording.of("rights.deadline.reason.authority", DayWording.of(lodged)));
            return count(DeadlineKind.AUTHORITY_PROGRESS, lodged, 3, 0, reasons);
        });
    }

    /**
     * The day an organization received a request sent on a day, when the person has no proof of it: an e-mail, a fax
     * or a web form arrives the day it is sent; a registered letter is taken to arrive {@value #LETTER_WORKING_DAYS}
     * working days after posting, until the person enters the date on the acknowledgement of receipt.
     */
    public EstimatedReceipt estimatedReceipt(Organization.Channel channel, LocalDate sentOn) {
        requireNonNull(channel, "channel is null");
        requireNonNull(sentOn, "sentOn is null");
        return switch (channel) {
            case EMAIL, FAX, WEB_FORM -> new EstimatedReceipt(sentOn, Wording.of("rights.receipt.sameDay"));
            case LETTER -> new EstimatedReceipt(workingDaysAfter(sentOn, LETTER_WORKING_DAYS),
                    Wording.of("rights.receipt.letter", LETTER_WORKING_DAYS));
        };
    }

    /**
     * The deadline that applies to a request today: the authority's once a complaint is lodged; while the
     * organization awaits identification, the answer's as it would fall were the information given today; the
     * extended answer's when the extension came in time; the answer's otherwise.
     *
     * @throws org.selfdata.model.SelfdataException with {@code INVALID_ARGUMENT} when one of the dates is after today
     */
    public DeadlineStatus status(RequestDates dates, LocalDate today) {
        requireNonNull(today, "today is null");
        dates.happenedBy(today);
        Optional<Deadline> authority = authorityProgress(dates);
        if (authority.isPresent()) {
            return DeadlineStatus.of(authority.get(), today);
        }
        Optional<Deadline> answer = answer(dates);
        if (answer.isEmpty()) {
            return DeadlineStatus.of(awaitingIdentification(dates, today), today);
        }
        Optional<Deadline> extended = extendedAnswer(dates);
        if (extended.isPresent()) {
            return DeadlineStatus.of(extended.get(), today);
        }
        return DeadlineStatus.of(withLateExtension(answer.get(), dates), today);
    }

    private Deadline oneMonth(DeadlineKind kind, RequestDates dates, long stopped, String basis) {
        List<Wording> reasons = received(dates);
        reasons.add(Wording.of(basis));
        addStop(reasons, dates, stopped);
        return count(kind, dates.receivedOn(), 1, stopped, reasons);
    }

    private Deadline awaitingIdentification(RequestDates dates, LocalDate today) {
        LocalDate asked = dates.identificationAskedOn().orElseThrow();
        List<Wording> reasons = received(dates);
        reasons.add(Wording.of("rights.deadline.reason.oneMonth"));
        reasons.add(Wording.of("rights.deadline.reason.identificationAwaited", DayWording.of(asked)));
        return count(DeadlineKind.IDENTIFICATION_AWAITED, dates.receivedOn(), 1,
                ChronoUnit.DAYS.between(asked, today), reasons);
    }

    private static Deadline withLateExtension(Deadline answer, RequestDates dates) {
        if (dates.extensionNotifiedOn().isEmpty()) {
            return answer;
        }
        List<Wording> reasons = new ArrayList<>(answer.reasons());
        reasons.add(Wording.of("rights.deadline.reason.extensionLate",
                DayWording.of(dates.extensionNotifiedOn().get()), DayWording.of(answer.date())));
        return new Deadline(answer.kind(), answer.date(), reasons);
    }

    private static boolean extendedInTime(RequestDates dates, Deadline answer) {
        return dates.extensionNotifiedOn().filter(notified -> !notified.isAfter(answer.date())).isPresent();
    }

    /** The days the clock stood still for identification: none when not asked in time, empty while it stands still. */
    private Optional<Long> stoppedDays(RequestDates dates) {
        Optional<LocalDate> asked = dates.identificationAskedOn();
        if (asked.isEmpty() || asked.get().isAfter(periodEnd(dates.receivedOn(), 1))) {
            return Optional.of(0L);
        }
        return dates.identificationGivenOn().map(given -> ChronoUnit.DAYS.between(asked.get(), given));
    }

    private void addStop(List<Wording> reasons, RequestDates dates, long stopped) {
        Optional<LocalDate> asked = dates.identificationAskedOn();
        if (asked.isEmpty()) {
            return;
        }
        LocalDate monthEnd = periodEnd(dates.receivedOn(), 1);
        if (asked.get().isAfter(monthEnd)) {
            reasons.add(Wording.of("rights.deadline.reason.identificationLate", DayWording.of(asked.get()),
                    DayWording.of(monthEnd)));
            return;
        }
        reasons.add(Wording.of("rights.deadline.reason.identificationStopped", DayWording.of(asked.get()),
                DayWording.of(dates.identificationGivenOn().orElseThrow()), stopped));
    }

    private static List<Wording> received(RequestDates dates) {
        List<Wording> reasons = new ArrayList<>();
        reasons.add(Wording.of("rights.deadline.reason.received", DayWording.of(dates.receivedOn())));
        return reasons;
    }

    /** Art. 3 of Regulation No 1182/71, with the days the clock stood still added before art. 3(4) moves the end. */
    private Deadline count(DeadlineKind kind, LocalDate event, int months, long stoppedDays, List<Wording> reasons) {
        requireNonNull(event, "event is null");
        LocalDate sameDate = event.plusMonths(months);
        if (sameDate.getDayOfMonth() != event.getDayOfMonth()) {
            reasons.add(Wording.of("rights.deadline.reason.lastDayOfMonth", event.getDayOfMonth()));
        }
        LocalDate nominal = sameDate.plusDays(stoppedDays);
        LocalDate end = nextWorkingDayFrom(nominal);
        if (!end.equals(nominal)) {
            reasons.add(moved(nominal, end));
        }
        return new Deadline(kind, end, reasons);
    }

    private Wording moved(LocalDate nominal, LocalDate end) {
        return calendar.holiday(nominal)
                .map(holiday -> Wording.of("rights.deadline.reason.movedHoliday", DayWording.of(nominal),
                        holiday.wording(), DayWording.of(end)))
                .orElseGet(() -> Wording.of("rights.deadline.reason.movedWeekend", DayWording.of(nominal),
                        DayWording.of(end)));
    }

    private LocalDate nextWorkingDayFrom(LocalDate day) {
        LocalDate end = day;
        while (!calendar.isWorkingDay(end)) {
            end = end.plusDays(1);
        }
        return end;
    }

    private LocalDate workingDaysAfter(LocalDate day, int workingDays) {
        LocalDate end = day;
        for (int counted = 0; counted < workingDays; counted++) {
            end = nextWorkingDayFrom(end.plusDays(1));
        }
        return end;
    }
}
