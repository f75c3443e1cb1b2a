package org.selfdata.vault;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Which PostgreSQL versions selfdata runs on, said by selfdata rather than by jOOQ.
 *
 * <p>jOOQ's open-source edition has one PostgreSQL dialect, for the newest PostgreSQL only (18 for jOOQ 3.21). At
 * the first query of every process on an older server it warns "Database version is older than what dialect
 * SQLDialect.POSTGRES supports", which the command line prints on standard error before every command's own output.
 * selfdata's queries are tested on PostgreSQL 15 and 17 (the README's "Supported PostgreSQL versions"), so on the
 * versions it supports that warning tells an operator nothing they could act on, and teaches them to skip standard
 * error. {@link #leaveTheCheckToSelfdata} turns off that one jOOQ logger, with the system property jOOQ documents for
 * libraries built on it, which also spares jOOQ its check; every other message of jOOQ's is left as it was. An
 * operator who set that property themselves (for instance to {@code WARN}) keeps their choice.
 *
 * <p>What an operator can act on is a server older than any selfdata is tested on: {@link #check} says so in its own
 * words when a vault opens there.
 */
final class PostgresVersions {
    /** The oldest major version selfdata's PostgreSQL tests have run on. */
    static final int OLDEST_SUPPORTED = 15;
    /** jOOQ's threshold for its logger of database versions, named as jOOQ's manual says ("Logging system properties"). */
    static final String JOOQ_VERSION_LOGGER_THRESHOLD = "org.jooq.log.org.jooq.impl.DefaultExecuteContext.logVersionSupport";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresVersions.class);

    private PostgresVersions() {}

    /**
     * Turns off jOOQ's warning about database versions, unless the operator set its threshold. jOOQ reads the property
     * at each message, so this holds from the first query on, whenever it runs before it.
     */
    static void leaveTheCheckToSelfdata() {
        System.getProperties().putIfAbsent(JOOQ_VERSION_LOGGER_THRESHOLD, "ERROR");
    }

    /**
     * Warns, once for the vault being opened, when the server is older than any selfdata is tested on. A warning rather
     * than a refusal: vaults kept on older servers went on working so far, and their operators need the time to
     * upgrade. The version comes from the connection's start, without a query.
     */
    static void check(Connection connection, String description) throws SQLException {
        DatabaseMetaData server = connection.getMetaData();
        advice(server.getDatabaseMajorVersion(), server.getDatabaseProductVersion(), description).ifPresent(LOG::warn);
    }

    /** What to tell the operator of a server of this major version, if anything. */
    static Optional<String> advice(int major, String version, String description) {
        if (major >= OLDEST_SUPPORTED) {
            return Optional.empty();
        }
        return Optional.of("PostgreSQL " + version + " at " + description + " is older than " + OLDEST_SUPPORTED
                + ", the oldest selfdata is tested on: upgrade it (pg_upgrade, or a dump restored into a newer server)");
    }
}
