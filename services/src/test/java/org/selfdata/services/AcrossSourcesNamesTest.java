package org.selfdata.services;

import org.junit.jupiter.api.Test;
import org.selfdata.model.PlaceCorrection;
import org.selfdata.model.PlaceVerdict;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which of the person's places bears the name of a subscription's payee: the bank line says neither where the place is
 * nor its name as a map would, so two words that tell the place must be shared, whatever their case and accents.
 */
class AcrossSourcesNamesTest {
    @Test
    void aPlaceNamedAsTheGymIsTheGymWhateverTheCaseAndTheBankWords() {
        assertThat(AcrossSources.named(named("Fitness Park Part-Dieu"), "FITNESS PARK LYON")).isTrue();
        assertThat(AcrossSources.named(named("Basic-Fit"), "PRLV SEPA BASIC FIT 1234")).isTrue();
        assertThat(AcrossSources.named(named("Piscine du Rhône"), "PISCINE DU RHONE LYON")).isTrue();
    }

    @Test
    void oneWordInCommonAmongSeveralIsNotEnough() {
        assertThat(AcrossSources.named(named("Parc de la Tête d'Or"), "FITNESS PARK LYON")).isFalse();
        assertThat(AcrossSources.named(named("Piscine de Vaise"), "PISCINE DU RHONE LYON")).isFalse();
    }

    @Test
    void thePersonsNameForThePlaceWinsOverItsSourcesAndAPlaceWithNoNameBearsNone() {
        RevealedPlace corrected = new RevealedPlace(45.77, 4.83, 150, Optional.of("Croix-Rousse"), Optional.empty(),
                Optional.empty(), "8a1f902724f7fff", Optional.of(new PlaceCorrection("8a1f902724f7fff", 45.77, 4.83,
                        PlaceVerdict.NAMED, Optional.of("Keep Cool"), Instant.EPOCH)));
        assertThat(AcrossSources.named(corrected, "KEEPCOOL KEEP COOL CROIX")).isTrue();
        assertThat(AcrossSources.named(named("Croix-Rousse"), "KEEP COOL LYON")).isFalse();
        assertThat(AcrossSources.named(new RevealedPlace(45.77, 4.83, 150, Optional.empty(), Optional.empty(),
                Optional.empty(), "8a1f902724f7fff", Optional.empty()), "FITNESS PARK")).isFalse();
    }

    private static RevealedPlace named(String name) {
        return new RevealedPlace(45.77, 4.83, 150, Optional.of(name), Optional.empty(), Optional.empty(), "8a1f902724f7fff",
                Optional.empty());
    }
}
