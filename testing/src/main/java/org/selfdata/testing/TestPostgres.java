package org.selfdata.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A real PostgreSQL for tests: the server named by {@code SELFDATA_TEST_POSTGRES} (an administrator's JDBC URL, as
 * CI may give), or else an embedded one started once per test JVM.
 *
 * <p>Each test vault gets a database of its own, owned by an ordinary role: selfdata refuses superusers, because
 * row-level security does not apply to them, and a test that connected as one would prove nothing about it.
 */
public final class TestPostgres {
    public static final String ROLE = "selfdata_tester";
    public static final String PASSWORD = "selfdata-tester-password";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final int RELEASE_ATTEMPTS = 20;
    private static final long RELEASE_PAUSE_MILLIS = 250;
    private static TestPostgres instance;

    /** Databases of a Citus cluster whose test is over, emptied and ready for the next test of this JVM. */
    private final Queue<String> emptied = new ConcurrentLinkedQueue<>();
    /** The databases given to tests and not yet given back. */
    private final Set<String> lent = ConcurrentHashMap.newKeySet();
    /** Every database given to a test, in turn, so that a class's can be given back when it ends. */
    private final List<String> given = new CopyOnWriteArrayList<>();

    private final String adminUrl;
    private final String host;
    private final int port;
    private Boolean citus;

    private TestPostgres(String adminUrl, String host, int port) {
        this.adminUrl = adminUrl;
        this.host = host;
        this.port = port;
    }

    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = Optional.ofNullable(System.getenv("SELFDATA_TEST_POSTGRES")).filter(url -> !url.isBlank())
                    .map(TestPostgres::external)
                    .orElseGet(TestPostgres::embedded);
            instance.createRole();
        }
        return instance;
    }

    private static TestPostgres external(String adminUrl) {
        String rest = adminUrl.substring("jdbc:postgresql://".length());
        String hostPort = rest.substring(0, rest.indexOf('/'));
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        int port = hostPort.contains(":") ? Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1)) : 5432;
        return new TestPostgres(adminUrl, host, port);
    }

    /**
     * The embedded server trusts every local connection unless told otherwise; its own pg_hba.conf makes it ask the
     * test role for its password, as a real server would, so that a wrong password is refused in tests too.
     */
    private static TestPostgres embedded() {
        try {
            Path hba = Files.createTempFile("selfdata-pg_hba", ".conf");
            Files.writeString(hba, String.join("\n",
                    "local all all trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all postgres ::1/128 trust",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256",
                    ""));
            hba.toFile().deleteOnExit();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("hba_file", hba.toString()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                }
                catch (IOException e) {
                    // The JVM is ending; the server's folder is temporary.
                }
            }));
            return new TestPostgres(postgres.getJdbcUrl("postgres", "postgres"), "localhost", postgres.getPort());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    /**
     * A new, empty database owned by the ordinary test role; the URL carries that role's credentials. On a Citus
     * cluster's coordinator it is a database of the cluster, as an operator would make one: see {@link #joinCluster}.
     * There it may be one an earlier test of this JVM used and {@link #release} emptied, since making a database part of
     * a cluster takes seconds and a suite makes hundreds.
     */
    public String newDatabase() {
        return lend(citus() ? Optional.ofNullable(emptied.poll()).orElseGet(this::newClusterDatabase) : newServerDatabase());
    }

    /**
     * A new, empty database on every node of a Citus cluster that is not part of the cluster yet (without the citus
     * extension): a plain PostgreSQL database, as an operator's was before they moved to Citus, until
     * {@link #addToCluster} makes it one of the cluster's. Only on a Citus coordinator.
     */
    public String newDatabaseOutsideTheCluster() {
        if (!citus()) {
            throw new IllegalStateException("the PostgreSQL of the tests is not a Citus coordinator");
        }
        String name = newName();
        createOnEveryNode(name);
        return lend(name);
    }

    /** Hands a database to a test, to be given back by {@link #release} or when its class ends. */
    private String lend(String name) {
        lent.add(name);
        given.add(name);
        return url(name);
    }

    /** Makes a database of {@link #newDatabaseOutsideTheCluster} part of the cluster, as an operator would. */
    public void addToCluster(String databaseUrl) {
        joinCluster(databaseName(databaseUrl));
    }

    private String newServerDatabase() {
        String name = newName();
        administer("CREATE DATABASE " + name + " OWNER " + ROLE);
        return name;
    }

    private String newClusterDatabase() {
        String name = newName();
        createOnEveryNode(name);
        joinCluster(name);
        return name;
    }

    private static String databaseName(String databaseUrl) {
        return databaseUrl.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
    }

    private static String newName() {
        return "selfdata_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    }

    /** How many databases tests of this JVM were given so far: a mark for {@link #releaseGivenSince}. */
    static synchronized int givenSoFar() {
        return instance == null ? 0 : instance.given.size();
    }

    /**
     * Gives back every database given to tests since the mark and not given back yet, when a test class ends (see
     * {@link ClassDatabases}): most tests never say when they are done with theirs.
     */
    static synchronized void releaseGivenSince(int mark) {
        if (instance != null) {
            int size = instance.given.size();
            List<String> since = List.copyOf(instance.given.subList(Math.min(mark, size), size));
            since.forEach(name -> instance.release(instance.url(name)));
        }
    }

    /**
     * Whether the server is a Citus coordinator: its administrator's database has the citus extension and names the
     * workers, as the cluster script of CI leaves it. Tests of Citus itself skip unless it is.
     */
    public synchronized boolean citus() {
        if (citus == null) {
            citus = !query("SELECT 1 FROM pg_extension WHERE extname = 'citus'").isEmpty();
        }
        return citus;
    }

    private void createOnEveryNode(String database) {
        try (Connection connection = DriverManager.getConnection(adminUrl); Statement statement = connection.createStatement()) {
            statement.execute("SET citus.enable_create_database_propagation = on");
            statement.execute("CREATE DATABASE " + database + " OWNER " + ROLE);
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + database + " on the Citus cluster", e);
        }
    }

    /**
     * Makes a new database part of the cluster. Citus keeps its extension and its list of nodes per database: CREATE
     * DATABASE made the database on every node (with citus.enable_create_database_propagation), and here the extension
     * is created in it on every node and the nodes of the administrator's database are named in it. Its tables get 4
     * shards rather than Citus's 32, which keeps a test database quick to spread and still puts people on both workers.
     */
    private void joinCluster(String database) {
        List<List<String>> nodes = query("SELECT nodename, nodeport::text, (groupid = 0)::text FROM pg_dist_node "
                + "WHERE noderole = 'primary' AND isactive ORDER BY groupid");
        String workerHosts = nodes.stream().filter(node -> node.get(2).equals("false")).map(node -> "'" + node.get(0) + "'")
                .collect(Collectors.joining(","));
        String workerPorts = nodes.stream().filter(node -> node.get(2).equals("false")).map(node -> node.get(1))
                .collect(Collectors.joining(","));
        String create = nodes.stream().filter(node -> node.get(2).equals("false"))
                .map(node -> "'CREATE EXTENSION IF NOT EXISTS citus'").collect(Collectors.joining(","));
        administer("ALTER DATABASE " + database + " SET citus.shard_count = 4");
        administer(database, "CREATE EXTENSION IF NOT EXISTS citus");
        administer(database, "SELECT success FROM master_run_on_worker(ARRAY[" + workerHosts + "], ARRAY[" + workerPorts
                + "], ARRAY[" + create + "], false)");
        for (List<String> node : nodes) {
            administer(database, node.get(2).equals("true")
                    ? "SELECT citus_set_coordinator_host('" + node.get(0) + "', " + node.get(1) + ")"
                    : "SELECT citus_add_node('" + node.get(0) + "', " + node.get(1) + ")");
        }
    }

    /**
     * Gives back a test's database once its vault is closed and its folder deleted, or its class has ended (a second
     * time does nothing), on a Citus cluster only: there every database keeps a maintenance process of Citus's on each
     * node, connected to the other nodes, and the hundreds of databases of a suite would take every connection the
     * nodes allow. On one server an unused database costs nothing, and dropping each would only slow the suite.
     *
     * <p>The database is emptied for the next test rather than dropped: everything the test role made in it goes, on
     * every node ({@code DROP OWNED}, which Citus carries to the workers), and the extension and nodes it was given
     * stay. One that now names other nodes (a test added one) is dropped instead, as is one that cannot be emptied.
     *
     * <p>The connections the coordinator held to the workers for the closed vault end a moment after it, and a worker
     * refuses to drop a database still in use: a drop is tried again for a while, and then left to the cluster's end.
     * A database that stays is no failure of the test that used it.
     */
    public void release(String databaseUrl) {
        if (!citus()) {
            return;
        }
        String name = databaseName(databaseUrl);
        if (!lent.remove(name)) {
            return;
        }
        if (empty(name)) {
            emptied.add(name);
            return;
        }
        drop(name);
    }

    private boolean empty(String database) {
        String nodes = "SELECT count(*) FROM pg_dist_node WHERE noderole = 'primary' AND isactive";
        String url = adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            if (!query(nodes).equals(rows(statement, nodes))) {
                return false;
            }
            statement.execute("SET client_min_messages = warning");
            statement.execute("SET lock_timeout = '10s'");
            statement.execute("DROP OWNED BY " + ROLE);
            return true;
        }
        catch (SQLException e) {
            return false;
        }
    }

    private void drop(String name) {
        for (int attempt = 0; attempt < RELEASE_ATTEMPTS; attempt++) {
            try (Connection connection = DriverManager.getConnection(adminUrl);
                 Statement statement = connection.createStatement()) {
                statement.execute("SET citus.enable_create_database_propagation = on");
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                return;
            }
            catch (SQLException e) {
                try {
                    Thread.sleep(RELEASE_PAUSE_MILLIS);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The rows a query of the administrator's database answers, each column as text. */
    public List<List<String>> query(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl); Statement statement = connection.createStatement()) {
            return rows(statement, sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot query as the PostgreSQL administrator: " + sql, e);
        }
    }

    private static List<List<String>> rows(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            List<List<String>> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(rows.getString(column));
                }
                result.add(row);
            }
            return result;
        }
    }

    /** The URL of a database as the test role, whether or not it exists. */
    public String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?user=" + ROLE + "&password=" + PASSWORD;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Runs a statement as the administrator, for tests that must break things on purpose. */
    public void administer(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot run as the PostgreSQL administrator: " + sql, e);
        }
    }

    /**
     * Runs statements in turn, on one connection, as the administrator on another server of a Citus cluster (with the
     * administrator's credentials), in one database: for tests that prepare a node before adding it to the cluster.
     */
    public void administerNode(String nodeHost, int nodePort, String database, String... statements) {
        String url = adminUrl.replaceFirst("//[^/]+/[^/?]+(\\?|$)", "//" + nodeHost + ":" + nodePort + "/" + database + "$1");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot run as the PostgreSQL administrator on " + nodeHost + ":" + nodePort
                    + " in " + database + ": " + String.join("; ", statements), e);
        }
    }

    /** Runs a statement as the administrator in one database. */
    public void administer(String database, String sql) {
        String url = adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot run as the PostgreSQL administrator in " + database + ": " + sql, e);
        }
    }

    private void createRole() {
        administer("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ROLE + "') THEN "
                + "CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE; "
                + "END IF; END $$");
    }
}
