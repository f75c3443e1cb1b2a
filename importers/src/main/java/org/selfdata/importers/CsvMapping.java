package org.selfdata.importers;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * How to read bank transactions from a CSV file no importer knows: which column holds what, and how it is written.
 *
 * <p>A mapping is written as a properties file (UTF-8), read by {@link #read(Path)} or {@link #parse(String)}, or
 * built with {@link #builder()}. Columns are named by their header text (compared without case, accents or extra
 * spaces) or, in a file with or without a header, by their number from 1. Keys:
 * <ul>
 *   <li>{@code column.date} (required): the booking date;</li>
 *   <li>{@code column.amount}: the signed amount; or {@code column.debit} and/or {@code column.credit}, money out and
 *       money in in columns of their own (a debit counts as money out whatever its sign);</li>
 *   <li>{@code column.label}, {@code column.value-date}, {@code column.memo}, {@code column.reference},
 *       {@code column.counterparty}, {@code column.account}, {@code column.currency}, {@code column.category},
 *       {@code column.kind}: optional;</li>
 *   <li>{@code delimiter}: one character, or {@code tab}; {@code ;} by default;</li>
 *   <li>{@code encoding}: {@code auto} (UTF-8 where the bytes are valid UTF-8, cp1252 elsewhere; the default) or a
 *       charset name such as {@code ISO-8859-1};</li>
 *   <li>{@code header}: {@code true} (the default: the header is the first row, after the skipped lines, that names
 *       every named column) or {@code false} (every row is data);</li>
 *   <li>{@code skip-lines}: lines to skip before anything is read, 0 by default;</li>
 *   <li>{@code date-pattern}: a {@link DateTimeFormatter} pattern for both dates, {@code dd/MM/yyyy} by default; a
 *       pattern with a time of day reads the date part;</li>
 *   <li>{@code decimal-mark}: {@code comma}, {@code point} or {@code auto} (the default: the last of the two);</li>
 *   <li>{@code currency}: the ISO 4217 code of rows without a currency column, {@code EUR} by default;</li>
 *   <li>{@code account}: the account of rows without an account column, which the transactions and the source's
 *       label (masked) then carry;</li>
 *   <li>{@code organization} and {@code source-label}: how the source is shown;</li>
 *   <li>{@code html-entities}: {@code true} to decode {@code &amp;}-style references in texts.</li>
 * </ul>
 * Unknown keys and contradictions are refused, with the key named: a mistyped key would otherwise silently map
 * nothing.
 */
public final class CsvMapping {
    static final String UNKNOWN_ACCOUNT = "unknown";
    private static final String COLUMN_PREFIX = "column.";
    private static final Set<String> SETTINGS = Set.of("delimiter", "encoding", "header", "skip-lines", "date-pattern",
            "decimal-mark", "currency", "account", "organization", "source-label", "html-entities");

    private final char delimiter;
    private final Optional<Charset> encoding;
    private final boolean header;
    private final int skipLines;
    private final String datePattern;
    private final DateTimeFormatter dateFormat;
    private final DecimalMark decimalMark;
    private final Map<Field, Column> columns;
    private final String currency;
    private final Optional<String> account;
    private final Optional<String> organization;
    private final Optional<String> sourceLabel;
    private final boolean htmlEntities;

    private CsvMapping(Builder builder) {
        delimiter = builder.delimiter;
        encoding = builder.encoding;
        header = builder.header;
        skipLines = builder.skipLines;
        datePattern = builder.datePattern;
        dateFormat = dateFormat(builder.datePattern);
        decimalMark = builder.decimalMark;
        columns = Map.copyOf(builder.columns);
        currency = builder.currency;
        account = builder.account;
        organization = builder.organization;
        sourceLabel = builder.sourceLabel;
        htmlEntities = builder.htmlEntities;
        validate();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads a mapping file; see the class comment for its keys. */
    public static CsvMapping read(Path file) {
        requireNonNull(file, "file is null");
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        }
        catch (NoSuchFileException e) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, InvalidInput.wording(file.getFileName(),
                    Wording.of("error.csvMapping.noFile")), e);
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, InvalidInput.wording(file.getFileName(),
                    Wording.of("error.csvMapping.notText")), e);
        }
    }

    /** Parses the text of a mapping file; see the class comment for its keys. */
    public static CsvMapping parse(String text) {
        requireNonNull(text, "text is null");
        Properties properties = new Properties();
        try (Reader reader = new StringReader(text)) {
            properties.load(reader);
        }
        catch (IOException | IllegalArgumentException e) {
            throw invalid(Wording.of("error.csvMapping.notProperties", String.valueOf(e.getMessage())));
        }
        Builder builder = builder();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            builder.set(key, properties.getProperty(key).strip());
        }
        return builder.build();
    }

    char delimiter() {
        return delimiter;
    }

    Optional<Charset> encoding() {
        return encoding;
    }

    boolean header() {
        return header;
    }

    int skipLines() {
        return skipLines;
    }

    String datePattern() {
        return datePattern;
    }

    DateTimeFormatter dateFormat() {
        return dateFormat;
    }

    DecimalMark decimalMark() {
        return decimalMark;
    }

    Optional<Column> column(Field field) {
        return Optional.ofNullable(columns.get(field));
    }

    Map<Field, Column> columns() {
        return columns;
    }

    String currency() {
        return currency;
    }

    Optional<String> account() {
        return account;
    }

    Optional<String> organization() {
        return organization;
    }

    Optional<String> sourceLabel() {
        return sourceLabel;
    }

    boolean htmlEntities() {
        return htmlEntities;
    }

    /**
     * The mapping as the keys of its file, in a steady order, leaving out what is at its default: what a person
     * saves, reads again and corrects, and what a page shows in its form.
     */
    public Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        if (skipLines > 0) {
            keys.put("skip-lines", Integer.toString(skipLines));
        }
        keys.put("header", Boolean.toString(header));
        keys.put("delimiter", delimiter == '\t' ? "tab" : String.valueOf(delimiter));
        encoding.ifPresent(charset -> keys.put("encoding", charset.name()));
        keys.put("date-pattern", datePattern);
        keys.put("decimal-mark", decimalMark.name().toLowerCase(Locale.ROOT));
        Arrays.stream(Field.values()).filter(columns::containsKey).forEach(field -> keys.put(field.key(),
                columns.get(field).name().orElse(Integer.toString(columns.get(field).number()))));
        if (!currency.equals("EUR")) {
            keys.put("currency", currency);
        }
        account.ifPresent(value -> keys.put("account", value));
        organization.ifPresent(value -> keys.put("organization", value));
        sourceLabel.ifPresent(value -> keys.put("source-label", value));
        if (htmlEntities) {
            keys.put("html-entities", "true");
        }
        return keys;
    }

    /** The mapping as the text of its file, which {@link #parse(String)} reads back as the same mapping. */
    public String properties() {
        StringBuilder text = new StringBuilder();
        keys().forEach((key, value) -> text.append(key).append('=').append(escaped(value)).append('\n'));
        return text.toString();
    }

    /** A value as a properties file writes it: a backslash escapes, so it is doubled. */
    private static String escaped(String value) {
        return value.replace("\\", "\\\\");
    }

    /** A copy of this mapping whose rows without an account column belong to the given account. */
    CsvMapping withAccount(String accountNumber) {
        return toBuilder().account(accountNumber).build();
    }

    private Builder toBuilder() {
        Builder builder = new Builder();
        builder.delimiter = delimiter;
        builder.encoding = encoding;
        builder.header = header;
        builder.skipLines = skipLines;
        builder.datePattern = datePattern;
        builder.decimalMark = decimalMark;
        builder.columns.putAll(columns);
        builder.currency = currency;
        builder.account = account;
        builder.organization = organization;
        builder.sourceLabel = sourceLabel;
        builder.htmlEntities = htmlEntities;
        return builder;
    }

    private void validate() {
        if (!columns.containsKey(Field.DATE)) {
            throw invalid(Wording.of("error.csvMapping.noDate"));
        }
        boolean debitOrCredit = columns.containsKey(Field.DEBIT) || columns.containsKey(Field.CREDIT);
        if (columns.containsKey(Field.AMOUNT) == debitOrCredit) {
            throw invalid(Wording.of("error.csvMapping.noAmount"));
        }
        if (!header) {
            columns.forEach((field, column) -> {
                if (column.name().isPresent()) {
                    throw invalid(Wording.of("error.input.at", String.valueOf(field.key()),
                            Wording.of("error.csvMapping.numberedColumns")));
                }
            });
        }
    }

    private static DateTimeFormatter dateFormat(String pattern) {
        DateTimeFormatter format;
        try {
            // Strict resolution refuses 31/02; it needs the proleptic year (u) where people write the year of era (y).
            format = DateTimeFormatter.ofPattern(prolepticYears(pattern), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
            LocalDate.parse(format.format(LocalDateTime.of(2024, 1, 31, 13, 45, 10)), format);
        }
        catch (IllegalArgumentException | DateTimeException e) {
            throw invalid(Wording.of("error.csvMapping.datePattern"));
        }
        return format;
    }

    private static String prolepticYears(String pattern) {
        StringBuilder converted = new StringBuilder(pattern.length());
        boolean literal = false;
        for (char character : pattern.toCharArray()) {
            literal ^= character == '\'';
            converted.append(!literal && character == 'y' ? 'u' : character);
        }
        return converted.toString();
    }

    private static SelfdataException invalid(Wording message) {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, message);
    }

    /** Which character separates the units from the decimals. */
    public enum DecimalMark {
        /** {@code 1234,56}: French banks. */
        COMMA,
        /** {@code 1234.56}. */
        POINT,
        /** The last point or comma, unless it appears several times: for files that mix both. */
        AUTO
    }

    /** What a column holds. */
    public enum Field {
        DATE, VALUE_DATE, AMOUNT, DEBIT, CREDIT, LABEL, MEMO, REFERENCE, COUNTERPARTY, ACCOUNT, CURRENCY, CATEGORY, KIND;

        String key() {
            return COLUMN_PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Optional<Field> ofKey(String key) {
            return Arrays.stream(values()).filter(field -> field.key().equals(key)).findFirst();
        }
    }

    /**
     * A column, by its header text or by its position.
     *
     * @param name the header text, compared after {@link HeaderText#normalize}
     * @param number the column's 1-based number, when named by position
     */
    record Column(Optional<String> name, int number) {
        Column {
            requireNonNull(name, "name is null");
        }

        static Column named(String name) {
            if (name.isBlank()) {
                throw invalid(Wording.of("error.csvMapping.emptyHeader"));
            }
            return new Column(Optional.of(name.strip()), 0);
        }

        static Column numbered(int number) {
            if (number < 1) {
                throw invalid(Wording.of("error.csvMapping.columnNumber"));
            }
            return new Column(Optional.empty(), number);
        }

        /** A number names a column by position, anything else by its header text. */
        static Column of(String reference) {
            return reference.matches("\\d{1,4}") ? numbered(Integer.parseInt(reference)) : named(reference);
        }

        @Override
        public String toString() {
            return Words.english().say(wording());
        }

        /** The column as a message names it, by its header's name or by its number. */
        Wording wording() {
            return name.map(text -> Wording.of("error.csv.namedColumn", text))
                    .orElse(Wording.of("error.csv.numberedColumn", Integer.toString(number)));
        }
    }

    /** Collects a mapping's values, from a file's keys or from code (a command line's options). */
    public static final class Builder {
        private char delimiter = ';';
        private Optional<Charset> encoding = Optional.empty();
        private boolean header = true;
        private int skipLines;
        private String datePattern = "dd/MM/yyyy";
        private DecimalMark decimalMark = DecimalMark.AUTO;
        private final Map<Field, Column> columns = new EnumMap<>(Field.class);
        private String currency = "EUR";
        private Optional<String> account = Optional.empty();
        private Optional<String> organization = Optional.empty();
        private Optional<String> sourceLabel = Optional.empty();
        private boolean htmlEntities;

        private Builder() {}

        /** Sets one value by its key in a mapping file, such as {@code column.date} or {@code delimiter}. */
        public Builder set(String key, String value) {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
            Optional<Field> field = Field.ofKey(key);
            if (field.isPresent()) {
                return column(field.get(), value);
            }
            if (!SETTINGS.contains(key)) {
                throw invalid(Wording.of("error.csvMapping.unknownKey", String.valueOf(HeaderText.quotable(key)),
                        String.valueOf(knownKeys())));
            }
            if (value.isEmpty()) {
                throw invalid(Wording.of("error.input.at", String.valueOf(key), Wording.of("error.csvMapping.noValue")));
            }
            return switch (key) {
                case "delimiter" -> delimiter(value.equals("tab") ? '\t' : single(key, value));
                case "encoding" -> value.equalsIgnoreCase("auto") ? autoEncoding() : encoding(charset(value));
                case "header" -> header(bool(key, value));
                case "skip-lines" -> skipLines(count(key, value));
                case "date-pattern" -> datePattern(value);
                case "decimal-mark" -> decimalMark(mark(value));
                case "currency" -> currency(value);
                case "account" -> account(value);
                case "organization" -> organization(value);
                case "source-label" -> sourceLabel(value);
                default -> htmlEntities(bool(key, value));
            };
        }

        /** Names a column by a number from 1, or by its header text. */
        public Builder column(Field field, String reference) {
            requireNonNull(field, "field is null");
            requireNonNull(reference, "reference is null");
            if (reference.isBlank()) {
                throw invalid(Wording.of("error.input.at", String.valueOf(field.key()), Wording.of("error.csvMapping.column")));
            }
            columns.put(field, Column.of(reference.strip()));
            return this;
        }

        public Builder delimiter(char value) {
            if (value == '"' || value == '\n' || value == '\r') {
                throw invalid(Wording.of("error.csvMapping.delimiter"));
            }
            delimiter = value;
            return this;
        }

        public Builder encoding(Charset value) {
            encoding = Optional.of(requireNonNull(value, "value is null"));
            return this;
        }

        public Builder autoEncoding() {
            encoding = Optional.empty();
            return this;
        }

        public Builder header(boolean value) {
            header = value;
            return this;
        }

        public Builder skipLines(int value) {
            if (value < 0) {
                throw invalid(Wording.of("error.csvMapping.skipLines"));
            }
            skipLines = value;
            return this;
        }

        public Builder datePattern(String value) {
            datePattern = requireNonNull(value, "value is null");
            return this;
        }

        public Builder decimalMark(DecimalMark value) {
            decimalMark = requireNonNull(value, "value is null");
            return this;
        }

        public Builder currency(String value) {
            if (!value.matches("[A-Z]{3}")) {
                throw invalid(Wording.of("error.csvMapping.currency"));
            }
            currency = value;
            return this;
        }

        public Builder account(String value) {
            account = Optional.of(requireText("account", value));
            return this;
        }

        public Builder organization(String value) {
            organization = Optional.of(requireText("organization", value));
            return this;
        }

        public Builder sourceLabel(String value) {
            sourceLabel = Optional.of(requireText("source-label", value));
            return this;
        }

        public Builder htmlEntities(boolean value) {
            htmlEntities = value;
            return this;
        }

        public CsvMapping build() {
            return new CsvMapping(this);
        }

        private static String requireText(String key, String value) {
            if (value.isBlank() || value.length() > 64) {
                throw invalid(Wording.of("error.input.at", String.valueOf(key), Wording.of("error.csvMapping.textLength")));
            }
            return value.strip();
        }

        private static char single(String key, String value) {
            if (value.length() != 1) {
                throw invalid(Wording.of("error.input.at", String.valueOf(key), Wording.of("error.csvMapping.character")));
            }
            return value.charAt(0);
        }

        private static boolean bool(String key, String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw invalid(Wording.of("error.input.at", String.valueOf(key), Wording.of("error.csvMapping.flag")));
            };
        }

        private static int count(String key, String value) {
            if (!value.matches("\\d{1,6}")) {
                throw invalid(Wording.of("error.input.at", String.valueOf(key), Wording.of("error.csvMapping.lines")));
            }
            return Integer.parseInt(value);
        }

        private static DecimalMark mark(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "comma", "," -> DecimalMark.COMMA;
                case "point", "." -> DecimalMark.POINT;
                case "auto" -> DecimalMark.AUTO;
                default -> throw invalid(Wording.of("error.csvMapping.decimalMark"));
            };
        }

        private static Charset charset(String name) {
            try {
                return Charset.forName(name);
            }
            catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw invalid(Wording.of("error.csvMapping.encoding"));
            }
        }

        private static String knownKeys() {
            List<String> keys = new ArrayList<>(SETTINGS);
            Arrays.stream(Field.values()).map(Field::key).forEach(keys::add);
            return keys.stream().sorted().collect(Collectors.joining(", "));
        }
    }
}
