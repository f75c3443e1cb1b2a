package org.selfdata.importers;

import org.selfdata.model.EnergyReading;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Reads the daily index export of an Enedis account: the same preamble as a load curve (unit {@code Wh}), then a
 * {@code Horodate;Type de releve;EAS F1;…;EAS F10;EAS D1;…;EAS D4;EAS T} header and one row per day.
 *
 * <p>Each {@code EAS} column is a register of active energy drawn, cumulative since the meter was installed: F1 to
 * F10 follow the supplier's tariff periods, D1 to D4 the distributor's, T is the total. Every filled cell becomes an
 * {@code INDEX} reading at the row's instant, named by its register ({@code F1}, {@code D2}, {@code T}); empty cells
 * are registers the contract does not use. Daily energy is a difference between two days' indexes, left to whoever
 * reads the records, so that nothing the file says is lost or guessed.
 *
 * <p>A row whose time or one of whose indexes cannot be read is rejected whole: its other registers would otherwise
 * tell a partial story of that day.
 */
final class LinkyDailyIndex implements RecordReader {
    private static final Pattern REGISTER = Pattern.compile("eas (f([1-9]|10)|d[1-4]|t)");
    private static final Wording HEADER_EXPECTED = Wording.of("error.linky.indexHeader");
    private static final BigDecimal WATT_HOURS_PER_KILOWATT_HOUR = BigDecimal.valueOf(1000);

    private final NumberedLines lines;
    private final ZoneId zone;
    private final Deque<RecordDraft> ready = new ArrayDeque<>();
    private final List<Integer> registerColumns = new ArrayList<>();
    private final List<String> registers = new ArrayList<>();
    private String meter = "";
    private BigDecimal unit = BigDecimal.ONE;
    private int timeColumn;

    LinkyDailyIndex(NumberedLines lines, ZoneId zone) {
        this.lines = requireNonNull(lines, "lines is null");
        this.zone = requireNonNull(zone, "zone is null");
    }

    /** Reads the preamble and the column header; answers the meter's PRM. */
    String readPreamble() {
        List<String> header = LinkyLoadCurve.cells(lines.next().orElseThrow(() -> InvalidInput.at("line 1", HEADER_EXPECTED)));
        int meterColumn = header.indexOf("identifiant prm");
        int unitColumn = header.indexOf("unite");
        if (meterColumn != 0 || unitColumn < 0) {
            throw InvalidInput.at("line " + lines.number(), HEADER_EXPECTED);
        }
        String[] values = lines.next().orElseThrow(() -> InvalidInput.at("line 2", Wording.of("error.linky.noHeaderValues")))
                .split(";", -1);
        String location = "line " + lines.number();
        if (values.length <= unitColumn || values[meterColumn].isBlank()) {
            throw InvalidInput.at(location, Wording.of("error.linky.headerValues"));
        }
        unit = switch (values[unitColumn].strip()) {
            case "Wh" -> BigDecimal.ONE;
            case "kWh" -> WATT_HOURS_PER_KILOWATT_HOUR;
            default -> throw InvalidInput.at(location, Wording.of("error.linky.indexUnit"));
        };
        meter = values[meterColumn].strip();
        readColumns();
        return meter;
    }

    private void readColumns() {
        List<String> columns = LinkyLoadCurve.cells(lines.next().orElse(""));
        timeColumn = columns.indexOf("horodate");
        for (int column = 0; column < columns.size(); column++) {
            if (REGISTER.matcher(columns.get(column)).matches()) {
                registerColumns.add(column);
                registers.add(columns.get(column).substring("eas ".length()).toUpperCase(Locale.ROOT));
            }
        }
        if (timeColumn < 0 || registerColumns.isEmpty()) {
            throw InvalidInput.at("line " + lines.number(), Wording.of("error.linky.indexColumns"));
        }
    }

    @Override
    public Optional<RecordDraft> read() {
        while (ready.isEmpty()) {
            Optional<String> line = lines.next();
            if (line.isEmpty()) {
                return Optional.empty();
            }
            if (!line.get().isBlank()) {
                row(line.get(), Position.line(lines.number()));
            }
        }
        return Optional.of(ready.poll());
    }

    private void row(String text, Position position) {
        String[] cells = text.split(";", -1);
        if (cells.length <= timeColumn) {
            throw InvalidInput.rejected(position, Wording.of("error.linky.indexRow"));
        }
        Instant time = EnedisTimes.withOffset(cells[timeColumn]).map(OffsetDateTime::toInstant)
                .or(() -> EnedisTimes.day(cells[timeColumn]).map(day -> day.atStartOfDay(zone).toInstant()))
                .orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.linky.indexTime")));
        List<RecordDraft> readings = new ArrayList<>();
        for (int register = 0; register < registerColumns.size(); register++) {
            int column = registerColumns.get(register);
            if (column >= cells.length || cells[column].isBlank()) {
                continue;
            }
            String name = registers.get(register);
            BigDecimal index = DecimalText.parse(cells[column]).orElseThrow(() -> InvalidInput.rejected(position,
                    Wording.of("error.linky.registerIndex", String.valueOf(name))));
            EnergyReading reading = InvalidInput.rejecting(position, () -> new EnergyReading(meter, EnergyReading.Quantity.INDEX,
                    LinkyKilowattCurve.canonical(index.multiply(unit)), Optional.empty(), Optional.of(name)));
            readings.add(RecordDraft.of(TimeSpan.at(time), reading, position));
        }
        ready.addAll(readings);
    }
}
