package org.selfdata.vault;

import org.selfdata.model.BankTransaction;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** Records made up for vault tests, each one distinct and each value derived from its index. */
public final class SyntheticRecords {
    public static final SourceDescriptor LOCATION_HISTORY = SourceDescriptor.file("Google", "Location History");
    public static final SourceDescriptor BANK = SourceDescriptor.file("Banque Exemple", "account ••6789");
    public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private SyntheticRecords() {}

    /** {@code count} location points a minute apart, starting at {@link #START}, around Lyon. */
    public static Stream<RecordDraft> points(long count) {
        return LongStream.range(0, count).mapToObj(SyntheticRecords::point);
    }

    public static RecordDraft point(long index) {
        GeoPoint point = new GeoPoint(45.75 + (index % 1000) * 1e-5, 4.85 + (index / 1000) * 1e-5,
                Optional.of(10 + (int) (index % 40)), Optional.empty(), Optional.of("GPS"), Optional.empty(), Optional.empty());
        return RecordDraft.of(TimeSpan.at(START.plusSeconds(60 * index)), point, Position.jsonPointer("/locations/" + index));
    }

    public static RecordDraft coffee(LocalDate day, int line) {
        BankTransaction coffee = new BankTransaction("00012346789", day, Optional.empty(), new BigDecimal("-1.20"), "EUR",
                "CB CAFE DE LA FAC", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        return RecordDraft.of(TimeSpan.day(day, TestVaults.PARIS), coffee, Position.line(line));
    }

    public static RecordDraft rent(LocalDate day, int line) {
        BankTransaction rent = new BankTransaction("00012346789", day, Optional.empty(), new BigDecimal("-480.00"), "EUR",
                "PRLV SEPA LOYER", Optional.of("SCI Guillotière"), Optional.empty(), Optional.empty(), Optional.of("DEBIT"),
                Optional.empty());
        return RecordDraft.of(TimeSpan.day(day, TestVaults.PARIS), rent, Position.line(line));
    }
}
