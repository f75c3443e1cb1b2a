package org.selfdata.services;

import org.selfdata.texts.Wording;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a person's locations reveal about them: where they live, where they work or study, the other places they go
 * to regularly, their weekly routine, their periods away and the towns they stay in.
 *
 * @param points the location points read
 * @param visits the visits the source recorded
 * @param stays the stays these conclusions rest on: the visits and those found in the points
 * @param study work or place of study
 * @param regularPlaces the places visited in several distinct weeks, most weeks first, home and study left out
 * @param towns the towns or areas the stays fall in, most days first
 * @param markedWrong the places found that the person marked wrong, set apart from the findings rather than dropped:
 *     home, then work or study, then the regular places
 */
public record RevealedLocations(long points, long visits, long stays, RevealInference<RevealedPlace> home,
        RevealInference<RevealedPlace> study, List<RevealInference.Found<RevealedPlace>> regularPlaces,
        RevealInference<RevealedRoutine> routine, List<RevealInference.Found<RevealedAway>> periodsAway,
        List<RevealedTown> towns, List<RevealedPlace> markedWrong) {
    public RevealedLocations {
        requireNonNull(home, "home is null");
        requireNonNull(study, "study is null");
        regularPlaces = List.copyOf(regularPlaces);
        requireNonNull(routine, "routine is null");
        periodsAway = List.copyOf(periodsAway);
        towns = List.copyOf(towns);
        markedWrong = List.copyOf(markedWrong);
    }

    /** What was found before any correction of the person's is applied: nothing marked wrong yet. */
    public RevealedLocations(long points, long visits, long stays, RevealInference<RevealedPlace> home,
            RevealInference<RevealedPlace> study, List<RevealInference.Found<RevealedPlace>> regularPlaces,
            RevealInference<RevealedRoutine> routine, List<RevealInference.Found<RevealedAway>> periodsAway,
            List<RevealedTown> towns) {
        this(points, visits, stays, home, study, regularPlaces, routine, periodsAway, towns, List.of());
    }

    /** Nothing found, for one reason: no locations were there to look at. */
    static RevealedLocations none(Wording reason) {
        return new RevealedLocations(0, 0, 0, new RevealInference.Unknown<>(reason), new RevealInference.Unknown<>(reason),
                List.of(), new RevealInference.Unknown<>(reason), List.of(), List.of());
    }
}
