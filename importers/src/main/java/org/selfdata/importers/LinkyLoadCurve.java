package org.selfdata.importers;

import org.selfdata.model.EnergyReading;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Reads an Enedis load curve: a preamble (a header line from {@code Identifiant PRM} to {@code Pas en minutes} and a
 * line of values), then {@code Horodate;Valeur} rows.
 *
 * <p>Each value is the average power in watts over the interval that <em>ends</em> at its timestamp, so a reading
 * spans {@code [timestamp - step, timestamp)} and holds {@code W × step / 60} watt-hours. The step is the preamble's
 * until two consecutive rows are a different step apart (Enedis moves meters from 60 to 30 or 10 minutes): the
 * distance between rows then becomes the step. A row missing altogether would read as a longer step (and several, as
 * a distance that is no step, which leaves the step as it was); Enedis writes a gap as a row with an empty value
 * instead, which is skipped. Energy is exact except for steps whose division by 60
 * does not terminate (10 minutes), which are rounded to the milliwatt-hour.
 *
 * <p>A row whose timestamp or value cannot be read is rejected alone; the row after it keeps the step in force, since
 * its distance from the rejected row is unknown.
 */
final class LinkyLoadCurve implements RecordReader {
    private static final Set<Integer> STEPS = Set.of(5, 10, 15, 30, 60);
    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);
    private static final Wording HEADER_EXPECTED = Wording.of("error.linky.loadHeader");

    private final NumberedLines lines;
    private String meter = "";
    private Optional<Integer> step = Optional.empty();
    private Optional<Instant> previous = Optional.empty();

    LinkyLoadCurve(NumberedLines lines) {
        this.lines = requireNonNull(lines, "lines is null");
    }

    /** Reads the preamble and the column header; answers the meter's PRM. */
    String readPreamble() {
        String header = lines.next().orElseThrow(() -> InvalidInput.at("line 1", HEADER_EXPECTED));
        readPreamble(header);
        return meter;
    }

    @Override
    public Optional<RecordDraft> read() {
        for (Optional<String> line = lines.next(); line.isPresent(); line = lines.next()) {
            String text = line.get();
            if (text.isBlank()) {
                continue;
            }
            if (text.toLowerCase(Locale.ROOT).startsWith(LinkyLoadCurveImporter.PREAMBLE_START)) {
                readPreamble(text);
                continue;
            }
            Optional<RecordDraft> reading = row(text, lines.number());
            if (reading.isPresent()) {
                return reading;
            }
        }
        return Optional.empty();
    }

    private void readPreamble(String headerLine) {
        long headerNumber = lines.number();
        List<String> header = cells(headerLine);
        int meterColumn = header.indexOf("identifiant prm");
        int unitColumn = header.indexOf("unite");
        int stepColumn = header.indexOf("pas en minutes");
        if (meterColumn != 0 || unitColumn < 0 || stepColumn < 0) {
            throw InvalidInput.at("line " + headerNumber, HEADER_EXPECTED);
        }
        String values = lines.next()
                .orElseThrow(() -> InvalidInput.at("line " + (headerNumber + 1), Wording.of("error.linky.noHeaderValues")));
        String[] cells = values.split(";", -1);
        String location = "line " + lines.number();
        if (cells.length <= Math.max(unitColumn, stepColumn) || cells[meterColumn].isBlank()) {
            throw InvalidInput.at(location, Wording.of("error.linky.headerValues"));
        }
        if (!cells[unitColumn].strip().equals("W")) {
            throw InvalidInput.at(location, Wording.of("error.linky.loadUnit"));
        }
        meter = cells[meterColumn].strip();
        step = cells[stepColumn].isBlank() ? Optional.empty() : Optional.of(step(cells[stepColumn].strip(), location));
        previous = Optional.empty();
        String columns = lines.next().orElse("");
        if (!columns.strip().toLowerCase(Locale.ROOT).startsWith("horodate;valeur")) {
            throw InvalidInput.at("line " + lines.number(), Wording.of("error.linky.loadColumns"));
        }
    }

    private Optional<RecordDraft> row(String text, long number) {
        Position position = Position.line(number);
        String[] cells = text.split(";", -1);
        if (cells.length < 2) {
            throw InvalidInput.rejected(position, Wording.of("error.linky.loadRow"));
        }
        Optional<Instant> read = timestamp(cells[0].strip());
        if (read.isEmpty()) {
            // The next row's step is then the current one, not its distance from the row before this one.
            previous = Optional.empty();
            throw InvalidInput.rejected(position, Wording.of("error.linky.loadTime"));
        }
        Instant end = read.get();
        int minutes = stepEndingAt(end, position);
        previous = Optional.of(end);
        if (cells[1].isBlank()) {
            return Optional.empty();
        }
        BigDecimal watts = DecimalText.parse(cells[1])
                .orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.linky.watts")));
        EnergyReading reading = InvalidInput.rejecting(position, () -> new EnergyReading(meter, EnergyReading.Quantity.ENERGY,
                wattHours(watts, minutes), Optional.of(minutes), Optional.empty()));
        TimeSpan span = TimeSpan.between(end.minus(Duration.ofMinutes(minutes)), end);
        return Optional.of(RecordDraft.of(span, reading, position));
    }

    private int stepEndingAt(Instant end, Position position) {
        if (previous.isPresent()) {
            long minutes = Duration.between(previous.get(), end).toMinutes();
            if (minutes <= 0) {
                throw InvalidInput.rejected(position, Wording.of("error.linky.notLater"));
            }
            if (step.isEmpty() || minutes != step.get()) {
                // A distance that is no step at all means rows are missing: the step in force stays.
                step = knownStep(Long.toString(minutes)).or(() -> step);
            }
        }
        return step.orElseThrow(() -> InvalidInput.at(position, Wording.of("error.linky.noStep")));
    }

    private static int step(String text, String location) {
        return knownStep(text).orElseThrow(() -> InvalidInput.at(location, Wording.of("error.linky.step")));
    }

    private static Optional<Integer> knownStep(String text) {
        try {
            return Optional.of(Integer.parseInt(text)).filter(STEPS::contains);
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> timestamp(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        }
        catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static BigDecimal wattHours(BigDecimal watts, int minutes) {
        BigDecimal product = watts.multiply(BigDecimal.valueOf(minutes));
        try {
            return product.divide(MINUTES_PER_HOUR);
        }
        catch (ArithmeticException nonTerminating) {
            return product.divide(MINUTES_PER_HOUR, 3, RoundingMode.HALF_EVEN);
        }
    }

    /** The cells of a header line, stripped, lower case and without accents. */
    static List<String> cells(String line) {
        // Headers come with and without accents (Unité, Unite), depending on the export's age.
        return Arrays.stream(line.split(";", -1))
                .map(cell -> Normalizer.normalize(cell.strip(), Normalizer.Form.NFD))
                .map(cell -> cell.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT))
                .toList();
    }
}
