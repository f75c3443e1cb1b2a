package org.selfdata.services;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The electricity tariff's prices as data, so that the operator updates them when the regulated tariffs change without
 * a new release: the day they apply from and where they come from, the off-peak hours, the number of Tempo days of each
 * colour, each option's subscription per month by subscribed power (kVA), and each price per kWh. The format is described
 * at the top of {@code tariffs-fr.csv}, the table shipped with selfdata. A table that cannot be read is refused whole,
 * with the line at fault named, rather than used with a price missing.
 */
public final class TariffTable {
    /** The table shipped with selfdata: the French regulated tariffs. */
    public static final String STANDARD = "tariffs-fr.csv";
    private static final Pattern HOURS = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");

    private final LocalDate appliesFrom;
    private final String source;
    private final List<Hours> offPeakHours;
    private final Map<TempoColour, Integer> tempoDays;
    private final Map<TariffOption, TreeMap<Integer, BigDecimal>> subscriptions;
    private final Map<TariffSlot, BigDecimal> prices;

    /** Hours of the day from {@code start} to {@code end}, across midnight when {@code end} comes first. */
    public record Hours(LocalTime start, LocalTime end) {
        public Hours {
            requireNonNull(start, "start is null");
            requireNonNull(end, "end is null");
        }

        boolean holds(LocalTime time) {
            return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                    : !time.isBefore(start) || time.isBefore(end);
        }
    }

    private TariffTable(LocalDate appliesFrom, String source, List<Hours> offPeakHours, Map<TempoColour, Integer> tempoDays,
            Map<TariffOption, TreeMap<Integer, BigDecimal>> subscriptions, Map<TariffSlot, BigDecimal> prices) {
        this.appliesFrom = appliesFrom;
        this.source = source;
        this.offPeakHours = List.copyOf(offPeakHours);
        this.tempoDays = Map.copyOf(tempoDays);
        this.subscriptions = subscriptions;
        this.prices = prices;
    }

    /** The table shipped with selfdata. */
    public static TariffTable standard() {
        InputStream in = TariffTable.class.getResourceAsStream(STANDARD);
        if (in == null) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.services.tariffs.missing", STANDARD));
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(STANDARD, reader);
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.services.tariffs.missing", STANDARD), e);
        }
    }

    /** A table the operator keeps in a file of their own. */
    public static TariffTable read(Path file) {
        requireNonNull(file, "file is null");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.getFileName().toString(), reader);
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.services.tariffs.missing", file.toString()),
                    e);
        }
    }

    /** @param name how the table is named in errors, such as its file's name */
    public static TariffTable read(String name, Reader reader) throws IOException {
        return new Parser(name).parse(new BufferedReader(reader));
    }

    public LocalDate appliesFrom() {
        return appliesFrom;
    }

    public String source() {
        return source;
    }

    public List<Hours> offPeakHours() {
        return offPeakHours;
    }

    /** How many days of the colour a Tempo year has. */
    public int tempoDays(TempoColour colour) {
        return tempoDays.get(colour);
    }

    /** The subscription per month of the option at that power, when the table gives one. */
    public Optional<BigDecimal> subscription(TariffOption option, int kilovoltAmperes) {
        return Optional.ofNullable(subscriptions.get(option).get(kilovoltAmperes));
    }

    /** The powers, in kVA, the table gives the option's subscription for, smallest first. */
    public List<Integer> powers(TariffOption option) {
        return List.copyOf(subscriptions.get(option).keySet());
    }

    public BigDecimal price(TariffSlot slot) {
        return prices.get(slot);
    }

    /** Whether the "Heures creuses" option counts a time of day as off-peak. */
    public boolean offPeak(LocalTime time) {
        return offPeakHours.stream().anyMatch(hours -> hours.holds(time));
    }

    /** Reads the table line by line, naming the first line at fault. */
    private static final class Parser {
        private final String name;
        private final Map<String, Integer> seen = new HashMap<>();
        private LocalDate appliesFrom;
        private String source;
        private final List<Hours> offPeakHours = new ArrayList<>();
        private final Map<TempoColour, Integer> tempoDays = new EnumMap<>(TempoColour.class);
        private final Map<TariffOption, TreeMap<Integer, BigDecimal>> subscriptions = new EnumMap<>(TariffOption.class);
        private final Map<TariffSlot, BigDecimal> prices = new EnumMap<>(TariffSlot.class);
        private int number;

        Parser(String name) {
            this.name = name;
            for (TariffOption option : TariffOption.values()) {
                subscriptions.put(option, new TreeMap<>());
            }
        }

        TariffTable parse(BufferedReader reader) throws IOException {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                String text = line.strip();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    field(text.split(";", -1));
                }
            }
            require(appliesFrom != null, "applies-from");
            require(source != null, "source");
            require(!offPeakHours.isEmpty(), "off-peak-hours");
            require(!tempoDays.isEmpty(), "tempo-days");
            for (TariffOption option : TariffOption.values()) {
                require(!subscriptions.get(option).isEmpty(), "subscription;" + option.term());
            }
            for (TariffSlot slot : TariffSlot.values()) {
                require(prices.containsKey(slot), "price;" + slot.option().term() + ";" + slot.term());
            }
            return new TariffTable(appliesFrom, source, offPeakHours, tempoDays, subscriptions, prices);
        }

        private void field(String[] values) {
            String field = values[0].strip();
            switch (field) {
                case "applies-from" -> {
                    count(values, 2);
                    once(field);
                    appliesFrom = day(values[1].strip());
                }
                case "source" -> {
                    count(values, 2);
                    once(field);
                    if (values[1].isBlank()) {
                        throw fault(Wording.of("error.services.tariffs.blank", field));
                    }
                    source = values[1].strip();
                }
                case "off-peak-hours" -> {
                    once(field);
                    if (values.length < 2) {
                        throw fault(Wording.of("error.services.tariffs.values", field, "2"));
                    }
                    for (int index = 1; index < values.length; index++) {
                        offPeakHours.add(hours(values[index].strip()));
                    }
                }
                case "tempo-days" -> {
                    count(values, 4);
                    once(field);
                    tempoDays.put(TempoColour.BLUE, whole(values[1].strip()));
                    tempoDays.put(TempoColour.WHITE, whole(values[2].strip()));
                    tempoDays.put(TempoColour.RED, whole(values[3].strip()));
                }
                case "subscription" -> {
                    count(values, 4);
                    TariffOption option = option(values[1].strip());
                    int power = whole(values[2].strip());
                    once(field + ";" + option.term() + ";" + power);
                    subscriptions.get(option).put(power, euros(values[3].strip()));
                }
                case "price" -> {
                    count(values, 4);
                    TariffOption option = option(values[1].strip());
                    String period = values[2].strip();
                    TariffSlot slot = TariffSlot.of(option, period).orElseThrow(() -> fault(Wording.of(
                            "error.services.tariffs.period", period, option.term(),
                            String.join(", ", TariffSlot.of(option).stream().map(TariffSlot::term).toList()))));
                    once(field + ";" + option.term() + ";" + slot.term());
                    prices.put(slot, euros(values[3].strip()));
                }
                default -> throw fault(Wording.of("error.services.tariffs.field", field));
            }
        }

        private void count(String[] values, int expected) {
            if (values.length != expected) {
                throw fault(Wording.of("error.services.tariffs.values", values[0].strip(), Integer.toString(expected)));
            }
        }

        private void once(String what) {
            Integer before = seen.putIfAbsent(what, number);
            if (before != null) {
                throw fault(Wording.of("error.services.tariffs.twice", what, before));
            }
        }

        private LocalDate day(String value) {
            try {
                return LocalDate.parse(value);
            }
            catch (DateTimeParseException e) {
                throw fault(Wording.of("error.services.tariffs.date", value));
            }
        }

        private Hours hours(String value) {
            Matcher matcher = HOURS.matcher(value);
            try {
                if (matcher.matches()) {
                    return new Hours(LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))),
                            LocalTime.of(Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4))));
                }
            }
            catch (java.time.DateTimeException e) {
                // An hour past 23 or a minute past 59: refused below, as any other malformed hours.
            }
            throw fault(Wording.of("error.services.tariffs.hours", value));
        }

        private int whole(String value) {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed >= 0 && parsed <= 366) {
                    return parsed;
                }
            }
            catch (NumberFormatException e) {
                // Refused below, as a number out of range is.
            }
            throw fault(Wording.of("error.services.tariffs.whole", value));
        }

        private BigDecimal euros(String value) {
            try {
                BigDecimal parsed = new BigDecimal(value);
                if (parsed.signum() >= 0) {
                    return parsed;
                }
            }
            catch (NumberFormatException e) {
                // Refused below, as a negative price is.
            }
            throw fault(Wording.of("error.services.tariffs.number", value));
        }

        private TariffOption option(String value) {
            return TariffOption.fromTerm(value).orElseThrow(() -> fault(Wording.of("error.services.tariffs.option", value)));
        }

        private void require(boolean present, String what) {
            if (!present) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.services.tariffs.lacks", name, what));
            }
        }

        private SelfdataException fault(Wording reason) {
            return new SelfdataException(ErrorCode.INVALID_INPUT,
                    Wording.of("error.services.tariffs.line", name, number, reason));
        }
    }
}
