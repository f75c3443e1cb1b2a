package org.selfdata.importers;

import org.selfdata.model.BankTransaction;
import org.selfdata.model.ImportItem;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.Rejection;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * How a mapping reads the first rows of a file, before anything is imported: each row's date, amount and label, or
 * why it cannot be read. A page shows it beside the mapping's form, so that a wrong column or pattern shows at once.
 */
public final class CsvMappingCheck {
    private CsvMappingCheck() {}

    /** A row as the mapping reads it, or its rejection. */
    public sealed interface Row permits Read, Refused {}

    /** @param position where the row is in the file, such as {@code line 3} */
    public record Read(String position, LocalDate date, BigDecimal amount, String currency, String label) implements Row {}

    public record Refused(Rejection rejection) implements Row {}

    /**
     * The first {@code count} rows of the file these bytes begin, read with the mapping. A fault that stops the
     * whole reading (a header the mapping names that the file lacks) is thrown, with its position.
     */
    public static List<Row> firstRows(byte[] head, CsvMapping mapping, int count) {
        requireNonNull(head, "head is null");
        requireNonNull(mapping, "mapping is null");
        try (ParsedFile file = new MappedCsvImporter(mapping).open(new ByteArrayInputStream(CsvShape.wholeLines(head)),
                new ImportContext(ZoneOffset.UTC));
             Stream<ImportItem> items = file.items()) {
            return items.limit(count).map(CsvMappingCheck::row).toList();
        }
    }

    private static Row row(ImportItem item) {
        return switch (item) {
            case RecordDraft draft when draft.payload() instanceof BankTransaction transaction -> new Read(
                    draft.position().value(), transaction.bookingDate(), transaction.amount(), transaction.currency(),
                    transaction.label());
            case RecordDraft draft -> throw new IllegalStateException("a mapped CSV file reads bank transactions only, not "
                    + draft.type());
            case Rejection rejection -> new Refused(rejection);
        };
    }
}
