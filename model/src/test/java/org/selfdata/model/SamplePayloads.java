package org.selfdata.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One payload of each record type with every optional property present, as a worst case for schemas and codecs. */
final class SamplePayloads {
    private SamplePayloads() {}

    static Payload of(RecordType type) {
        return switch (type) {
            case BANK_ACCOUNT -> new BankAccount("00012345678", Optional.of("FR7630006000011234567890189"), Optional.of("30006"),
                    Optional.of("00001"), BankAccount.Kind.CHECKING, "EUR", Optional.of("Compte courant"),
                    Optional.of(new BigDecimal("1234.56")), Optional.of(LocalDate.of(2025, 3, 31)));
            case BANK_TRANSACTION -> new BankTransaction("00012345678", LocalDate.of(2025, 3, 14),
                    Optional.of(LocalDate.of(2025, 3, 15)), new BigDecimal("-3.30"), "EUR", "CB CROUS LYON",
                    Optional.of("CROUS"), Optional.of("FIT-1"), Optional.of("repas"), Optional.of("DEBIT"),
                    Optional.of("Alimentation"));
            case GEO_POINT -> new GeoPoint(45.7578, 4.8320, Optional.of(12), Optional.of(171.5), Optional.of("GPS"),
                    Optional.of("WALKING"), Optional.of("1234567"));
            case GEO_VISIT -> new GeoVisit(45.7797, 4.8664, Optional.of("Campus LyonTech-La Doua"), Optional.of("Villeurbanne"),
                    Optional.of("ChIJ1"), Optional.of("WORK"), Optional.of(0.9));
            case GEO_TRIP -> new GeoTrip(45.7578, 4.8320, 45.7797, 4.8664, Optional.of("IN_TRAM"), Optional.of(4200L),
                    List.of(new GeoTrip.Waypoint(45.7600, 4.8400)));
            case ENERGY_READING -> new EnergyReading("09876543210987", EnergyReading.Quantity.ENERGY, new BigDecimal("135"),
                    Optional.of(30), Optional.of("HP"));
            case CONTACT -> new Contact("Camille Martin", Optional.of("Camille"), Optional.of("Martin"),
                    Optional.of("Université Lyon 1"), List.of("camille@example.org"), List.of("+33 6 12 34 56 78"),
                    List.of("1 rue X, Lyon"), Optional.of(LocalDate.of(2003, 5, 17)), Optional.of("TD partner"),
                    Optional.of("uid-1"));
            case CALENDAR_EVENT -> new CalendarEvent("ev-1@example.org", "Partiel d'algèbre", Optional.of("Amphi 3"),
                    Optional.of("Bâtiment Nautibus"), false, Optional.of("Europe/Paris"), Optional.of("FREQ=WEEKLY;COUNT=3"),
                    Optional.of("CONFIRMED"), Optional.of("prof@example.org"), List.of("camille@example.org"));
            case SOCIAL_MESSAGE -> new SocialMessage("messenger", "Coloc", "Camille Martin", Optional.of("À ce soir"),
                    List.of("photo_1.jpg"));
            case SOCIAL_POST -> new SocialPost("facebook", "post", Optional.of("Vacances !"),
                    Optional.of("https://example.org/p/1"), List.of());
            case DOCUMENT -> new Document("Avis d'imposition 2025", "application/pdf", 48_213,
                    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    Optional.of("Revenu fiscal de référence"));
        };
    }
}
