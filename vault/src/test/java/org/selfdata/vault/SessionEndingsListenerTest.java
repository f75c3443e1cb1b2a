package org.selfdata.vault;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.selfdata.model.Person;
import org.selfdata.testing.TestPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two servers over one PostgreSQL vault: while the connection on which one hears of the other's endings is lost, it
 * reads every session from the database, and keeps them again once it is back.
 */
class SessionEndingsListenerTest {
    private static final Duration EIGHT_HOURS = Duration.ofHours(8);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Path folder = TestVaults.newFolder();
    private final Vault here = TestVaults.create(Engine.POSTGRES, folder);
    private final Vault there = Vault.open(here.location(), TestVaults.keyFile(folder));
    private final String databaseName = databaseName(here);

    @AfterEach
    void closeVaults() throws IOException {
        TestPostgres.get().administer("ALTER DATABASE " + databaseName + " ALLOW_CONNECTIONS true");
        there.close();
        here.close();
        TestVaults.delete(folder);
    }

    @Test
    void withoutItsListeningConnectionAServerReadsSessionsFromTheDatabaseUntilItIsBack() throws InterruptedException {
        Person camille = TestVaults.camille(here);
        String token = here.sessions().start(camille.id(), EIGHT_HOURS);
        String other = here.sessions().start(camille.id(), EIGHT_HOURS);
        there.sessions().find(token);
        there.sessions().find(other);
        here.sessions().find(token);
        assertThat(readsFromTheDatabase(there, other)).isFalse();

        TestPostgres.get().administer("ALTER DATABASE " + databaseName + " ALLOW_CONNECTIONS false");
        TestPostgres.get().administer("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + databaseName + "' AND application_name = '" + EndingsListener.APPLICATION_NAME + "'");
        assertThat(eventually(() -> readsFromTheDatabase(there, other))).isTrue();
        here.sessions().end(token);

        assertThat(there.sessions().find(token)).isEmpty();
        assertThat(readsFromTheDatabase(there, other)).isTrue();
        assertThat(there.sessions().find(other)).contains(camille.id());

        TestPostgres.get().administer("ALTER DATABASE " + databaseName + " ALLOW_CONNECTIONS true");
        assertThat(eventually(() -> !readsFromTheDatabase(there, other))).isTrue();
        assertThat(there.sessions().find(token)).isEmpty();
    }

    @Test
    void anEndingHeardOnTheChannelForgetsThatSessionAndKeepsTheOthers() throws Exception {
        Person camille = TestVaults.camille(here);
        String token = here.sessions().start(camille.id(), EIGHT_HOURS);
        String other = here.sessions().start(camille.id(), EIGHT_HOURS);
        assertThat(readsFromTheDatabase(there, token)).isFalse();
        assertThat(readsFromTheDatabase(there, other)).isFalse();

        // Number 0 was heard long ago, so this ending only names a session to forget, as one in flight would.
        TestPostgres.get().administer(databaseName, "NOTIFY " + SessionEndings.CHANNEL + ", 'public 0 session "
                + key(token) + "'");

        assertThat(eventually(() -> takesATransaction(there, token))).isTrue();
        assertThat(takesATransaction(there, other)).isFalse();
        assertThat(there.sessions().find(token)).as("ended only in the listener's memory").contains(camille.id());
    }

    @Test
    void anEndingOfAnotherVaultInTheSameDatabaseIsNotHeard() throws Exception {
        Person camille = TestVaults.camille(here);
        String token = here.sessions().start(camille.id(), EIGHT_HOURS);
        assertThat(readsFromTheDatabase(there, token)).isFalse();

        TestPostgres.get().administer(databaseName, "NOTIFY " + SessionEndings.CHANNEL + ", 'elsewhere 0 session "
                + key(token) + "'");
        Thread.sleep(SessionEndings.CHECK_EVERY.multipliedBy(2));

        assertThat(takesATransaction(there, token)).isFalse();
    }

    /** Whether one lookup of the session takes a transaction. */
    private static boolean takesATransaction(Vault vault, String token) {
        long before = vault.database().transactionsBegun();
        vault.sessions().find(token);
        return vault.database().transactionsBegun() > before;
    }

    private static String key(String token) throws java.security.NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Whether looking the session up takes a transaction, after a first lookup that may keep it. */
    private static boolean readsFromTheDatabase(Vault vault, String token) {
        vault.sessions().find(token);
        long before = vault.database().transactionsBegun();
        vault.sessions().find(token);
        return vault.database().transactionsBegun() > before;
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static String databaseName(Vault vault) {
        String url = vault.location().postgres().orElseThrow().jdbcUrl();
        String path = url.substring(url.lastIndexOf('/') + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }
}
