package org.selfdata.importers;

import org.selfdata.model.EnergyReading;
import org.selfdata.texts.Wording;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.selfdata.texts.Wording;

/**
 * The entries of a Green Button feed that describe interval blocks, and the links between them.
 *
 * <p>ESPI ties its resources together by URL, not by nesting or by order: an interval block's {@code rel="up"} link
 * names its collection under a meter reading; the meter reading's {@code rel="related"} links name that collection and
 * its reading type, and its {@code rel="up"} link names a collection under its usage point. A download may list
 * these entries in any order, so every link is looked up by its href here, once all three entries have been seen.
 */
final class GreenButtonLinks {
    private static final String BLOCKS = "/IntervalBlock";
    private static final String METER_READINGS = "/MeterReading";
    private static final int ELECTRICITY = 0;
    private static final int WATT_HOURS = 72;
    private static final int WATTS = 38;
    private static final int FORWARD = 1;
    private static final Set<Integer> REGISTER_READINGS = Set.of(1, 2, 3);
    private static final int LARGEST_MULTIPLIER = 12;

    /** What an interval block's readings mean, or why they cannot be read. */
    sealed interface Meaning {}

    /** Readings of {@code quantity}, each value times ten to the {@code multiplier}. */
    record Readable(String meter, EnergyReading.Quantity quantity, int multiplier) implements Meaning {}

    record Unreadable(Wording reason) implements Meaning {}

    /** A usage point: the meter that its readings belong to. */
    record UsagePoint(String meter, Optional<Integer> kind) {}

    /** A reading type: its fields as written, checked only when a block needs them. */
    record ReadingType(Optional<Integer> unit, Optional<Integer> multiplier, Optional<Integer> accumulation,
            Optional<Integer> flowDirection) {}

    private final Map<String, UsagePoint> usagePointsByCollection = new HashMap<>();
    private final Map<String, MeterReading> meterReadingsByBlockCollection = new HashMap<>();
    private final Map<String, ReadingType> readingTypes = new HashMap<>();

    private record MeterReading(Optional<String> up, List<String> related) {}

    void addUsagePoint(Optional<String> self, List<String> related, UsagePoint usagePoint) {
        self.ifPresent(href -> usagePointsByCollection.put(href + METER_READINGS, usagePoint));
        related.forEach(href -> usagePointsByCollection.putIfAbsent(href, usagePoint));
    }

    void addMeterReading(Optional<String> self, Optional<String> up, List<String> related) {
        MeterReading meterReading = new MeterReading(up, related);
        self.ifPresent(href -> meterReadingsByBlockCollection.put(href + BLOCKS, meterReading));
        related.stream().filter(href -> href.endsWith(BLOCKS))
                .forEach(href -> meterReadingsByBlockCollection.putIfAbsent(href, meterReading));
    }

    void addReadingType(Optional<String> self, ReadingType readingType) {
        self.ifPresent(href -> readingTypes.put(href, readingType));
    }

    /** What the blocks in the collection {@code blockCollection} hold, once every entry they link to is known. */
    Optional<Meaning> meaningOf(String blockCollection) {
        MeterReading meterReading = meterReadingsByBlockCollection.get(blockCollection);
        if (meterReading == null) {
            return Optional.empty();
        }
        Optional<ReadingType> readingType = meterReading.related().stream().map(readingTypes::get)
                .filter(Objects::nonNull).findFirst();
        Optional<UsagePoint> usagePoint = meterReading.up().map(usagePointsByCollection::get);
        if (readingType.isEmpty() || usagePoint.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(meaning(usagePoint.get(), readingType.get()));
    }

    private static Meaning meaning(UsagePoint usagePoint, ReadingType type) {
        if (usagePoint.kind().filter(kind -> kind == ELECTRICITY).isEmpty()) {
            return new Unreadable(Wording.of("error.greenButton.notElectricity"));
        }
        if (type.flowDirection().filter(direction -> direction != FORWARD).isPresent()) {
            return new Unreadable(Wording.of("error.greenButton.notDelivered"));
        }
        int multiplier = type.multiplier().orElse(0);
        if (Math.abs(multiplier) > LARGEST_MULTIPLIER) {
            return new Unreadable(Wording.of("error.greenButton.multiplier"));
        }
        int unit = type.unit().orElse(-1);
        if (unit == WATT_HOURS) {
            boolean register = type.accumulation().filter(REGISTER_READINGS::contains).isPresent();
            return new Readable(usagePoint.meter(), register ? EnergyReading.Quantity.INDEX : EnergyReading.Quantity.ENERGY,
                    multiplier);
        }
        if (unit == WATTS) {
            return new Readable(usagePoint.meter(), EnergyReading.Quantity.POWER, multiplier);
        }
        return new Unreadable(Wording.of("error.greenButton.unit"));
    }
}
