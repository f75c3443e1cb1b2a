package org.selfdata.services;

import org.selfdata.model.CorrectedPlace;
import org.selfdata.model.PersonId;
import org.selfdata.model.PlaceCorrection;
import org.selfdata.model.PlaceVerdict;
import org.selfdata.vault.PlaceCorrections;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The person's corrections of the places found in their locations, as the services use them: kept only when the key
 * is that of the position corrected ({@link PlaceKeys}), and found again by position, since a place found later lies
 * within its radius of the one corrected, not always in the same cell.
 */
public final class RevealCorrections {
    private final PlaceCorrections store;
    private final PlaceKeys keys;

    public RevealCorrections(PlaceCorrections store) {
        this(store, new PlaceKeys());
    }

    RevealCorrections(PlaceCorrections store, PlaceKeys keys) {
        this.store = requireNonNull(store, "store is null");
        this.keys = requireNonNull(keys, "keys is null");
    }

    /**
     * Keeps what the person says of the place at this position. The key is that of the position, or that of a
     * correction of theirs which holds within the place's radius of it: a place found again near the one corrected
     * carries the correction's key, at the position found this time.
     */
    public CorrectedPlace correct(PersonId person, String key, double latitude, double longitude, PlaceVerdict verdict,
            Optional<String> name) {
        boolean correctedNearby = store.find(person, PlaceCorrection.requireKey(key)).flatMap(CorrectedPlace::current)
                .filter(held -> PlacesStays.metres(held.latitude(), held.longitude(), latitude, longitude)
                        <= PlacesStays.STAY_RADIUS_METRES)
                .isPresent();
        if (!correctedNearby) {
            keys.requireMatches(key, latitude, longitude);
        }
        return store.correct(person, key, latitude, longitude, verdict, name);
    }

    /** Takes back the correction that holds for the place, keeping it in the place's history. */
    public CorrectedPlace withdraw(PersonId person, String key) {
        return store.withdraw(person, key);
    }

    /** The places a correction holds for now, each with its whole history. */
    public List<CorrectedPlace> places(PersonId person) {
        return store.all(person).stream().filter(place -> place.current().isPresent()).toList();
    }

    /** The corrections that hold now, one per place. */
    List<PlaceCorrection> current(PersonId person) {
        return store.current(person);
    }

    /** The correction nearest this position among those within the given metres of it, if any. */
    static Optional<PlaceCorrection> near(List<PlaceCorrection> corrections, double latitude, double longitude,
            double metres) {
        PlaceCorrection nearest = null;
        double nearestMetres = metres;
        for (PlaceCorrection correction : corrections) {
            double distance = PlacesStays.metres(latitude, longitude, correction.latitude(), correction.longitude());
            if (distance <= nearestMetres) {
                nearest = correction;
                nearestMetres = distance;
            }
        }
        return Optional.ofNullable(nearest);
    }
}
