package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadlines of the GDPR counted by Regulation No 1182/71, art. 3. Every expected date in these tables was worked
 * out by hand from the rules: the same date one (or three) months on, or that month's last day; then, if that day is a
 * Saturday, a Sunday or a public holiday, the next working day.
 */
class DeadlinesTest {
    private static final Deadlines METROPOLITAN = new Deadlines(HolidayRegion.METROPOLITAN_FRANCE);
    private static final Deadlines ALSACE_MOSELLE = new Deadlines(HolidayRegion.ALSACE_MOSELLE);

    @ParameterizedTest(name = "{0}: received {2}, extension {3}, {4} due {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # case                                  | region              | received   | extended on | applies         | due
        31 January, leap year                   | METROPOLITAN_FRANCE | 2024-01-31 | -           | ANSWER          | 2024-02-29
        31 January, non-leap year               | METROPOLITAN_FRANCE | 2025-01-31 | -           | ANSWER          | 2025-02-28
        31 January, 28 February a Saturday      | METROPOLITAN_FRANCE | 2026-01-31 | -           | ANSWER          | 2026-03-02
        29 January, non-leap year               | METROPOLITAN_FRANCE | 2025-01-29 | -           | ANSWER          | 2025-02-28
        29 January, leap year                   | METROPOLITAN_FRANCE | 2024-01-29 | -           | ANSWER          | 2024-02-29
        30 January, leap year                   | METROPOLITAN_FRANCE | 2024-01-30 | -           | ANSWER          | 2024-02-29
        30 January, non-leap year               | METROPOLITAN_FRANCE | 2025-01-30 | -           | ANSWER          | 2025-02-28
        31 March before April                   | METROPOLITAN_FRANCE | 2025-03-31 | -           | ANSWER          | 2025-04-30
        31 May before June                      | METROPOLITAN_FRANCE | 2025-05-31 | -           | ANSWER          | 2025-06-30
        31 August before September              | METROPOLITAN_FRANCE | 2025-08-31 | -           | ANSWER          | 2025-09-30
        on Easter Monday                        | METROPOLITAN_FRANCE | 2026-03-06 | -           | ANSWER          | 2026-04-07
        on Easter Sunday, then Easter Monday    | METROPOLITAN_FRANCE | 2027-02-28 | -           | ANSWER          | 2027-03-30
        on 1 May, a Friday                      | METROPOLITAN_FRANCE | 2026-04-01 | -           | ANSWER          | 2026-05-04
        on 8 May, a Friday                      | METROPOLITAN_FRANCE | 2026-04-08 | -           | ANSWER          | 2026-05-11
        on Ascension Thursday                   | METROPOLITAN_FRANCE | 2026-04-14 | -           | ANSWER          | 2026-05-15
        on Whit Monday                          | METROPOLITAN_FRANCE | 2026-04-25 | -           | ANSWER          | 2026-05-26
        on 14 July, a Sunday                    | METROPOLITAN_FRANCE | 2024-06-14 | -           | ANSWER          | 2024-07-15
        on 14 July, a Saturday                  | METROPOLITAN_FRANCE | 2029-06-14 | -           | ANSWER          | 2029-07-16
        on 15 August, a Saturday                | METROPOLITAN_FRANCE | 2026-07-15 | -           | ANSWER          | 2026-08-17
        on 1 November, a Sunday                 | METROPOLITAN_FRANCE | 2026-10-01 | -           | ANSWER          | 2026-11-02
        on 11 November, a Wednesday             | METROPOLITAN_FRANCE | 2026-10-11 | -           | ANSWER          | 2026-11-12
        across the year's end, on 1 January     | METROPOLITAN_FRANCE | 2025-12-01 | -           | ANSWER          | 2026-01-02
        on Christmas, a Friday                  | METROPOLITAN_FRANCE | 2026-11-25 | -           | ANSWER          | 2026-12-28
        on 26 December, most of France          | METROPOLITAN_FRANCE | 2025-11-26 | -           | ANSWER          | 2025-12-26
        on 26 December, Alsace-Moselle          | ALSACE_MOSELLE      | 2025-11-26 | -           | ANSWER          | 2025-12-29
        on Good Friday, most of France          | METROPOLITAN_FRANCE | 2026-03-03 | -           | ANSWER          | 2026-04-03
        on Good Friday, Alsace-Moselle          | ALSACE_MOSELLE      | 2026-03-03 | -           | ANSWER          | 2026-04-07
        31 October, not extended                | METROPOLITAN_FRANCE | 2025-10-31 | -           | ANSWER          | 2025-12-01
        31 October extended, across the year    | METROPOLITAN_FRANCE | 2025-10-31 | 2025-11-20  | EXTENDED_ANSWER | 2026-02-02
        30 November extended, leap year         | METROPOLITAN_FRANCE | 2023-11-30 | 2023-12-15  | EXTENDED_ANSWER | 2024-02-29
        30 November extended, Saturday          | METROPOLITAN_FRANCE | 2025-11-30 | 2025-12-15  | EXTENDED_ANSWER | 2026-03-02
        15 October extended, across the year    | METROPOLITAN_FRANCE | 2025-10-15 | 2025-11-14  | EXTENDED_ANSWER | 2026-01-15
        extended on the month's last day        | METROPOLITAN_FRANCE | 2026-03-02 | 2026-04-02  | EXTENDED_ANSWER | 2026-06-02
        extended a day late                     | METROPOLITAN_FRANCE | 2026-03-02 | 2026-04-03  | ANSWER          | 2026-04-02
        extended on the Sunday before the end   | METROPOLITAN_FRANCE | 2026-01-31 | 2026-03-01  | EXTENDED_ANSWER | 2026-04-30
        extended to 26 December, most of France | METROPOLITAN_FRANCE | 2025-09-26 | 2025-10-10  | EXTENDED_ANSWER | 2025-12-26
        extended to 26 December, Alsace-Moselle | ALSACE_MOSELLE      | 2025-09-26 | 2025-10-10  | EXTENDED_ANSWER | 2025-12-29
        """)
    void theDeadlineThatAppliesFallsOnTheDayTheRulesGive(String name, HolidayRegion region, LocalDate received,
            LocalDate extendedOn, DeadlineKind applies, LocalDate due) {
        RequestDates dates = RequestDates.received(received);
        if (extendedOn != null) {
            dates = dates.withExtensionNotifiedOn(extendedOn);
        }

        DeadlineStatus status = new Deadlines(region).status(dates, dates.extensionNotifiedOn().orElse(received));

        assertThat(status.kind()).isEqualTo(applies);
        assertThat(status.date()).isEqualTo(due);
    }

    @Test
    void theRefusalDeadlineStaysOneMonthFromReceiptWhateverTheExtension() {
        RequestDates extended = RequestDates.received(LocalDate.of(2026, 3, 2))
                .withExtensionNotifiedOn(LocalDate.of(2026, 3, 20));

        assertThat(METROPOLITAN.extendedAnswer(extended).orElseThrow().date()).isEqualTo(LocalDate.of(2026, 6, 2));
        assertThat(METROPOLITAN.refusal(extended).orElseThrow().date()).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(METROPOLITAN.refusal(extended).orElseThrow().kind()).isEqualTo(DeadlineKind.REFUSAL);
    }

    @Test
    void aLateExtensionGivesNoExtendedDeadline() {
        RequestDates late = RequestDates.received(LocalDate.of(2026, 3, 2))
                .withExtensionNotifiedOn(LocalDate.of(2026, 4, 3));

        assertThat(METROPOLITAN.extendedAnswer(late)).isEmpty();
        assertThat(METROPOLITAN.answer(late).orElseThrow().date()).isEqualTo(LocalDate.of(2026, 4, 2));
    }

    @Test
    void theDaysTheClockStoodStillForIdentificationAreAddedBeforeAWeekendMovesTheEnd() {
        // Month's end 2 April 2026; stood still 5 to 15 March, 10 days: Sunday 12 April, so Monday 13 April.
        RequestDates identified = RequestDates.received(LocalDate.of(2026, 3, 2))
                .withIdentificationAskedOn(LocalDate.of(2026, 3, 5))
                .withIdentificationGivenOn(LocalDate.of(2026, 3, 15));

        assertThat(METROPOLITAN.answer(identified).orElseThrow().date()).isEqualTo(LocalDate.of(2026, 4, 13));
        assertThat(METROPOLITAN.refusal(identified).orElseThrow().date()).isEqualTo(LocalDate.of(2026, 4, 13));
        // An extension notified on 10 April is within the month so lengthened: 2 June plus 10 days, Friday 12 June.
        assertThat(METROPOLITAN.extendedAnswer(identified.withExtensionNotifiedOn(LocalDate.of(2026, 4, 10)))
                .orElseThrow().date()).isEqualTo(LocalDate.of(2026, 6, 12));
    }

    @Test
    void whileTheOrganizationAwaitsIdentificationTheClockStandsStill() {
        RequestDates awaiting = RequestDates.received(LocalDate.of(2026, 3, 2))
                .withIdentificationAskedOn(LocalDate.of(2026, 3, 5));

        assertThat(METROPOLITAN.answer(awaiting)).isEmpty();
        assertThat(METROPOLITAN.refusal(awaiting)).isEmpty();
        assertThat(METROPOLITAN.extendedAnswer(awaiting.withExtensionNotifiedOn(LocalDate.of(2026, 3, 6)))).isEmpty();
        // On 20 March the clock has stood still 15 days: given that day, 2 April becomes Friday 17 April.
        DeadlineStatus status = METROPOLITAN.status(awaiting, LocalDate.of(2026, 3, 20));
        assertThat(status.kind()).isEqualTo(DeadlineKind.IDENTIFICATION_AWAITED);
        assertThat(status.date()).isEqualTo(LocalDate.of(2026, 4, 17));
        assertThat(status.daysLeft()).isEqualTo(28);
        assertThat(status.overdue()).isFalse();
    }

    @Test
    void identificationAskedAfterTheMonthHasEndedStopsNothing() {
        RequestDates late = RequestDates.received(LocalDate.of(2026, 3, 2))
                .withIdentificationAskedOn(LocalDate.of(2026, 4, 10));

        DeadlineStatus status = METROPOLITAN.status(late, LocalDate.of(2026, 4, 15));

        assertThat(status.kind()).isEqualTo(DeadlineKind.ANSWER);
        assertThat(status.date()).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(status.daysLeft()).isEqualTo(-13);
        assertThat(status.overdue()).isTrue();
        assertThat(METROPOLITAN.answer(late.withIdentificationGivenOn(LocalDate.of(2026, 4, 12))).orElseThrow()
                .date()).isEqualTo(LocalDate.of(2026, 4, 2));
    }

    @ParameterizedTest(name = "complaint lodged {0}: news due {1}")
    @CsvSource(delimiter = '|', textBlock = """
        # lodged   | news due
        2026-01-15 | 2026-04-15
        2026-01-06 | 2026-04-07
        2025-11-30 | 2026-03-02
        """)
    void theAuthorityOwesNewsOfAComplaintWithinThreeMonthsOfLodging(LocalDate lodged, LocalDate due) {
        RequestDates complained = RequestDates.received(LocalDate.of(2025, 9, 1)).withComplaintLodgedOn(lodged);

        assertThat(METROPOLITAN.authorityProgress(complained).orElseThrow().date()).isEqualTo(due);
        DeadlineStatus status = METROPOLITAN.status(complained, lodged);
        assertThat(status.kind()).isEqualTo(DeadlineKind.AUTHORITY_PROGRESS);
        assertThat(status.date()).isEqualTo(due);
        assertThat(METROPOLITAN.authorityProgress(RequestDates.received(lodged))).isEmpty();
    }

    @ParameterizedTest(name = "{0} sent {2} in {1}: received {3}")
    @CsvSource(delimiter = '|', textBlock = """
        # channel | region              | sent on    | estimated receipt
        EMAIL     | METROPOLITAN_FRANCE | 2026-04-24 | 2026-04-24
        WEB_FORM  | METROPOLITAN_FRANCE | 2026-04-25 | 2026-04-25
        FAX       | METROPOLITAN_FRANCE | 2026-04-24 | 2026-04-24
        LETTER    | METROPOLITAN_FRANCE | 2026-04-24 | 2026-04-29
        LETTER    | METROPOLITAN_FRANCE | 2026-04-02 | 2026-04-08
        LETTER    | ALSACE_MOSELLE      | 2026-04-02 | 2026-04-09
        """)
    void withoutProofTheReceiptIsEstimatedByTheChannel(Organization.Channel channel, HolidayRegion region,
            LocalDate sentOn, LocalDate estimated) {
        assertThat(new Deadlines(region).estimatedReceipt(channel, sentOn).date()).isEqualTo(estimated);
    }

    @Test
    void aPeriodInMonthsEndsOnTheSameDateOrTheMonthsLastDayThenTheNextWorkingDay() {
        assertThat(METROPOLITAN.periodEnd(LocalDate.of(2026, 1, 31), 1)).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(ALSACE_MOSELLE.periodEnd(LocalDate.of(2026, 3, 3), 1)).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(METROPOLITAN.periodEnd(LocalDate.of(2026, 3, 3), 12)).isEqualTo(LocalDate.of(2027, 3, 3));
        assertThat(METROPOLITAN.answer(RequestDates.received(LocalDate.of(2026, 3, 3))).orElseThrow().date())
                .isEqualTo(LocalDate.of(2026, 4, 3));
    }
}
