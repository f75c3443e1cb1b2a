package org.selfdata.importers;

import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.texts.Wording;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Reads the VEVENTs of a calendar one at a time with biweekly, which never touches the network (it has no time-zone
 * updater: zones come from the file's VTIMEZONEs or from the JDK's own database). Each occurrence of an event is one
 * record (see {@link ICalendarEvent} for what the times mean, {@link ICalendarSeries} for recurrences).
 *
 * <p>The file is cut into components by {@link VObjectBlocks}; each event is handed to biweekly inside a small calendar
 * holding the calendar's own properties and the VTIMEZONEs the event names. An event that neither recurs nor changes
 * an occurrence of another is read and handed out at once. A recurring event (RRULE, RDATE) and the overrides of its
 * occurrences (same UID, a RECURRENCE-ID) can come in any order within their calendar, so their text is held until the
 * calendar ends ({@code END:VCALENDAR}, or the end of the file), then expanded: at most
 * {@link #MAXIMUM_HELD_EVENTS} of them and {@link #MAXIMUM_HELD_CHARACTERS} characters per calendar, which is far
 * beyond a person's calendar and keeps memory bounded; a larger calendar is refused with a clear message. The series
 * come after the calendar's single events, in the order their first component appears.
 *
 * <p>Whatever goes wrong inside one event (a date biweekly cannot represent, a rule that cannot be expanded, a field
 * too long) rejects that event only: the next one begins on its own line and is read afresh. Only a broken structure
 * (a component that never ends, a calendar beyond the limits) ends the file.
 */
final class ICalendarEvents implements RecordReader {
    static final int HORIZON_YEARS = 5;
    static final int MAXIMUM_HELD_EVENTS = 5_000;
    static final int MAXIMUM_HELD_CHARACTERS = 16 * 1024 * 1024;
    private static final Set<String> DATED_PROPERTIES = Set.of("DTSTART", "DTEND", "DUE", "DTSTAMP", "CREATED",
            "LAST-MODIFIED", "RDATE", "EXDATE", "RECURRENCE-ID");
    private static final Pattern DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    /** A recurring event and the overrides of its occurrences, or an override whose event is not in its calendar. */
    private record Held(Optional<VObjectBlocks.Block> master, List<VObjectBlocks.Block> overrides, LocalDate latest) {}

    private final VObjectBlocks blocks;
    private final ICalendarZones zones;
    private final List<VObjectBlocks.Block> masters = new ArrayList<>();
    private final Map<String, List<VObjectBlocks.Block>> overrides = new LinkedHashMap<>();
    private final Deque<Held> expanding = new ArrayDeque<>();
    private final Deque<RejectedRecord> rejections = new ArrayDeque<>();
    private Iterator<RecordDraft> occurrences = Collections.emptyIterator();
    private Optional<VObjectBlocks.Block> lookahead = Optional.empty();
    private Optional<LocalDate> latest = Optional.empty();
    private long calendarLine = -1;
    private int held;
    private long heldCharacters;
    private boolean endOfFile;

    ICalendarEvents(VObjectBlocks blocks, ZoneId zone) {
        this.blocks = requireNonNull(blocks, "blocks is null");
        this.zones = new ICalendarZones(requireNonNull(zone, "zone is null"));
    }

    /** Reads up to the first event, past the calendar's properties, to name the calendar. */
    SourceDescriptor source() {
        lookahead = nextEvent();
        String name = Unfolding.value(blocks.looseLines(), "X-WR-CALNAME").map(String::strip).filter(text -> !text.isEmpty())
                .orElse("iCalendar");
        return SourceDescriptor.file("Calendar", name.length() > 200 ? name.substring(0, 200) : name);
    }

    @Override
    public Optional<RecordDraft> read() {
        while (true) {
            if (!rejections.isEmpty()) {
                throw rejections.poll();
            }
            if (occurrences.hasNext()) {
                return Optional.of(occurrences.next());
            }
            Held next = expanding.poll();
            if (next != null) {
                occurrences = expand(next);
                continue;
            }
            if (endOfFile && lookahead.isEmpty()) {
                return Optional.empty();
            }
            Optional<VObjectBlocks.Block> event = nextEvent();
            if (event.isPresent()) {
                Optional<RecordDraft> single = take(event.get());
                if (single.isPresent()) {
                    return single;
                }
            }
        }
    }

    /** The next VEVENT, or nothing when the file ends or a calendar ends with series to expand first. */
    private Optional<VObjectBlocks.Block> nextEvent() {
        if (lookahead.isPresent()) {
            Optional<VObjectBlocks.Block> event = lookahead;
            lookahead = Optional.empty();
            return event;
        }
        while (!endOfFile) {
            Optional<VObjectBlocks.Block> next = blocks.next();
            if (next.isEmpty()) {
                endOfFile = true;
                endCalendar();
                return Optional.empty();
            }
            VObjectBlocks.Block block = next.get();
            if (block.enclosingLine() != calendarLine) {
                endCalendar();
                calendarLine = block.enclosingLine();
                if (!expanding.isEmpty()) {
                    lookahead = next;
                    return Optional.empty();
                }
            }
            switch (block.name()) {
                case "VEVENT" -> {
                    return next;
                }
                case "VTIMEZONE" -> Unfolding.value(ownLines(block), "TZID").map(String::strip).filter(tzid -> !tzid.isEmpty())
                        .ifPresent(tzid -> zones.define(tzid, block.text()));
                default -> { }
            }
        }
        return Optional.empty();
    }

    /** Reads a single event at once; holds a recurring one, or an override, until its calendar ends. */
    private Optional<RecordDraft> take(VObjectBlocks.Block block) {
        List<String> lines = ownLines(block);
        note(lines);
        boolean recurs = Unfolding.value(lines, "RRULE").isPresent() || Unfolding.value(lines, "RDATE").isPresent();
        boolean overrides = Unfolding.value(lines, "RECURRENCE-ID").isPresent();
        if (!recurs && !overrides) {
            Position position = Position.line(block.firstLine());
            return Optional.of(guarded(position, () -> {
                ICalendarEvent event = ICalendarEvent.parse(block, blocks.looseLines(), zones);
                return event.record(event.start(), Optional.empty(), position);
            }));
        }
        held++;
        heldCharacters += block.text().length();
        if (held > MAXIMUM_HELD_EVENTS || heldCharacters > MAXIMUM_HELD_CHARACTERS) {
            throw InvalidInput.at("line " + block.firstLine(), Wording.of("error.calendar.tooManyRecurring",
                    String.valueOf(MAXIMUM_HELD_EVENTS), String.valueOf(MAXIMUM_HELD_CHARACTERS / (1024 * 1024))));
        }
        if (overrides) {
            String uid = Unfolding.value(lines, "UID").map(String::strip).orElse("");
            this.overrides.computeIfAbsent(uid, key -> new ArrayList<>()).add(block);
        }
        else {
            masters.add(block);
        }
        return Optional.empty();
    }

    /** At the end of a calendar: its held series, each with its overrides, then the overrides without a series. */
    private void endCalendar() {
        LocalDate calendarLatest = latest.orElse(LocalDate.EPOCH);
        for (VObjectBlocks.Block master : masters) {
            String uid = Unfolding.value(ownLines(master), "UID").map(String::strip).orElse("");
            List<VObjectBlocks.Block> changed = Optional.ofNullable(overrides.remove(uid)).orElse(List.of());
            expanding.add(new Held(Optional.of(master), changed, calendarLatest));
        }
        overrides.values().forEach(orphans -> orphans.forEach(orphan -> expanding.add(orphan(orphan, calendarLatest))));
        masters.clear();
        overrides.clear();
        held = 0;
        heldCharacters = 0;
        latest = Optional.empty();
    }

    private Iterator<RecordDraft> expand(Held series) {
        if (series.master().isEmpty()) {
            VObjectBlocks.Block orphan = series.overrides().getFirst();
            Position position = Position.line(orphan.firstLine());
            return List.of(guarded(position, () -> {
                ICalendarEvent event = ICalendarEvent.parse(orphan, blocks.looseLines(), zones);
                return event.record(event.start(), Optional.empty(), position);
            })).iterator();
        }
        VObjectBlocks.Block masterBlock = series.master().get();
        Position position = Position.line(masterBlock.firstLine());
        ICalendarEvent master;
        try {
            master = parsed(masterBlock);
        }
        catch (RejectedRecord e) {
            series.overrides().reversed().forEach(orphan -> expanding.addFirst(orphan(orphan, series.latest())));
            throw e;
        }
        Map<Instant, ICalendarEvent> changed = new LinkedHashMap<>();
        for (VObjectBlocks.Block block : series.overrides()) {
            Position overridePosition = Position.line(block.firstLine());
            try {
                ICalendarEvent override = parsed(block);
                Instant key = guarded(overridePosition, () -> override.recurrenceId().orElseThrow(() ->
                        InvalidInput.rejected(overridePosition, Wording.of("error.calendar.noRecurrenceId"))));
                if (changed.putIfAbsent(key, override) != null) {
                    expanding.addFirst(orphan(block, series.latest()));
                }
            }
            catch (RejectedRecord e) {
                rejections.add(e);
            }
        }
        LocalDate horizon = (master.start().toLocalDate().isAfter(series.latest()) ? master.start().toLocalDate()
                : series.latest()).plusYears(HORIZON_YEARS);
        return guarded(position, () -> new ICalendarSeries(master, changed, horizon));
    }

    private ICalendarEvent parsed(VObjectBlocks.Block block) {
        return guarded(Position.line(block.firstLine()), () -> ICalendarEvent.parse(block, blocks.looseLines(), zones));
    }

    private static Held orphan(VObjectBlocks.Block override, LocalDate latest) {
        return new Held(Optional.empty(), List.of(override), latest);
    }

    /** Runs one event's reading: any failure inside it rejects that event, at its position. */
    private static <T> T guarded(Position position, Supplier<T> reading) {
        try {
            return reading.get();
        }
        catch (RejectedRecord e) {
            throw e;
        }
        catch (SelfdataException e) {
            throw InvalidInput.rejectedAtItsBlock(position, e);
        }
        catch (RuntimeException | AssertionError e) {
            // biweekly checks its own invariants with assert, which a fuzzed date or rule can break when tests enable them.
            throw InvalidInput.rejected(position, Wording.of("error.calendar.unreadableEventOf",
                    String.valueOf(e.getClass().getSimpleName())));
        }
    }

    /** Remembers the latest date this event names, which sets how far its calendar's recurrences are expanded. */
    private void note(List<String> lines) {
        for (String line : lines) {
            String name = VObjectBlocks.propertyName(line.toUpperCase(Locale.ROOT));
            int colon = line.indexOf(':');
            if (!DATED_PROPERTIES.contains(name) || colon < 0) {
                continue;
            }
            Matcher matcher = DATE.matcher(line.substring(colon + 1));
            while (matcher.find()) {
                try {
                    LocalDate date = LocalDate.of(Integer.parseInt(matcher.group(1)),
                            Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
                    if (latest.isEmpty() || date.isAfter(latest.get())) {
                        latest = Optional.of(date);
                    }
                }
                catch (DateTimeException e) {
                    // Not a date: the event's own reading will say so if it matters.
                }
            }
        }
    }

    /** The unfolded lines of a component's own properties, without those of the components inside it (VALARM). */
    private static List<String> ownLines(VObjectBlocks.Block block) {
        List<String> own = new ArrayList<>();
        int depth = 0;
        for (String line : block.text().split("\r\n")) {
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("BEGIN:")) {
                depth++;
            }
            else if (upper.startsWith("END:")) {
                depth--;
            }
            else if (depth == 1) {
                own.add(line);
            }
        }
        return own;
    }
}
