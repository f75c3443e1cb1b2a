package org.selfdata.demo;

import org.selfdata.gate.Gate;
import org.selfdata.model.Person;
import org.selfdata.model.PlaceVerdict;
import org.selfdata.services.Reveal;
import org.selfdata.services.RevealCorrections;
import org.selfdata.services.RevealInference;
import org.selfdata.services.RevealLens;
import org.selfdata.services.RevealedLocations;
import org.selfdata.services.RevealedPlace;
import org.selfdata.vault.Vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two places Camille has named on the page of what her data reveals, as a person would once she has looked at it:
 * the home her nights place, "Chez moi", and her place of study, "Fac". They are named the way the page names them,
 * through the corrections of places, under the keys of the places found, so that a newcomer sees her names there and
 * on the Places page, and how a correction is kept.
 */
public final class DemoPlaces {
    static final String HOME = "Chez moi";
    static final String STUDY = "Fac";

    private DemoPlaces() {}

    /** Names her home and place of study when her locations place them, and says which it named. */
    public static List<String> name(Vault vault, Gate gate, Person person) {
        RevealCorrections corrections = new RevealCorrections(vault.placeCorrections());
        RevealedLocations found = new Reveal(gate, corrections).locations(person.id(), person.zone(), RevealLens.exact());
        List<String> named = new ArrayList<>();
        name(corrections, person, found.home(), HOME).ifPresent(named::add);
        name(corrections, person, found.study(), STUDY).ifPresent(named::add);
        return List.copyOf(named);
    }

    private static Optional<String> name(RevealCorrections corrections, Person person,
            RevealInference<RevealedPlace> inference, String name) {
        if (!(inference instanceof RevealInference.Found<RevealedPlace> found)) {
            return Optional.empty();
        }
        RevealedPlace place = found.finding();
        corrections.correct(person.id(), place.key(), place.latitude(), place.longitude(), PlaceVerdict.NAMED,
                Optional.of(name));
        return Optional.of(name);
    }
}
