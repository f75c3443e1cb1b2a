package org.selfdata.services;

import org.selfdata.texts.Wording;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What only the person's sources together tell: the electricity used while they were away, from the meter and the
 * locations; whether the places they pay a subscription to are places they go to, from the bank and the locations.
 *
 * @param venues the subscriptions to places, each with how sure its answer is and the payments it rests on
 * @param venuesUnchecked why the subscriptions found could not be set beside the locations, when they could not
 */
public record AcrossFindings(RevealInference<AwayUse> away, List<RevealInference.Found<VenueSubscription>> venues,
        Optional<Wording> venuesUnchecked) {
    public AcrossFindings {
        requireNonNull(away, "away is null");
        venues = List.copyOf(venues);
        requireNonNull(venuesUnchecked, "venuesUnchecked is null");
    }
}
