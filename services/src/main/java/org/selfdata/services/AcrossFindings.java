package org.selfdata.services;

import org.selfdata.texts.Wording;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What only the person's sources together tell: the electricity used while they were away, from the meter and the
 * locations; whether the places they pay a subscription to are places they go to, from the bank and the locations;
 * what their commute weighs and costs, from the locations and the bank.
 *
 * @param venues the subscriptions to places, each with how sure its answer is and the payments it rests on
 * @param venuesUnchecked why the subscriptions found could not be set beside the locations, when they could not
 * @param commute the journeys between home and the place of study or work, their carbon and the pass's price per ride
 */
public record AcrossFindings(RevealInference<AwayUse> away, List<RevealInference.Found<VenueSubscription>> venues,
        Optional<Wording> venuesUnchecked, RevealInference<Commute> commute) {
    public AcrossFindings {
        requireNonNull(away, "away is null");
        venues = List.copyOf(venues);
        requireNonNull(venuesUnchecked, "venuesUnchecked is null");
        requireNonNull(commute, "commute is null");
    }
}
