package org.selfdata.server;

import org.selfdata.model.EnergyReading;
import org.selfdata.model.Person;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.Vault;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;

/** A meter's load curve over one day: 100 Wh every half-hour from a start, 4.8 kWh in all, as a Linky file gives it. */
final class OneDayOfHalfHours {
    private OneDayOfHalfHours() {}

    static void write(Vault vault, Person person, Instant start) {
        vault.imports().write(person.id(), new ImportRequest(SourceDescriptor.file("Enedis", "PRM 1"), "linky", "courbe.csv"),
                IntStream.range(0, 48).mapToObj(half -> {
                    Instant from = start.plus(Duration.ofMinutes(30L * half));
                    return RecordDraft.of(TimeSpan.between(from, from.plus(Duration.ofMinutes(30))),
                            new EnergyReading("PRM1", EnergyReading.Quantity.ENERGY, new BigDecimal("100"), Optional.of(30),
                                    Optional.empty()), Position.line(half + 2));
                }));
    }
}
