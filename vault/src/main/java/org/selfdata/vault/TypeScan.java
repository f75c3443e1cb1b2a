package org.selfdata.vault;

import org.selfdata.model.Category;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One type's records in id order, read straight from the primary key: a range scan, never a sort. Reads of several
 * types merge such scans ({@link RecordMerge}).
 *
 * <p>The cursor is the id of the last record of the previous page. In the vault's order (time, then type, then
 * number) the records after it are, for a type before it, those that start later; for its own type, those with a
 * later (time, number); for a type after it, those that start at the same time or later.
 *
 * <p>What a scan reads of each row is its {@link Shape}: whole sealed rows for reads that open records, or only ids and
 * categories for the gate, which orders a recipient's records before it opens the few a page holds.
 */
final class TypeScan<R> implements AutoCloseable {
    /** The columns a scan selects after {@code time_start, record_number}, and the row it makes of them. */
    interface Shape<R> {
        String columns();

        R row(RecordId id, ResultSet rows) throws SQLException;

        RecordId id(R row);
    }

    private final PreparedStatement statement;
    private final ResultSet rows;
    private final RecordType type;
    private final Shape<R> shape;
    private R head;

    TypeScan(Connection connection, PersonId person, RecordType type, RecordQuery query, int fetchSize, Shape<R> shape)
            throws SQLException {
        this.type = type;
        this.shape = shape;
        List<Object> binds = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT time_start, record_number, ").append(shape.columns())
                .append(" FROM records WHERE person_id = ? AND type = ?");
        binds.add(person.value());
        binds.add(type.id());
        if (!query.categories().isEmpty()) {
            sql.append(" AND category IN (")
                    .append(String.join(", ", query.categories().stream().map(category -> "?").toList()))
                    .append(')');
            query.categories().stream().map(Category::term).sorted().forEach(binds::add);
        }
        query.from().ifPresent(from -> {
            sql.append(" AND time_start >= ?");
            binds.add(from.toEpochMilli());
        });
        query.to().ifPresent(to -> {
            sql.append(" AND time_start < ?");
            binds.add(to.toEpochMilli());
        });
        if (query.from().isPresent() && query.to().isEmpty()) {
            // A window open at its end stops before the records without a time (see TimeColumns).
            sql.append(" AND time_start < ?");
            binds.add(RecordId.UNTIMED_MILLIS);
        }
        if (query.after().isPresent()) {
            RecordId cursor = query.after().get();
            int side = type.id().compareTo(cursor.type().id());
            if (side < 0) {
                sql.append(" AND time_start > ?");
                binds.add(cursor.startMillis());
            }
            else if (side > 0) {
                sql.append(" AND time_start >= ?");
                binds.add(cursor.startMillis());
            }
            else {
                sql.append(" AND (time_start > ? OR (time_start = ? AND record_number > ?))");
                binds.add(cursor.startMillis());
                binds.add(cursor.startMillis());
                binds.add(cursor.number());
            }
        }
        sql.append(" ORDER BY time_start, record_number");
        if (query.limit() != Integer.MAX_VALUE) {
            sql.append(" LIMIT ").append(query.limit());
        }
        this.statement = connection.prepareStatement(sql.toString());
        for (int index = 0; index < binds.size(); index++) {
            statement.setObject(index + 1, binds.get(index));
        }
        statement.setFetchSize(fetchSize);
        this.rows = statement.executeQuery();
        advance();
    }

    R head() {
        return head;
    }

    RecordId headId() {
        return shape.id(head);
    }

    /** Moves to the next row; the head is null once the scan is done. */
    void advance() throws SQLException {
        head = rows.next() ? shape.row(new RecordId(type, rows.getLong(1), rows.getLong(2)), rows) : null;
    }

    @Override
    public void close() {
        try (statement; rows) {
            // Both are closed by try-with-resources.
        }
        catch (SQLException e) {
            // The read is over either way.
        }
    }
}
