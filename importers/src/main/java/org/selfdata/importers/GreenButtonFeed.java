package org.selfdata.importers;

import org.selfdata.model.EnergyReading;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportItem;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;

import javax.xml.stream.XMLStreamReader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Walks a Green Button feed entry by entry, handing out one record per {@code IntervalReading}.
 *
 * <p>Each reading's {@code timePeriod} starts at a UTC epoch second and lasts {@code duration} seconds; its value,
 * times ten to the reading type's {@code powerOfTenMultiplier}, is energy in watt-hours (uom 72) over that period,
 * or a register index at its end when the reading type accumulates ({@code accumulationBehaviour} 1 to 3), or
 * average power in watts (uom 38). Since every time is absolute, {@code LocalTimeParameters} changes nothing and is
 * skipped, as are {@code ElectricPowerUsageSummary}, {@code ElectricPowerQualitySummary} and the readings' cost
 * (selfdata's energy readings hold no money).
 *
 * <p>What a block means depends on entries it links to ({@link GreenButtonLinks}). When they came earlier, as in the
 * published samples, its readings stream out as they are read; when they come later, the block's
 * readings wait, four numbers each, until they do, and blocks still waiting at the end of the feed are rejected. At
 * most {@value #MAXIMUM_WAITING_READINGS} readings wait at once, which bounds the memory a shuffled feed can take.
 */
final class GreenButtonFeed implements RecordReader {
    static final int MAXIMUM_WAITING_READINGS = 1_000_000;
    private static final int MAXIMUM_RELATED_LINKS = 64;
    private static final int MAXIMUM_METER_LENGTH = 64;
    private static final Set<String> READING_FIELDS = Set.of("value", "timePeriod/start", "timePeriod/duration");
    private static final Set<String> USAGE_POINT_FIELDS = Set.of("ServiceCategory/kind");
    private static final Set<String> READING_TYPE_FIELDS = Set.of("uom", "powerOfTenMultiplier", "accumulationBehaviour",
            "flowDirection");

    private enum Place { FEED, ENTRY, CONTENT, BLOCK, ENDED }

    private final XmlCursor xml;
    private final GreenButtonLinks links = new GreenButtonLinks();
    private final PendingItems ready = new PendingItems();
    private final List<GreenButtonPendingBlock> waiting = new ArrayList<>();
    private long waitingReadings;
    private Place place = Place.FEED;
    private Entry entry = new Entry(0);
    private int blockIndex;
    private int readingIndex;
    private String blockPath = "";
    private Optional<GreenButtonLinks.Readable> blockMeaning = Optional.empty();
    private Optional<GreenButtonPendingBlock> blockWaiting = Optional.empty();

    GreenButtonFeed(XMLStreamReader xml) {
        this.xml = new XmlCursor(requireNonNull(xml, "xml is null"), this::where);
    }

    /** Reads up to the feed's root element. */
    void enterFeed() {
        if (xml.root().filter("feed"::equals).isEmpty()) {
            throw InvalidInput.at("line " + xml.line(), Wording.of("error.greenButton.notFeed"));
        }
    }

    @Override
    public Optional<RecordDraft> read() {
        while (true) {
            if (!ready.isEmpty()) {
                return ready.next();
            }
            if (place == Place.ENDED) {
                return Optional.empty();
            }
            step();
        }
    }

    private void step() {
        boolean opening = xml.nextTagOpens();
        switch (place) {
            case FEED -> inFeed(opening);
            case ENTRY -> inEntry(opening);
            case CONTENT -> inContent(opening);
            case BLOCK -> inBlock(opening);
            case ENDED -> throw new IllegalStateException("the feed has ended");
        }
    }

    private void inFeed(boolean opening) {
        if (!opening) {
            finishFeed();
            place = Place.ENDED;
        }
        else if (xml.name().equals("entry")) {
            entry = new Entry(entry.index + 1);
            place = Place.ENTRY;
        }
        else {
            xml.skipElement();
        }
    }

    private void inEntry(boolean opening) {
        if (!opening) {
            finishEntry();
            place = Place.FEED;
            return;
        }
        switch (xml.name()) {
            case "id" -> entry.id = Optional.of(xml.text().strip());
            case "link" -> link();
            case "content" -> {
                blockIndex = 0;
                place = Place.CONTENT;
            }
            default -> xml.skipElement();
        }
    }

    private void link() {
        String rel = xml.attribute("rel").orElse("");
        Optional<String> href = xml.attribute("href").map(String::strip);
        xml.skipElement();
        if (href.isEmpty()) {
            return;
        }
        switch (rel) {
            case "self" -> entry.self = href;
            case "up" -> entry.up = href;
            case "related" -> {
                if (entry.related.size() < MAXIMUM_RELATED_LINKS) {
                    entry.related.add(href.get());
                }
            }
            default -> { }
        }
    }

    private void inContent(boolean opening) {
        if (!opening) {
            place = Place.ENTRY;
            return;
        }
        switch (xml.name()) {
            case "IntervalBlock" -> beginBlock();
            case "UsagePoint" -> {
                entry.usagePoint = true;
                entry.usagePointKind = integer(xml.leaves(USAGE_POINT_FIELDS), "ServiceCategory/kind");
            }
            case "MeterReading" -> {
                entry.meterReading = true;
                xml.skipElement();
            }
            case "ReadingType" -> {
                Map<String, String> fields = xml.leaves(READING_TYPE_FIELDS);
                entry.readingType = Optional.of(new GreenButtonLinks.ReadingType(integer(fields, "uom"),
                        integer(fields, "powerOfTenMultiplier"), integer(fields, "accumulationBehaviour"),
                        integer(fields, "flowDirection")));
            }
            default -> xml.skipElement();
        }
    }

    private void beginBlock() {
        blockIndex++;
        readingIndex = 0;
        blockPath = entryPath() + "/content/IntervalBlock[" + blockIndex + "]";
        Optional<GreenButtonLinks.Meaning> meaning = entry.up.flatMap(links::meaningOf);
        blockMeaning = Optional.empty();
        blockWaiting = Optional.empty();
        if (meaning.isEmpty()) {
            blockWaiting = Optional.of(new GreenButtonPendingBlock(blockPath));
            place = Place.BLOCK;
            return;
        }
        switch (meaning.get()) {
            case GreenButtonLinks.Unreadable unreadable -> {
                ready.add(new Rejection(Position.elementPath(blockPath), unreadable.reason()));
                xml.skipElement();
            }
            case GreenButtonLinks.Readable readable -> {
                blockMeaning = Optional.of(readable);
                place = Place.BLOCK;
            }
        }
    }

    private void inBlock(boolean opening) {
        if (!opening) {
            blockWaiting.ifPresent(entry.blocks::add);
            place = Place.CONTENT;
        }
        else if (xml.name().equals("IntervalReading")) {
            readingIndex++;
            intervalReading();
        }
        else {
            xml.skipElement();
        }
    }

    private void intervalReading() {
        String path = blockPath + "/IntervalReading[" + readingIndex + "]";
        Map<String, String> fields = xml.leaves(READING_FIELDS);
        Optional<Long> start = number(fields, "timePeriod/start");
        Optional<Long> duration = number(fields, "timePeriod/duration").filter(seconds -> seconds >= 0);
        Optional<Long> value = number(fields, "value");
        boolean readable = start.isPresent() && duration.isPresent() && value.isPresent();
        if (blockMeaning.isPresent()) {
            ready.add(readable ? reading(blockMeaning.get(), path, start.get(), duration.get(), value.get()) : unreadable(path));
            return;
        }
        if (waitingReadings >= MAXIMUM_WAITING_READINGS) {
            throw new SelfdataException(ErrorCode.TOO_LARGE, InvalidInput.wording(path,
                    Wording.of("error.greenButton.tooManyWaiting", String.valueOf(MAXIMUM_WAITING_READINGS))));
        }
        GreenButtonPendingBlock block = blockWaiting.orElseThrow();
        if (readable) {
            block.add(readingIndex, start.get(), duration.get(), value.get());
        }
        else {
            block.addUnreadable(readingIndex);
        }
        waitingReadings++;
    }

    private void finishEntry() {
        boolean described = false;
        if (entry.usagePoint) {
            links.addUsagePoint(entry.self, entry.related, new GreenButtonLinks.UsagePoint(meter(), entry.usagePointKind));
            described = true;
        }
        if (entry.meterReading) {
            links.addMeterReading(entry.self, entry.up, entry.related);
            described = true;
        }
        if (entry.readingType.isPresent()) {
            links.addReadingType(entry.self, entry.readingType.get());
            described = true;
        }
        List<GreenButtonPendingBlock> arrived = new ArrayList<>();
        for (GreenButtonPendingBlock block : entry.blocks) {
            if (entry.up.isEmpty()) {
                waitingReadings -= block.count();
                ready.add(new Rejection(Position.elementPath(block.path()), Wording.of("error.greenButton.noUpLink")));
            }
            else {
                block.belongTo(entry.up.get());
                arrived.add(block);
            }
        }
        waiting.addAll(arrived);
        resolve(described ? waiting : arrived);
    }

    private void resolve(List<GreenButtonPendingBlock> candidates) {
        List<GreenButtonPendingBlock> resolved = new ArrayList<>();
        for (GreenButtonPendingBlock block : candidates) {
            Optional<GreenButtonLinks.Meaning> meaning = links.meaningOf(block.collection());
            if (meaning.isPresent()) {
                resolved.add(block);
                release(block, meaning.get());
            }
        }
        if (!resolved.isEmpty()) {
            Set<GreenButtonPendingBlock> released = Collections.newSetFromMap(new IdentityHashMap<>());
            released.addAll(resolved);
            waiting.removeIf(released::contains);
        }
    }

    private void release(GreenButtonPendingBlock block, GreenButtonLinks.Meaning meaning) {
        waitingReadings -= block.count();
        switch (meaning) {
            case GreenButtonLinks.Unreadable unreadable ->
                    ready.add(new Rejection(Position.elementPath(block.path()), unreadable.reason()));
            case GreenButtonLinks.Readable readable -> {
                for (int reading = 0; reading < block.count(); reading++) {
                    String path = block.path() + "/IntervalReading[" + block.index(reading) + "]";
                    ready.add(block.isReadable(reading)
                            ? reading(readable, path, block.start(reading), block.duration(reading), block.value(reading))
                            : unreadable(path));
                }
            }
        }
    }

    private void finishFeed() {
        for (Iterator<GreenButtonPendingBlock> blocks = waiting.iterator(); blocks.hasNext(); ) {
            GreenButtonPendingBlock block = blocks.next();
            ready.add(new Rejection(Position.elementPath(block.path()), Wording.of("error.greenButton.missingEntries")));
            blocks.remove();
        }
        waitingReadings = 0;
    }

    private static Rejection unreadable(String path) {
        return new Rejection(Position.elementPath(path), Wording.of("error.greenButton.reading"));
    }

    private static ImportItem reading(GreenButtonLinks.Readable meaning, String path, long start, long duration, long value) {
        Position position = Position.elementPath(path);
        try {
            Instant begin = Instant.ofEpochSecond(start);
            Instant end = begin.plusSeconds(duration);
            BigDecimal amount = BigDecimal.valueOf(value, -meaning.multiplier());
            if (amount.scale() < 0) {
                amount = amount.setScale(0);
            }
            boolean index = meaning.quantity() == EnergyReading.Quantity.INDEX;
            Optional<Integer> minutes = !index && duration % 60 == 0 && duration / 60 <= Integer.MAX_VALUE
                    ? Optional.of((int) (duration / 60)) : Optional.empty();
            EnergyReading reading = new EnergyReading(meaning.meter(), meaning.quantity(), amount, minutes, Optional.empty());
            return RecordDraft.of(index ? TimeSpan.at(end) : TimeSpan.between(begin, end), reading, position);
        }
        catch (DateTimeException | ArithmeticException e) {
            return new Rejection(position, Wording.of("error.greenButton.outOfYears"));
        }
        catch (SelfdataException e) {
            return InvalidInput.rejected(position, e).rejection();
        }
    }

    /** The usage point's Atom id (a UUID for most utilities), which stays the same across downloads. */
    private String meter() {
        String identifier = entry.id.map(id -> id.startsWith("urn:uuid:") ? id.substring("urn:uuid:".length()) : id)
                .filter(id -> !id.isBlank())
                .or(() -> entry.self)
                .orElse("usage point of entry " + entry.index);
        return identifier.length() > MAXIMUM_METER_LENGTH
                ? identifier.substring(identifier.length() - MAXIMUM_METER_LENGTH) : identifier;
    }

    private static Optional<Integer> integer(Map<String, String> fields, String name) {
        return number(fields, name).filter(value -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE)
                .map(Long::intValue);
    }

    private static Optional<Long> number(Map<String, String> fields, String name) {
        String text = fields.getOrDefault(name, "").strip();
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String where() {
        return switch (place) {
            case FEED, ENDED -> "feed";
            case ENTRY, CONTENT -> entryPath();
            case BLOCK -> blockPath;
        };
    }

    private String entryPath() {
        return "feed/entry[" + entry.index + "]";
    }

    /** What one entry says about itself, gathered until its end tag, when links may all have been read. */
    private static final class Entry {
        private final int index;
        private Optional<String> id = Optional.empty();
        private Optional<String> self = Optional.empty();
        private Optional<String> up = Optional.empty();
        private final List<String> related = new ArrayList<>();
        private boolean usagePoint;
        private Optional<Integer> usagePointKind = Optional.empty();
        private boolean meterReading;
        private Optional<GreenButtonLinks.ReadingType> readingType = Optional.empty();
        private final List<GreenButtonPendingBlock> blocks = new ArrayList<>();

        private Entry(int index) {
            this.index = index;
        }
    }
}
