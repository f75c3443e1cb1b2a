package org.selfdata.vault;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordType;
import org.selfdata.model.TimeSpan;
import org.selfdata.model.SourceId;

import java.util.HashMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.val;
import static org.selfdata.vault.VaultTables.COVERAGE;
import static org.selfdata.vault.VaultTables.FIRST_START;
import static org.selfdata.vault.VaultTables.LAST_END;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.RECORDS_COUNT;
import static org.selfdata.vault.VaultTables.SOURCE_ID;
import static org.selfdata.vault.VaultTables.TYPE;

/**
 * Counts what one import or restore added, per source and type, and folds it into the coverage table in the same
 * transaction, so the table always says exactly what the records table holds. Records without a time are counted but
 * leave the span alone: a source and type holding only such records has {@link TimeColumns#NO_FIRST_START} and
 * {@link TimeColumns#NO_LAST_END} for its ends, which the least and greatest of an upsert leave to the first timed one.
 */
final class CoverageTally {
    // In an upsert's update, PostgreSQL wants the row already held named by its table.
    private static final Field<Long> HELD_RECORDS = field(name("coverage", "records"), SQLDataType.BIGINT);
    private static final Field<Long> HELD_FIRST_START = field(name("coverage", "first_start"), SQLDataType.BIGINT);
    private static final Field<Long> HELD_LAST_END = field(name("coverage", "last_end"), SQLDataType.BIGINT);

    private static final class Totals {
        long records;
        long firstStart = TimeColumns.NO_FIRST_START;
        long lastEnd = TimeColumns.NO_LAST_END;
    }

    // Called once per record written: an array by type, found again without hashing while the source stays the same.
    private final Map<SourceId, Totals[]> totals = new HashMap<>();
    private SourceId lastSource;
    private Totals[] lastTotals;

    void add(SourceId source, RecordType type, long startMillis, long endMillis) {
        if (!source.equals(lastSource)) {
            lastSource = source;
            lastTotals = totals.computeIfAbsent(source, key -> new Totals[RecordType.values().length]);
        }
        Totals entry = lastTotals[type.ordinal()];
        if (entry == null) {
            entry = new Totals();
            lastTotals[type.ordinal()] = entry;
        }
        entry.records++;
        if (startMillis != RecordId.UNTIMED_MILLIS) {
            entry.firstStart = Math.min(entry.firstStart, startMillis);
            entry.lastEnd = Math.max(entry.lastEnd, endMillis);
        }
    }

    /** The types counted, for the log's entry of this import or restore. */
    Set<RecordType> types() {
        Set<RecordType> types = EnumSet.noneOf(RecordType.class);
        totals.values().forEach(byType -> {
            for (RecordType type : RecordType.values()) {
                if (byType[type.ordinal()] != null) {
                    types.add(type);
                }
            }
        });
        return types;
    }

    /** The time the counted records span, if any of them has a time. */
    Optional<TimeSpan> span() {
        long firstStart = TimeColumns.NO_FIRST_START;
        long lastEnd = TimeColumns.NO_LAST_END;
        for (Totals[] byType : totals.values()) {
            for (Totals entry : byType) {
                if (entry != null) {
                    firstStart = Math.min(firstStart, entry.firstStart);
                    lastEnd = Math.max(lastEnd, entry.lastEnd);
                }
            }
        }
        return firstStart == TimeColumns.NO_FIRST_START ? Optional.empty()
                : Optional.of(TimeSpan.ofEpochMillis(firstStart, Math.max(firstStart, lastEnd)));
    }

    void save(DSLContext dsl, PersonId person) {
        totals.forEach((source, byType) -> {
            for (RecordType type : RecordType.values()) {
                if (byType[type.ordinal()] != null) {
                    save(dsl, person, source, type, byType[type.ordinal()]);
                }
            }
        });
    }

    private static void save(DSLContext dsl, PersonId person, SourceId source, RecordType type, Totals entry) {
        dsl.insertInto(COVERAGE)
                .set(PERSON_ID, person.value())
                .set(SOURCE_ID, source.value())
                .set(TYPE, type.id())
                .set(RECORDS_COUNT, entry.records)
                .set(FIRST_START, entry.firstStart)
                .set(LAST_END, entry.lastEnd)
                .onConflict(PERSON_ID, SOURCE_ID, TYPE)
                .doUpdate()
                .set(RECORDS_COUNT, HELD_RECORDS.plus(entry.records))
                .set(FIRST_START, least(HELD_FIRST_START, val(entry.firstStart)))
                .set(LAST_END, greatest(HELD_LAST_END, val(entry.lastEnd)))
                .execute();
    }
}
