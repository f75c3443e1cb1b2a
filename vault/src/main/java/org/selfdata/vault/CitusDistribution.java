package org.selfdata.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Spreads a PostgreSQL vault's tables over a Citus cluster, when the database has the {@code citus} extension; on any
 * other database it does nothing, so that one schema serves SQLite, PostgreSQL and Citus.
 *
 * <p>A person-scoped table (one with a {@code person_id} column, not named below) is distributed by {@code person_id},
 * all of them in one co-location group: a person's sources, batches, records, log and heads live in shards of the same
 * range on one node, so a transaction of one person goes to one node, keys and foreign keys that lead with
 * {@code person_id} hold there as they do on one server, and the row-level-security policies are checked there (see
 * {@link PersonScope} for how the person reaches that node). The log's order per person needs nothing more: a person's
 * entries and head are on one node, and two appends for one person take turns on an advisory lock taken on the
 * coordinator, which every server connects to ({@code TransparencyLog}), so that a read's transaction touches the
 * person's node alone.
 *
 * <p>A vault-wide table becomes a reference table, copied whole to every node, so that every node can check a foreign
 * key to it and join with it. Those are the tables without a {@code person_id} column, and the ones named in
 * {@link #REFERENCE_TABLES}, whose unique keys cannot lead with {@code person_id}:
 * <ul>
 * <li>{@code persons}: a handle names one person in the whole vault, and sign-in finds the person by handle.</li>
 * <li>{@code owner_sessions}, {@code oauth_tokens}, {@code log_auditors}: looked up by a token's hash before anyone is
 * named, and a token is unique in the whole vault.</li>
 * <li>{@code grants}: a grant's id is unique in the whole vault (a recipient and its tokens name a grant by its id
 * alone), which a distributed table cannot enforce. Grants are few and rarely written, so copying them costs little;
 * their row-level security holds on every copy.</li>
 * <li>{@code person_identities}: an identity provider's issuer and subject name one person in the whole vault.</li>
 * </ul>
 * Keeping these whole rather than dropping their unique keys keeps every guarantee the schema gives on one server:
 * Citus then checks the same keys on every copy, with the same triggers (a recipient's declarations stay append-only on
 * every node; Citus calls triggers on its tables "unsafe" only because a trigger may touch other tables, which this one
 * does not). {@code persons}' identity column stays a sequence of the coordinator's, which every new person goes
 * through. The price: a write to a reference table is a write to every node, a commit in two phases over the whole
 * cluster. So what a person's own work writes at every turn is kept out of them: each person's counters (the next
 * numbers an import takes, how many times their records changed) are a person-scoped table of their own,
 * {@code person_counters}, distributed and co-located like the rest, so that an import commits on the person's node
 * alone. Adding a person, a session or a token, and giving a grant, still write to every node: all rarer than imports.
 *
 * <p>It runs after every migration and at every opening of a PostgreSQL vault, and works out from Citus's catalogue
 * ({@code pg_dist_partition}) what is left to do: tables added by later migrations are spread the next time, a
 * vault migrated before the extension was created is spread when it is next opened, and a vault already spread costs
 * one query. Citus cannot distribute a table that another local table still references, nor keep a local table that
 * references a reference table local, so the foreign keys that touch a table to be spread are dropped and made again
 * around the change, all in one transaction: no other transaction ever sees the tables without them. Citus copies a
 * table's rows into its shards with {@code COPY}, which PostgreSQL refuses into a table whose row-level security binds
 * the role copying, its owner included, and a copy that reads through row-level security silently reads nothing: the
 * rows a table already holds (the counters migration 19 moved, a vault migrated before the extension was created) would
 * stop the spreading or be lost in it. So row-level security stops binding the owner of the tables being spread, the
 * vault's own role, while they are spread, and binds it again before the same transaction ends; every other role stays
 * bound throughout.
 *
 * <p>Moving shards between nodes (after adding a worker, {@code citus_rebalance_start}) must block writes to the shards
 * it moves ({@code shard_transfer_mode => 'block_writes'}): Citus's default, logical replication, applies the rows as a
 * role of its own that PostgreSQL refuses to let write into tables whose row-level security is forced, as every
 * person-scoped table's is. A person whose shard moves waits for the copy; nobody's rows are exposed meanwhile.
 *
 * <p>A later migration adding a person-scoped table that references another person-scoped table cannot run as is on a
 * vault already spread (Citus refuses a foreign key from a local table to a distributed one): such a migration creates
 * the table, spreads it with {@code create_distributed_table} when {@code citus} is present, and then adds the key.
 */
final class CitusDistribution {
    /** The vault-wide tables that have a person_id column; why each is vault-wide is said above. */
    static final Set<String> REFERENCE_TABLES =
            Set.of("persons", "owner_sessions", "oauth_tokens", "log_auditors", "grants", "person_identities");
    /** The column person-scoped tables are distributed by. */
    static final String DISTRIBUTION_COLUMN = "person_id";
    /** Flyway's own table stays a local table of the coordinator, where Flyway runs. */
    private static final String HISTORY_TABLE = "vault_schema_history";
    /** Taken while spreading, so that two processes opening the vault at once do not both try. */
    private static final long LOCK = 0x5e1fda7aL;

    private CitusDistribution() {}

    /** The kind of Citus table a vault table should be. */
    enum Kind {
        DISTRIBUTED,
        REFERENCE
    }

    /** Spreads what is left to spread; does nothing unless the database is PostgreSQL with the citus extension. */
    static void apply(Database database) {
        if (database.isPostgres()) {
            database.transaction(connection -> {
                apply(connection);
                return null;
            });
        }
    }

    /** As {@link #apply(Database)}, in the connection's transaction, which must have begun. */
    static void apply(Connection connection) throws SQLException {
        if (!citusPresent(connection)) {
            return;
        }
        if (pending(connection).isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
            // Foreign keys to reference tables must be changed over one connection per node, not in parallel.
            statement.execute("SET LOCAL citus.multi_shard_modify_mode = 'sequential'");
            statement.execute("SET LOCAL citus.enable_unsafe_triggers = on");
            statement.execute("SET LOCAL client_min_messages = warning");
        }
        Map<String, Kind> pending = pending(connection);
        // Before the keys go: a table Citus made a local table of its catalogue is copied back into a plain table as
        // soon as its key to a reference table is dropped, and a copy bound by row-level security would copy no row.
        List<String> forced = rowSecurityForced(connection, pending.keySet());
        try (Statement statement = connection.createStatement()) {
            for (String table : forced) {
                statement.execute("ALTER TABLE " + table + " NO FORCE ROW LEVEL SECURITY");
            }
        }
        List<ForeignKey> keys = foreignKeysTouching(connection, pending.keySet());
        try (Statement statement = connection.createStatement()) {
            for (ForeignKey key : keys) {
                statement.execute("ALTER TABLE " + key.table() + " DROP CONSTRAINT " + key.name());
            }
        }
        String anchor = anchor(connection).orElse(null);
        for (Map.Entry<String, Kind> table : pending.entrySet()) {
            if (table.getValue() == Kind.REFERENCE) {
                call(connection, "SELECT create_reference_table(?::regclass)", table.getKey());
            }
            else if (anchor == null) {
                call(connection, "SELECT create_distributed_table(?::regclass, '" + DISTRIBUTION_COLUMN + "')", table.getKey());
                anchor = table.getKey();
            }
            else {
                call(connection, "SELECT create_distributed_table(?::regclass, '" + DISTRIBUTION_COLUMN
                        + "', colocate_with => ?::text)", table.getKey(), anchor);
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (ForeignKey key : keys) {
                statement.execute("ALTER TABLE " + key.table() + " ADD CONSTRAINT " + key.name() + " " + key.definition());
            }
            for (String table : forced) {
                statement.execute("ALTER TABLE " + table + " FORCE ROW LEVEL SECURITY");
            }
        }
    }

    /** Whether the database has the citus extension, which only an operator with a Citus cluster creates. */
    static boolean citusPresent(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'citus'")) {
            return rows.next();
        }
    }

    /**
     * The vault's tables that are not yet what they should be, in a stable order. A reference table has partition
     * method {@code n} and replication model {@code t}; a distributed one partition method {@code h}. A table Citus
     * turned into a local table of its catalogue (method {@code n}, model {@code s}), as it does with a table that
     * references a reference table, is still to spread.
     */
    static Map<String, Kind> pending(Connection connection) throws SQLException {
        Map<String, Kind> pending = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT c.relname,
                       EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = ? AND NOT a.attisdropped),
                       p.partmethod, p.repmodel
                FROM pg_class c
                LEFT JOIN pg_dist_partition p ON p.logicalrelid = c.oid
                WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.relname <> ?
                ORDER BY c.relname""")) {
            statement.setString(1, DISTRIBUTION_COLUMN);
            statement.setString(2, HISTORY_TABLE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    Kind kind = rows.getBoolean(2) && !REFERENCE_TABLES.contains(table) ? Kind.DISTRIBUTED : Kind.REFERENCE;
                    String method = rows.getString(3);
                    String model = rows.getString(4);
                    boolean done = kind == Kind.DISTRIBUTED ? "h".equals(method) : "n".equals(method) && "t".equals(model);
                    if (!done) {
                        pending.put(table, kind);
                    }
                }
            }
        }
        return pending;
    }

    /** A distributed table of the vault that new ones are co-located with, if one is distributed already. */
    private static Optional<String> anchor(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT c.relname FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid
                     WHERE c.relnamespace = current_schema()::regnamespace AND p.partmethod = 'h'
                     ORDER BY c.relname LIMIT 1""")) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    /** Those of the tables whose row-level security binds their owner too, each quoted for a statement. */
    private static List<String> rowSecurityForced(Connection connection, Set<String> tables) throws SQLException {
        List<String> forced = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT quote_ident(c.relname) FROM pg_class c
                WHERE c.relnamespace = current_schema()::regnamespace AND c.relforcerowsecurity AND c.relname = ANY (?)
                ORDER BY c.relname""")) {
            statement.setArray(1, connection.createArrayOf("text", tables.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    forced.add(rows.getString(1));
                }
            }
        }
        return forced;
    }

    private record ForeignKey(String table, String name, String definition) {}

    private static List<ForeignKey> foreignKeysTouching(Connection connection, Set<String> tables) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT quote_ident(c.relname), quote_ident(k.conname), pg_get_constraintdef(k.oid)
                FROM pg_constraint k
                JOIN pg_class c ON c.oid = k.conrelid
                JOIN pg_class r ON r.oid = k.confrelid
                WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace
                  AND (c.relname = ANY (?) OR r.relname = ANY (?))
                ORDER BY c.relname, k.conname""")) {
            java.sql.Array names = connection.createArrayOf("text", tables.toArray());
            statement.setArray(1, names);
            statement.setArray(2, names);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.add(new ForeignKey(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        return keys;
    }

    private static void call(Connection connection, String sql, String... arguments) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < arguments.length; index++) {
                statement.setString(index + 1, arguments[index]);
            }
            statement.execute();
        }
    }
}
