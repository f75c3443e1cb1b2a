package org.selfdata.importers;

import org.selfdata.model.EnergyReading;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Reads the newer Enedis load curve: a {@code debut;fin;kW} header, maybe after a few lines naming the meter, then
 * one row per interval with its start, its end and the average power over it in kilowatts ({@code "0,696"}).
 *
 * <p>Times carry no offset: they are the person's local times, resolved by {@link LocalTimeline} from the order of
 * the rows where clocks going back make them ambiguous. An interval lasts the shorter of its wall-clock length and
 * the time between its resolved ends, so that the last interval before clocks go back (02:30 to 03:00, when 03:00
 * came an hour later) and the one across the hour skipped in spring both last their 30 minutes. Each row holds
 * {@code kW × 1000 × minutes / 60} watt-hours; an empty power is a gap and is skipped.
 */
final class LinkyKilowattCurve implements RecordReader {
    static final String UNKNOWN_METER = "Linky meter";
    private static final int MAXIMUM_PREAMBLE_LINES = 10;
    private static final Pattern PRM = Pattern.compile("(?<!\\d)\\d{14}(?!\\d)");
    private static final BigDecimal WATTS_PER_KILOWATT = BigDecimal.valueOf(1000);

    private final NumberedLines lines;
    private final LocalTimeline timeline;
    private String meter = UNKNOWN_METER;
    private int startColumn;
    private int endColumn;
    private int powerColumn;

    LinkyKilowattCurve(NumberedLines lines, LocalTimeline timeline) {
        this.lines = requireNonNull(lines, "lines is null");
        this.timeline = requireNonNull(timeline, "timeline is null");
    }

    /** Reads up to the column header; answers the meter's PRM when a line before it names one. */
    String readHeader() {
        Optional<String> prm = Optional.empty();
        for (Optional<String> line = lines.next(); line.isPresent(); line = lines.next()) {
            List<String> header = SemicolonCells.split(line.get()).map(cells -> LinkyLoadCurve.cells(String.join(";", cells)))
                    .orElse(List.of());
            if (header.contains("debut") && header.contains("fin") && header.contains("kw")) {
                startColumn = header.indexOf("debut");
                endColumn = header.indexOf("fin");
                powerColumn = header.indexOf("kw");
                meter = prm.orElse(UNKNOWN_METER);
                return meter;
            }
            if (lines.number() >= MAXIMUM_PREAMBLE_LINES) {
                break;
            }
            Matcher number = PRM.matcher(line.get());
            prm = prm.isPresent() || !number.find() ? prm : Optional.of(number.group());
        }
        throw InvalidInput.at("line " + Math.max(1, lines.number()), Wording.of("error.linky.kilowattColumns",
                String.valueOf(MAXIMUM_PREAMBLE_LINES)));
    }

    @Override
    public Optional<RecordDraft> read() {
        for (Optional<String> line = lines.next(); line.isPresent(); line = lines.next()) {
            if (!line.get().isBlank()) {
                Optional<RecordDraft> reading = row(line.get(), Position.line(lines.number()));
                if (reading.isPresent()) {
                    return reading;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<RecordDraft> row(String text, Position position) {
        List<String> cells = SemicolonCells.split(text)
                .filter(split -> split.size() > Math.max(powerColumn, Math.max(startColumn, endColumn)))
                .orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.linky.kilowattRow")));
        TimeSpan span = span(cells.get(startColumn), cells.get(endColumn))
                .orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.linky.kilowattSpan")));
        if (cells.get(powerColumn).isBlank()) {
            return Optional.empty();
        }
        BigDecimal kilowatts = DecimalText.parse(cells.get(powerColumn))
                .orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.linky.kilowatts")));
        long minutes = Duration.between(span.start(), span.end()).toMinutes();
        if (minutes < 1 || minutes > Integer.MAX_VALUE || !span.start().plus(Duration.ofMinutes(minutes)).equals(span.end())) {
            throw InvalidInput.rejected(position, Wording.of("error.linky.wholeMinutes"));
        }
        BigDecimal wattHours = canonical(LinkyLoadCurve.wattHours(kilowatts.multiply(WATTS_PER_KILOWATT), (int) minutes));
        EnergyReading reading = InvalidInput.rejecting(position, () -> new EnergyReading(meter, EnergyReading.Quantity.ENERGY,
                wattHours, Optional.of((int) minutes), Optional.empty()));
        return Optional.of(RecordDraft.of(span, reading, position));
    }

    private Optional<TimeSpan> span(String startText, String endText) {
        Optional<OffsetDateTime> startWithOffset = EnedisTimes.withOffset(startText);
        Optional<LocalDateTime> localStart = startWithOffset.map(OffsetDateTime::toLocalDateTime)
                .or(() -> EnedisTimes.local(startText));
        Optional<OffsetDateTime> endWithOffset = EnedisTimes.withOffset(endText);
        Optional<LocalDateTime> localEnd = endWithOffset.map(OffsetDateTime::toLocalDateTime)
                .or(() -> EnedisTimes.local(endText));
        if (localStart.isEmpty() || localEnd.isEmpty()) {
            return Optional.empty();
        }
        Instant start = startWithOffset.map(OffsetDateTime::toInstant).orElseGet(() -> timeline.next(localStart.get()));
        Optional<Instant> end = endWithOffset.map(OffsetDateTime::toInstant)
                .or(() -> timeline.firstAfter(localEnd.get(), start))
                .filter(instant -> instant.isAfter(start));
        Duration wallClock = Duration.between(localStart.get(), localEnd.get());
        if (end.isEmpty() || !wallClock.isPositive()) {
            return Optional.empty();
        }
        Duration elapsed = Duration.between(start, end.get());
        return Optional.of(TimeSpan.between(start, start.plus(elapsed.compareTo(wallClock) < 0 ? elapsed : wallClock)));
    }

    static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
