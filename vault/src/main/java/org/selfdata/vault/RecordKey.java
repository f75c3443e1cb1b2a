package org.selfdata.vault;

import org.selfdata.model.Category;
import org.selfdata.model.RecordId;

import java.sql.ResultSet;
import java.sql.SQLException;

import static java.util.Objects.requireNonNull;

/**
 * What the vault keeps in clear about a record: its id (type, start, number) and its category, read without opening
 * anything. The gate orders a recipient's page by these before it opens the records the page holds.
 */
public record RecordKey(RecordId id, Category category) {
    static final TypeScan.Shape<RecordKey> SHAPE = new TypeScan.Shape<>() {
        @Override
        public String columns() {
            return "category";
        }

        @Override
        public RecordKey row(RecordId id, ResultSet rows) throws SQLException {
            return new RecordKey(id, Category.fromTerm(rows.getString(3)));
        }

        @Override
        public RecordId id(RecordKey row) {
            return row.id();
        }
    };

    public RecordKey {
        requireNonNull(id, "id is null");
        requireNonNull(category, "category is null");
    }
}
