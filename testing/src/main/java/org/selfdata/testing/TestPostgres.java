package org.selfdata.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

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
    private static TestPostgres instance;

    private final String adminUrl;
    private final String host;
    private final int port;

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

    /** A new, empty database owned by the ordinary test role; the URL carries that role's credentials. */
    public String newDatabase() {
        String name = "selfdata_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        administer("CREATE DATABASE " + name + " OWNER " + ROLE);
        return url(name);
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
