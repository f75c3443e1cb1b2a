package org.selfdata.vault;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import com.zaxxer.hikari.pool.HikariPool;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

import static java.util.Objects.requireNonNull;

/**
 * Connections and transactions for one vault database, SQLite or PostgreSQL.
 *
 * <p>Every transaction on a person's data names that person first. On PostgreSQL this sets the row-level-security
 * variable {@code selfdata.person_id} for the transaction only ({@link PersonScope}), so a pooled connection never
 * carries one person's scope into another's work. On SQLite, which has no row-level security, the same queries filter
 * on person_id.
 */
final class Database implements AutoCloseable {
    private static final int PAGE_SIZE = 16_384;
    /** As long as a writer waits for SQLite's lock before giving up: its busy timeout. */
    private static final Duration WRITER_PATIENCE = Duration.ofSeconds(30);
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    private static final int SQLITE_CANTOPEN = 14;

    private final HikariDataSource dataSource;
    /**
     * On SQLite, connections that only read, each transaction a snapshot begun without the write lock: a read then
     * never waits behind a long write such as an import, as SQLite's write-ahead log allows. They refuse to write
     * ({@code query_only}), so work that writes by mistake fails loudly rather than reading a stale snapshot. On
     * PostgreSQL, the same pool as writes, in read-only transactions.
     */
    private final HikariDataSource readers;
    /** On SQLite, where an import's connection of its own comes from; see {@link #importConnection}. */
    private final Optional<SQLiteDataSource> importers;
    /**
     * On SQLite, writers of this process take turns here before they begin. SQLite lets one writer in at a time, and a
     * writer waiting for its lock waits inside native code, which holds its carrier thread: on a machine of two cores,
     * two writers waiting there stop every virtual thread of the server, the one holding the lock included, until the
     * busy timeout. Waiting on this lock parks the virtual thread instead. Fair, so that nobody waits for ever behind a
     * stream of others; bounded like SQLite's own wait.
     */
    private final ReentrantLock writerTurn = new ReentrantLock(true);
    private final SQLDialect dialect;
    private final String description;
    private final Optional<VaultLocation.PostgresDatabase> postgres;
    private final java.util.concurrent.atomic.AtomicInteger openTransactions = new java.util.concurrent.atomic.AtomicInteger();
    private final LongAdder transactionsBegun = new LongAdder();
    private final Settings settings = new Settings()
            .withRenderQuotedNames(RenderQuotedNames.NEVER)
            .withExecuteLogging(false)
            .withRenderSchema(false);

    static {
        // Before any DSL context of this class runs a query: selfdata, not jOOQ, says which PostgreSQL it runs on.
        PostgresVersions.leaveTheCheckToSelfdata();
    }

    private Database(HikariDataSource dataSource, HikariDataSource readers, Optional<SQLiteDataSource> importers,
            SQLDialect dialect, String description, Optional<VaultLocation.PostgresDatabase> postgres) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.readers = requireNonNull(readers, "readers is null");
        this.importers = requireNonNull(importers, "importers is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.description = requireNonNull(description, "description is null");
        this.postgres = requireNonNull(postgres, "postgres is null");
    }

    /**
     * Connects. With {@code create} false, a missing SQLite file is an error rather than an empty database created
     * on the spot: opening a vault must never write anything.
     */
    static Database connect(VaultLocation location, boolean create) {
        return connect(location, create, new SimpleMeterRegistry());
    }

    /** With the registry the pools report to: their connections, waits and timeouts, named by pool, never by person. */
    static Database connect(VaultLocation location, boolean create, MeterRegistry meters) {
        MicrometerMetricsTrackerFactory pools = new MicrometerMetricsTrackerFactory(requireNonNull(meters, "meters is null"));
        if (location.postgres().isPresent()) {
            return connectPostgres(location.postgres().get(), pools);
        }
        return connectSqlite(location, create, pools);
    }

    private static Database connectSqlite(VaultLocation location, boolean create, MicrometerMetricsTrackerFactory pools) {
        // Writers take the lock when they begin, never half-way through, so two writers cannot deadlock.
        // Checkpoints run on a thread of their own (Checkpoints), never at the end of someone's commit. The writers' pool
        // opens a connection at once, so that a vault that cannot be opened fails here.
        HikariDataSource writers = open(sqlitePool(location, sqliteConfig(create, SQLiteConfig.TransactionMode.IMMEDIATE),
                "selfdata-sqlite", "PRAGMA wal_autocheckpoint=0", 1, pools), location.describe());
        // Readers begin their transactions deferred: the first read takes a snapshot, and no lock is held against writers.
        HikariDataSource readers;
        try {
            readers = open(sqlitePool(location, sqliteConfig(false, SQLiteConfig.TransactionMode.DEFERRED),
                    "selfdata-sqlite-readers", "PRAGMA query_only=1", 0, pools), location.describe());
        }
        catch (RuntimeException e) {
            writers.close();
            throw e;
        }
        // An import stages its rows on a connection of its own, in transactions begun deferred: they take no lock on the
        // vault until the import publishes what it staged (ImportStaging).
        SQLiteDataSource importers = new SQLiteDataSource(sqliteConfig(false, SQLiteConfig.TransactionMode.DEFERRED));
        importers.setUrl("jdbc:sqlite:" + location.databaseFile());
        return new Database(writers, readers, Optional.of(importers), SQLDialect.SQLITE, location.describe(),
                Optional.empty());
    }

    private static HikariConfig sqlitePool(VaultLocation location, SQLiteConfig config, String name, String initSql,
            int minimumIdle, MicrometerMetricsTrackerFactory pools) {
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + location.databaseFile());
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqlite);
        pool.setPoolName(name);
        pool.setMetricsTrackerFactory(pools);
        pool.setConnectionInitSql(initSql);
        pool.setMaximumPoolSize(8);
        pool.setMinimumIdle(minimumIdle);
        // A pool that keeps a connection tries one at once and fails fast; the readers' tries at its first read.
        pool.setInitializationFailTimeout(minimumIdle > 0 ? 1 : -1);
        return pool;
    }

    private static SQLiteConfig sqliteConfig(boolean create, SQLiteConfig.TransactionMode mode) {
        // No journal_mode here: WAL is set once when the vault is created and persists in the file, while setting it on
        // every connection would rewrite the header of any file opened, vault or not.
        SQLiteConfig config = new SQLiteConfig();
        // FULL: a committed import survives a power cut, not only a crash; commits are per batch, so it costs little.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) WRITER_PATIENCE.toMillis());
        // Deleted content is overwritten with zeros, so erased keys do not linger in free pages of the file.
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-16_384);
        config.setTransactionMode(mode);
        if (create) {
            // Pages of 16 KB rather than 4: a record's row is a few hundred bytes, and with four times as many rows a page
            // an import spends about a third less of SQLite's time on its pages. The size is fixed when the file is first
            // written, so an existing vault keeps its own.
            config.setPageSize(PAGE_SIZE);
        }
        else {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        return config;
    }

    private static Database connectPostgres(VaultLocation.PostgresDatabase postgres, MicrometerMetricsTrackerFactory pools) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(postgres.jdbcUrl());
        postgres.user().ifPresent(pool::setUsername);
        postgres.password().ifPresent(pool::setPassword);
        pool.setPoolName("selfdata-postgres");
        pool.setMetricsTrackerFactory(pools);
        pool.setMaximumPoolSize(10);
        pool.setMinimumIdle(1);
        pool.setInitializationFailTimeout(1);
        pool.setConnectionTimeout(10_000);
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "selfdata");
        properties.setProperty("connectTimeout", "10");
        pool.setDataSourceProperties(properties);
        HikariDataSource shared = open(pool, postgres.describe());
        return new Database(shared, shared, Optional.empty(), SQLDialect.POSTGRES, postgres.describe(), Optional.of(postgres));
    }

    /**
     * A PostgreSQL connection outside the pool, in autocommit, for work that holds one for as long as the vault is open,
     * such as listening for notifications; named by {@code purpose} in pg_stat_activity's application_name.
     */
    Connection connectAlone(String purpose) throws SQLException {
        VaultLocation.PostgresDatabase server = postgres.orElseThrow(
                () -> new IllegalStateException("only a PostgreSQL vault has connections of its own"));
        Properties properties = new Properties();
        server.user().ifPresent(user -> properties.setProperty("user", user));
        server.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("ApplicationName", purpose);
        properties.setProperty("connectTimeout", "10");
        return java.sql.DriverManager.getConnection(server.jdbcUrl(), properties);
    }

    private static HikariDataSource open(HikariConfig pool, String description) {
        try {
            return new HikariDataSource(pool);
        }
        catch (HikariPool.PoolInitializationException e) {
            throw e.getCause() instanceof SQLException sql
                    ? failure(sql, Wording.of("error.vault.doing.connecting", description))
                    : new SelfdataException(ErrorCode.STORAGE_UNAVAILABLE,
                            Wording.of("error.vault.cannotConnect", description, String.valueOf(e.getMessage())), e);
        }
    }

    /** Makes a new SQLite vault use write-ahead logging, for good, so that readers never wait for an import. */
    void useWriteAheadLog() {
        if (!isPostgres()) {
            try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
            }
            catch (SQLException e) {
                throw failure(e, Wording.of("error.vault.doing.creatingVault"));
            }
        }
    }

    boolean isPostgres() {
        return dialect == SQLDialect.POSTGRES;
    }

    /** On PostgreSQL, warns when the server is older than any selfdata is tested on; see {@link PostgresVersions}. */
    void checkServerVersion() {
        if (isPostgres()) {
            try (Connection connection = dataSource.getConnection()) {
                PostgresVersions.check(connection, description);
            }
            catch (SQLException e) {
                throw failure(e, Wording.of("error.vault.doing.connecting", description));
            }
        }
    }

    SQLDialect dialect() {
        return dialect;
    }

    String description() {
        return description;
    }

    /**
     * A DSL context on the connection, in jOOQ's one PostgreSQL dialect whatever the server's version: jOOQ's warning
     * that the server is older than that dialect is off, as {@link PostgresVersions} says why.
     */
    DSLContext dsl(Connection connection) {
        return DSL.using(connection, dialect, settings);
    }

    /** A DSL that renders SQL without executing it, for statements run through plain JDBC batches. */
    DSLContext renderer() {
        return DSL.using(dialect, settings);
    }

    /** Work on vault-wide tables (people, sessions, metadata) in one transaction. */
    <T> T transaction(SqlWork<T> work) {
        return inTransaction(null, work);
    }

    /** Work on one person's data in one transaction, scoped to that person. */
    <T> T transaction(PersonId person, SqlWork<T> work) {
        return inTransaction(requireNonNull(person, "person is null"), work);
    }

    /**
     * Work that only reads, vault-wide, in one transaction that sees one state of the vault and, on SQLite, waits for no
     * writer. Work that tries to write fails.
     */
    <T> T read(SqlWork<T> work) {
        return inTransaction(null, work, true);
    }

    /** Work that only reads one person's data, as {@link #read(SqlWork)}, scoped to that person. */
    <T> T read(PersonId person, SqlWork<T> work) {
        return inTransaction(requireNonNull(person, "person is null"), work, true);
    }

    private <T> T inTransaction(PersonId person, SqlWork<T> work) {
        return inTransaction(person, work, false);
    }

    private <T> T inTransaction(PersonId person, SqlWork<T> work, boolean reading) {
        boolean turn = !reading && !isPostgres();
        if (turn) {
            awaitWriterTurn();
        }
        try {
            return inTransactionNow(person, work, reading);
        }
        finally {
            if (turn) {
                writerTurn.unlock();
            }
        }
    }

    /**
     * A connection for one import, in autocommit, to be closed with {@link #closeImportConnection}: on SQLite one of its
     * own, outside the pools, so that the import can attach its staging file and stage for as long as it takes; on
     * PostgreSQL one of the pool's. Counted as a transaction under way while open, so that no checkpoint waits for it.
     */
    Connection importConnection() {
        openTransactions.incrementAndGet();
        try {
            return importers.isPresent() ? importers.get().getConnection() : dataSource.getConnection();
        }
        catch (SQLException e) {
            openTransactions.decrementAndGet();
            throw failure(e, Wording.of("error.vault.doing.startingImport"));
        }
    }

    void closeImportConnection(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        catch (SQLException e) {
            // The connection is closed next; whatever it held is rolled back with it.
        }
        finally {
            closeQuietly(connection);
            openTransactions.decrementAndGet();
        }
    }

    /** Work that holds a connection of its own and writes through it once its turn comes. */
    interface TurnWork<T> {
        T run() throws SQLException;
    }

    /** Runs work once this process's writers let it in: on SQLite, see {@link #writerTurn}; on PostgreSQL at once. */
    <T> T inWriterTurn(TurnWork<T> work) throws SQLException {
        if (isPostgres()) {
            return work.run();
        }
        awaitWriterTurn();
        try {
            return work.run();
        }
        finally {
            writerTurn.unlock();
        }
    }

    private void awaitWriterTurn() {
        boolean turn;
        try {
            turn = writerTurn.tryLock(WRITER_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            throw new SelfdataException(ErrorCode.STORAGE_UNAVAILABLE, Wording.of("error.vault.writersBusy",
                    description, Long.toString(WRITER_PATIENCE.toSeconds())));
        }
    }

    private <T> T inTransactionNow(PersonId person, SqlWork<T> work, boolean reading) {
        openTransactions.incrementAndGet();
        transactionsBegun.increment();
        try (Connection connection = (reading ? readers : dataSource).getConnection()) {
            if (reading && isPostgres()) {
                connection.setReadOnly(true);
            }
            connection.setAutoCommit(false);
            try {
                if (person != null) {
                    scope(connection, person);
                }
                T result = work.run(connection);
                connection.commit();
                return result;
            }
            catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            }
            finally {
                connection.setAutoCommit(true);
                if (reading && isPostgres()) {
                    connection.setReadOnly(false);
                }
            }
        }
        catch (SQLException e) {
            throw failure(e, Wording.of("error.vault.doing.working", description));
        }
        finally {
            openTransactions.decrementAndGet();
        }
    }

    /**
     * Whether the database answers a trivial query within the timeout: what a readiness probe asks. The wait for a
     * connection counts too, since a pool that cannot open one is as unready as a database that does not answer.
     */
    boolean answers(Duration timeout) {
        CompletableFuture<Boolean> answered = new CompletableFuture<>();
        Thread.ofVirtual().name("selfdata-readiness").start(() -> answered.complete(answersNow(timeout)));
        try {
            return answered.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private boolean answersNow(Duration timeout) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet rows = statement.executeQuery("SELECT 1")) {
                return rows.next();
            }
        }
        catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** How many transactions were begun since the vault opened: tests count them to see what reached the database. */
    long transactionsBegun() {
        return transactionsBegun.sum();
    }

    /** How many transactions are under way: background maintenance waits for none. */
    int openTransactions() {
        return openTransactions.get();
    }

    /**
     * A connection for a long read of one person's records, to be closed by the caller. On PostgreSQL it holds a
     * read-only transaction (row-level security and server-side cursors both need one); on SQLite it reads in
     * autocommit, because a transaction there would take the write lock.
     */
    Connection openReader(PersonId person) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (isPostgres()) {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                scope(connection, person);
                // A long read walks the primary key in order and usually stops after a page. PostgreSQL plans it as if
                // it read every row, and once the table holds many people it would rather scan the table and sort the
                // person's rows, seconds before the first; this transaction tells it sorting is not an option.
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL enable_sort = off");
                }
            }
            return connection;
        }
        catch (SQLException e) {
            closeQuietly(connection);
            throw failure(e, Wording.of("error.vault.doing.readingFrom", description));
        }
    }

    void closeReader(Connection connection) {
        try {
            if (isPostgres()) {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        }
        catch (SQLException e) {
            // The connection is going back to the pool or being discarded; nothing was written.
        }
        finally {
            closeQuietly(connection);
        }
    }

    /**
     * Names the person whose rows the connection's transaction works on (PostgreSQL's row-level security), in a way that
     * reaches a Citus cluster's workers too: see {@link PersonScope}.
     */
    void scope(Connection connection, PersonId person) throws SQLException {
        if (isPostgres()) {
            PersonScope.name(connection, person);
        }
    }

    javax.sql.DataSource dataSource() {
        return dataSource;
    }

    /**
     * Translates a database failure into what the person can act on. Messages name the database and the failure,
     * never a query's parameters.
     */
    static SelfdataException failure(SQLException e, Wording doing) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof org.sqlite.SQLiteException sqlite) {
            int code = sqlite.getResultCode().code & 0xFF;
            if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) {
                return new SelfdataException(ErrorCode.VAULT_CORRUPT,
                        Wording.of("error.vault.databaseDamaged", sqlite.getResultCode().name(), doing), e);
            }
            if (code == SQLITE_CANTOPEN) {
                return new SelfdataException(ErrorCode.VAULT_MISSING, Wording.of("error.vault.databaseUnopenable", doing), e);
            }
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return new SelfdataException(ErrorCode.STORAGE_UNAVAILABLE, Wording.of("error.vault.postgresCredentials", doing), e);
        }
        if (state.equals("3D000")) {
            return new SelfdataException(ErrorCode.STORAGE_UNAVAILABLE, Wording.of("error.vault.postgresNoDatabase", doing), e);
        }
        if (state.startsWith("08")) {
            return new SelfdataException(ErrorCode.STORAGE_UNAVAILABLE,
                    Wording.of("error.vault.postgresUnreachable", doing, rootMessage(e)), e);
        }
        return new SelfdataException(ErrorCode.INTERNAL,
                "database failure while " + Words.english().say(doing) + " (SQLState " + state + ")", e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        }
        catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException e) {
                // Nothing more to do with a connection that cannot even close.
            }
        }
    }

    @Override
    public void close() {
        if (readers != dataSource) {
            readers.close();
        }
        dataSource.close();
    }
}
