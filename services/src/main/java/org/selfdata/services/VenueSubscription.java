package org.selfdata.services;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A subscription to a place one goes to (a gym, a pool, a climbing hall), set beside the person's locations: the bank
 * knows it is paid, the phone knows where the person goes, and only the two together tell whether it is used.
 *
 * <p>Where the place is is not in the bank line, so it is looked for by name among the places the person goes to
 * regularly, as their location source or the person named them. None found does not prove the place is never visited,
 * only that no place the person goes to regularly bears its name: the person can name the place on the Places page.
 *
 * @param since the first payment of the subscription held
 * @param paid the payments since then, added up
 * @param place the regular place found under the subscription's name, if any
 */
public record VenueSubscription(String payee, String currency, RecurringPeriod period, BigDecimal typical, LocalDate since,
        int payments, BigDecimal paid, Optional<RevealedPlace> place) {
    public VenueSubscription {
        requireNonNull(payee, "payee is null");
        requireNonNull(currency, "currency is null");
        requireNonNull(period, "period is null");
        requireNonNull(typical, "typical is null");
        requireNonNull(since, "since is null");
        requireNonNull(paid, "paid is null");
        requireNonNull(place, "place is null");
    }

    /** Whether a place the person goes to regularly bears the subscription's name. */
    public boolean visited() {
        return place.isPresent();
    }
}
