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
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The emission factors as data, so that the operator updates them when ADEME publishes new figures without a new
 * release: per kWh of electricity, per passenger-km of each way of travelling, and per euro of each spending category.
 * The format is described at the top of {@code carbon-factors-fr.csv}, the file shipped with selfdata. A file that
 * cannot be read is refused whole, with the line at fault named, rather than used with a factor missing.
 */
public final class CarbonFactors {
    /** The factors shipped with selfdata: ADEME's, for France. */
    public static final String STANDARD = "carbon-factors-fr.csv";
    static final String KILOWATT_HOUR = "kWh";
    static final String PASSENGER_KILOMETRE = "passenger-km";
    static final String EURO = "euro";
    static final String ELECTRICITY = "electricity";
    static final String SPENDING = "spending-";

    private final Map<String, CarbonFactor> factors;

    private static final Supplier<CarbonFactors> SHIPPED = new Once<>(CarbonFactors::standard);

    private CarbonFactors(Map<String, CarbonFactor> factors) {
        this.factors = Map.copyOf(factors);
    }

    /** The file shipped with selfdata, parsed on first use and kept, for the services that ask for it at each estimate. */
    public static Supplier<CarbonFactors> shipped() {
        return SHIPPED;
    }

    /** The file shipped with selfdata. */
    public static CarbonFactors standard() {
        InputStream in = CarbonFactors.class.getResourceAsStream(STANDARD);
        if (in == null) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.services.carbonFactors.missing", STANDARD));
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(STANDARD, reader);
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.services.carbonFactors.missing", STANDARD),
                    e);
        }
    }

    /** Factors the operator keeps in a file of their own. */
    public static CarbonFactors read(Path file) {
        requireNonNull(file, "file is null");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.getFileName().toString(), reader);
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT,
                    Wording.of("error.services.carbonFactors.missing", file.toString()), e);
        }
    }

    /** @param name how the file is named in errors, such as its file's name */
    public static CarbonFactors read(String name, Reader reader) throws IOException {
        return new Parser(name).parse(new BufferedReader(reader));
    }

    /** The factor of a key the file must give: electricity, a way of travelling, or a spending category. */
    public CarbonFactor factor(String key) {
        CarbonFactor factor = factors.get(key);
        if (factor == null) {
            throw new IllegalArgumentException("no factor " + key);
        }
        return factor;
    }

    public CarbonFactor electricity() {
        return factor(ELECTRICITY);
    }

    public CarbonFactor travel(CarbonMode mode) {
        return factor(mode.term());
    }

    public CarbonFactor spending(MoneyCategory category) {
        return factor(SPENDING + category.term());
    }

    /** Every key the file must give once, with the unit its factor is in. */
    static Map<String, String> expected() {
        Map<String, String> units = new LinkedHashMap<>();
        units.put(ELECTRICITY, KILOWATT_HOUR);
        for (CarbonMode mode : CarbonMode.values()) {
            units.put(mode.term(), PASSENGER_KILOMETRE);
        }
        for (MoneyCategory category : CarbonSpending.COUNTED) {
            units.put(SPENDING + category.term(), EURO);
        }
        return units;
    }

    /** Reads the file line by line, naming the first line at fault. */
    private static final class Parser {
        private final String name;
        private final Map<String, String> expected = expected();
        private final Map<String, Integer> seen = new HashMap<>();
        private final Map<String, CarbonFactor> factors = new HashMap<>();
        private int number;

        Parser(String name) {
            this.name = name;
        }

        CarbonFactors parse(BufferedReader reader) throws IOException {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                String text = line.strip();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    factor(text.split(";", -1));
                }
            }
            for (String key : expected.keySet()) {
                if (!factors.containsKey(key)) {
                    throw new SelfdataException(ErrorCode.INVALID_INPUT,
                            Wording.of("error.services.carbonFactors.lacks", name, key));
                }
            }
            return new CarbonFactors(factors);
        }

        private void factor(String[] values) {
            if (values.length != 5) {
                throw fault(Wording.of("error.services.carbonFactors.values", Integer.toString(values.length)));
            }
            String key = values[0].strip();
            String unit = expected.get(key);
            if (unit == null) {
                throw fault(Wording.of("error.services.carbonFactors.key", key, String.join(", ", expected.keySet())));
            }
            Integer before = seen.putIfAbsent(key, number);
            if (before != null) {
                throw fault(Wording.of("error.services.carbonFactors.twice", key, before));
            }
            BigDecimal kilograms = kilograms(values[1].strip());
            if (!values[2].strip().equals(unit)) {
                throw fault(Wording.of("error.services.carbonFactors.unit", values[2].strip(), key, unit));
            }
            LocalDate published = day(values[3].strip());
            String source = values[4].strip();
            if (source.isEmpty()) {
                throw fault(Wording.of("error.services.carbonFactors.source", key));
            }
            factors.put(key, new CarbonFactor(key, kilograms, unit, published, source));
        }

        private BigDecimal kilograms(String value) {
            try {
                BigDecimal parsed = new BigDecimal(value);
                if (parsed.signum() >= 0) {
                    return parsed;
                }
            }
            catch (NumberFormatException e) {
                // Refused below, as a negative factor is.
            }
            throw fault(Wording.of("error.services.carbonFactors.number", value));
        }

        private LocalDate day(String value) {
            try {
                return LocalDate.parse(value);
            }
            catch (DateTimeParseException e) {
                throw fault(Wording.of("error.services.carbonFactors.date", value));
            }
        }

        private SelfdataException fault(Wording reason) {
            return new SelfdataException(ErrorCode.INVALID_INPUT,
                    Wording.of("error.services.carbonFactors.line", name, number, reason));
        }
    }
}
