package org.selfdata.services;

import java.time.Duration;
import java.time.LocalTime;

import static java.util.Objects.requireNonNull;

/**
 * Every parameter of what selfdata works out from a person's locations, in one place, so that a reader can check the
 * method against the literature and a test can name what it relies on.
 *
 * <p>Home is found by night-time presence, the standard method of home detection: of the methods Pappalardo et al.
 * compare against people's real homes ("Evaluation of home detection algorithms on mobile phone data using
 * individual-level ground truth", EPJ Data Science 10:29, 2021), those counting activity overall, on distinct days and
 * at night, this is the night-time one counted by distinct nights: each night votes for the place where most of it
 * was spent, so that one long stay cannot outweigh many nights. Work or a place of study is the same count over
 * weekday daytime, outside home, as is usual in home-and-work detection, over areas wide enough for a campus
 * ({@link RevealDaytime}). Stays come from the places service's
 * stay detection ({@link PlacesStays}, Li et al. 2008), and stays within {@link PlacesStays#STAY_RADIUS_METRES} of a
 * place's first stay are that place.
 *
 * @param nightStart when a night begins, in the person's local time (22:00)
 * @param nightEnd when it ends, the next morning (06:00)
 * @param dayStart when weekday daytime begins (09:00)
 * @param dayEnd when it ends (17:00)
 * @param minimumPresence the least time at a place for a night or a day to count for it (two hours)
 * @param minimumNights the nights located at some place needed before a home is named (14: two weeks)
 * @param minimumDays the weekdays spent at one place outside home needed to name it work or study (10: two weeks)
 * @param minimumShare the share of located nights (or weekdays outside home) the place must hold (one half)
 * @param minimumMetresFromHome how far from home a place must be to be work or study (500 m)
 * @param daytimeResolution the H3 resolution of the cells weekday daytime is gathered in: 8, cells of about 0.7 km²,
 *     a cell and its ring about 1.5 km across, wide enough for a campus
 * @param longestGap the longest time a point stands for, since the point before it (20 minutes): a longer gap in
 *     the points is time the person's whereabouts are not known
 * @param minimumWeeks the distinct weeks a place must be visited in to be regular, and the days of one weekday
 *     needed to tell that weekday's routine (4)
 * @param minimumNightsAway the consecutive nights away from home that make a period away (2)
 * @param highShare the share from which a confidence is high (0.8); from {@code minimumShare} it is medium, low below
 */
public record RevealSettings(LocalTime nightStart, LocalTime nightEnd, LocalTime dayStart, LocalTime dayEnd,
        Duration minimumPresence, int minimumNights, int minimumDays, double minimumShare, double minimumMetresFromHome,
        int daytimeResolution, Duration longestGap, int minimumWeeks, int minimumNightsAway, double highShare) {
    public static final RevealSettings STANDARD = new RevealSettings(LocalTime.of(22, 0), LocalTime.of(6, 0),
            LocalTime.of(9, 0), LocalTime.of(17, 0), Duration.ofHours(2), 14, 10, 0.5, 500, 8, Duration.ofMinutes(20),
            4, 2, 0.8);

    public RevealSettings {
        requireNonNull(nightStart, "nightStart is null");
        requireNonNull(nightEnd, "nightEnd is null");
        requireNonNull(dayStart, "dayStart is null");
        requireNonNull(dayEnd, "dayEnd is null");
        requireNonNull(minimumPresence, "minimumPresence is null");
        requireNonNull(longestGap, "longestGap is null");
    }

    /** The radius of a place: the stay detection's. */
    public double placeRadiusMetres() {
        return PlacesStays.STAY_RADIUS_METRES;
    }

    /** How confident a share of the evidence makes a conclusion. */
    RevealConfidence confidence(double share) {
        return RevealConfidence.of(share, minimumShare, highShare);
    }
}
