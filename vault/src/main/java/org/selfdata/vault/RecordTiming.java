package org.selfdata.vault;

import org.selfdata.model.RecordId;
import org.selfdata.model.RecordTime;

import java.sql.ResultSet;
import java.sql.SQLException;

import static java.util.Objects.requireNonNull;

/**
 * A record's id (type, start, number) and its time, which the vault keeps in clear: enough to count records by kind and
 * by day without opening one, as the owner's timeline does.
 */
public record RecordTiming(RecordId id, RecordTime time) {
    static final TypeScan.Shape<RecordTiming> SHAPE = new TypeScan.Shape<>() {
        @Override
        public String columns() {
            return "time_end";
        }

        @Override
        public RecordTiming row(RecordId id, ResultSet rows) throws SQLException {
            return new RecordTiming(id, TimeColumns.time(id.startMillis(), rows.getLong(3)));
        }

        @Override
        public RecordId id(RecordTiming row) {
            return row.id();
        }
    };

    public RecordTiming {
        requireNonNull(id, "id is null");
        requireNonNull(time, "time is null");
    }
}
