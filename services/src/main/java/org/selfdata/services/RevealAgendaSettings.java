package org.selfdata.services;

/**
 * Every parameter of what selfdata works out from a person's calendar and address book, in one place.
 *
 * <p>The rhythm of the week is counted from the events that have hours (all-day events have none); a regular appointment
 * is an event title recurring in several distinct weeks, usually a week or a month apart, as a weekly sport session or
 * a monthly doctor's appointment does.
 *
 * @param minimumWeeks the distinct weeks with events needed to tell the rhythm of the week, and the distinct weeks an
 *     event must recur in to be a regular appointment (4)
 * @param weeklyInterval the longest usual interval between two occurrences (their median, in days) of an appointment
 *     said to be weekly (10 days)
 * @param longestInterval the longest usual interval of a regular appointment, said to be monthly beyond
 *     {@code weeklyInterval} (35 days: a month, and a few days' leeway)
 * @param hoursShare the share of events whose start times make the usual hours: the middle of them (0.8, from the
 *     first tenth to the last)
 * @param minimumShare the share of weeks (or months) with an occurrence from which a confidence is medium (one half)
 * @param highShare the share from which a confidence is high (0.8)
 */
public record RevealAgendaSettings(int minimumWeeks, int weeklyInterval, int longestInterval, double hoursShare,
        double minimumShare, double highShare) {
    public static final RevealAgendaSettings STANDARD = new RevealAgendaSettings(4, 10, 35, 0.8, 0.5, 0.8);

    RevealConfidence confidence(double share) {
        return RevealConfidence.of(share, minimumShare, highShare);
    }
}
