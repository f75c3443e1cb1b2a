package org.selfdata.importers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The ways Enedis writes a time: ISO 8601 with an offset in the classic exports, local times without one (with a
 * space or a {@code T}, with or without seconds, or day first) in the newer exports and the Data Connect API.
 */
final class EnedisTimes {
    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd[ ]['T']HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("dd/MM/uuuu[ ]HH:mm[:ss]"));
    private static final List<DateTimeFormatter> DAYS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd/MM/uuuu"));

    private EnedisTimes() {}

    /** A time written with its offset, such as {@code 2020-08-20T23:40:00+02:00}. */
    static Optional<OffsetDateTime> withOffset(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text.strip()));
        }
        catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A local time, such as {@code 2024-10-27 02:30:00} or {@code 27/10/2024 02:30}. */
    static Optional<LocalDateTime> local(String text) {
        for (DateTimeFormatter format : LOCAL) {
            try {
                return Optional.of(LocalDateTime.parse(text.strip(), format));
            }
            catch (DateTimeException e) {
                // the next layout may fit
            }
        }
        return Optional.empty();
    }

    /** A date, such as {@code 2024-10-27} or {@code 27/10/2024}. */
    static Optional<LocalDate> day(String text) {
        for (DateTimeFormatter format : DAYS) {
            try {
                return Optional.of(LocalDate.parse(text.strip(), format));
            }
            catch (DateTimeException e) {
                // the next layout may fit
            }
        }
        return Optional.empty();
    }
}
