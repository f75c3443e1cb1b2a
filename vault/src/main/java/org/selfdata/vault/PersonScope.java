package org.selfdata.vault;

import org.selfdata.model.PersonId;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static java.util.Objects.requireNonNull;

/**
 * Names, on PostgreSQL, the person whose rows a transaction works on: the setting {@code selfdata.person_id} that every
 * row-level-security policy of the vault reads. It lasts until the transaction ends, so a pooled connection never
 * carries one person's scope into another's work, and without it a transaction sees no person's rows.
 *
 * <p>It is set with {@code SET LOCAL}, not with {@code set_config(..., true)}: on a Citus cluster the policies are
 * checked on the workers that hold the person's shards, and Citus passes a setting on to them only when it was made
 * by {@code SET LOCAL} while {@code citus.propagate_set_commands} is {@code 'local'}. A setting made by
 * {@code set_config} stays on the coordinator, and the workers then see nobody. On a PostgreSQL without Citus,
 * {@code citus.propagate_set_commands} is a placeholder setting that nothing reads, which PostgreSQL accepts.
 *
 * <p>{@code SET} takes no bind parameter, so the person's number is written into the statement: it is a {@code long}
 * formatted here, never text that came from a request.
 */
public final class PersonScope {
    private PersonScope() {}

    /** Names the person for the rest of the connection's transaction, which must have begun (autocommit off). */
    public static void name(Connection connection, PersonId person) throws SQLException {
        requireNonNull(connection, "connection is null");
        requireNonNull(person, "person is null");
        try (Statement statement = connection.createStatement()) {
            statement.execute(statements(person));
        }
    }

    /** The statements that name the person, for a caller that runs its own SQL. */
    public static String statements(PersonId person) {
        long number = requireNonNull(person, "person is null").value();
        return "SET LOCAL citus.propagate_set_commands = 'local'; SET LOCAL selfdata.person_id = '" + number + "'";
    }
}
