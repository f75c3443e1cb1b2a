package org.selfdata.services;

import org.selfdata.model.PlaceCorrection;
import org.selfdata.model.PlaceVerdict;
import org.selfdata.texts.Wording;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What was found, with the person's corrections applied: a place found within its radius of a corrected one carries
 * what the person said of it (a name, or that it is confirmed, which changes nothing else); a place marked wrong leaves
 * the findings for the list of places the person marked wrong, so that it is never silently dropped, and home or work
 * found there becomes unknown, saying why.
 */
final class RevealCorrected {
    private final List<PlaceCorrection> corrections;
    private final List<RevealedPlace> markedWrong = new ArrayList<>();

    private RevealCorrected(List<PlaceCorrection> corrections) {
        this.corrections = List.copyOf(corrections);
    }

    static RevealedLocations apply(RevealedLocations found, List<PlaceCorrection> corrections) {
        return new RevealCorrected(corrections).applied(found);
    }

    private RevealedLocations applied(RevealedLocations found) {
        RevealInference<RevealedPlace> home = place(found.home(), Wording.of("reveal.home.markedWrong"));
        RevealInference<RevealedPlace> study = place(found.study(), Wording.of("reveal.study.markedWrong"));
        List<RevealInference.Found<RevealedPlace>> regular = found.regularPlaces().stream()
                .flatMap(place -> kept(place).stream()).toList();
        return new RevealedLocations(found.points(), found.visits(), found.stays(), home, study, regular,
                found.routine(), found.periodsAway(), found.towns(), markedWrong);
    }

    /** The inference with the person's correction of its place, or why it is unknown when they marked it wrong. */
    private RevealInference<RevealedPlace> place(RevealInference<RevealedPlace> inference, Wording wrong) {
        return switch (inference) {
            case RevealInference.Unknown<RevealedPlace> unknown -> unknown;
            case RevealInference.Found<RevealedPlace> found -> kept(found)
                    .<RevealInference<RevealedPlace>>map(kept -> kept)
                    .orElseGet(() -> new RevealInference.Unknown<>(wrong));
        };
    }

    /** The finding with the person's correction of its place, or nothing when they marked it wrong, set apart. */
    private Optional<RevealInference.Found<RevealedPlace>> kept(RevealInference.Found<RevealedPlace> found) {
        RevealedPlace place = found.finding();
        Optional<PlaceCorrection> correction = RevealCorrections.near(corrections, place.latitude(), place.longitude(),
                place.withinMetres());
        if (correction.isEmpty()) {
            return Optional.of(found);
        }
        RevealedPlace corrected = place.correctedBy(correction.get());
        if (correction.get().verdict() == PlaceVerdict.WRONG) {
            markedWrong.add(corrected);
            return Optional.empty();
        }
        return Optional.of(new RevealInference.Found<>(corrected, found.confidence(), found.evidence()));
    }
}
