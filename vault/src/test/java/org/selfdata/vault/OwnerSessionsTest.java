package org.selfdata.vault;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.testing.SteppingClock;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions are kept in memory once found, and an ended one is refused at once by the vault that ended it, and by
 * another vault over the same database (another server on PostgreSQL, the command line on SQLite) within the time its
 * cache is trusted without a check.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class OwnerSessionsTest {
    private static final Duration EIGHT_HOURS = Duration.ofHours(8);
    /** How long a loop that waits for a refusal may overshoot: its pauses and the lookup itself. */
    private static final Duration LEEWAY = Duration.ofMillis(250);

    private final Path folder = TestVaults.newFolder();
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final Vault here;
    private final Vault there;

    OwnerSessionsTest(Engine engine) {
        here = TestVaults.create(engine, folder, clock);
        there = Vault.open(here.location(), TestVaults.keyFile(folder), clock);
    }

    @AfterEach
    void closeVaults() throws IOException {
        there.close();
        here.close();
        TestVaults.delete(folder);
    }

    @Test
    void aSessionFoundTwiceIsReadFromTheDatabaseOnce() {
        Person camille = TestVaults.camille(here);
        String token = here.sessions().start(camille.id(), EIGHT_HOURS);

        long before = here.database().transactionsBegun();
        Optional<PersonId> first = here.sessions().find(token);
        Optional<PersonId> second = here.sessions().find(token);

        assertThat(first).contains(camille.id());
        assertThat(second).contains(camille.id());
        assertThat(here.database().transactionsBegun() - before).isEqualTo(1);
    }

    @Test
    void aTokenNobodyHoldsIsReadFromTheDatabaseEveryTime() {
        TestVaults.camille(here);
        String madeUp = "A".repeat(43);

        long before = here.database().transactionsBegun();
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(here.sessions().find(madeUp)).isEmpty();
        }

        assertThat(here.database().transactionsBegun() - before).isEqualTo(3);
    }

    @Test
    void anExpiredSessionIsRefusedEvenThoughItIsKept() {
        Person camille = TestVaults.camille(here);
        String token = here.sessions().start(camille.id(), EIGHT_HOURS);
        assertThat(here.sessions().find(token)).contains(camille.id());

        clock.advance(EIGHT_HOURS.minusSeconds(1));
        long before = here.database().transactionsBegun();
        assertThat(here.sessions().find(token)).contains(camille.id());
        assertThat(here.database().transactionsBegun()).isEqualTo(before);

        clock.advance(Duration.ofSeconds(1));
        assertThat(here.sessions().find(token)).isEmpty();
    }

    @Test
    void aSignedOutSessionIsRefusedAtOnceHereAndSoonThere() {
        Person camille = TestVaults.camille(here);
        String token = here.sessions().start(camille.id(), EIGHT_HOURS);
        String other = here.sessions().start(camille.id(), EIGHT_HOURS);
        keptOnBothSides(token, camille.id());

        here.sessions().end(token);
        Instant ended = Instant.now();

        assertThat(here.sessions().find(token)).isEmpty();
        assertThat(refusedWithinTrust(ended, () -> there.sessions().find(token))).isTrue();
        assertThat(here.sessions().find(other)).contains(camille.id());
        assertThat(there.sessions().find(other)).contains(camille.id());
    }

    @Test
    void aNewPasswordEndsEverySessionOfThePersonHereAndThere() {
        Person camille = TestVaults.camille(here);
        Person dominique = here.people().create("dominique", TestVaults.PARIS);
        String laptop = here.sessions().start(camille.id(), EIGHT_HOURS);
        String phone = here.sessions().start(camille.id(), EIGHT_HOURS);
        String hers = here.sessions().start(dominique.id(), EIGHT_HOURS);
        keptOnBothSides(laptop, camille.id());
        keptOnBothSides(phone, camille.id());
        keptOnBothSides(hers, dominique.id());

        here.people().setPassword(camille.id(), "a new long password".toCharArray());
        here.sessions().endAll(camille.id());
        Instant ended = Instant.now();

        assertThat(here.sessions().find(laptop)).isEmpty();
        assertThat(here.sessions().find(phone)).isEmpty();
        assertThat(refusedWithinTrust(ended, () -> there.sessions().find(laptop))).isTrue();
        assertThat(refusedWithinTrust(ended, () -> there.sessions().find(phone))).isTrue();
        assertThat(here.sessions().find(hers)).contains(dominique.id());
        assertThat(there.sessions().find(hers)).contains(dominique.id());
    }

    @Test
    void anErasureEndsThePersonsSessionsHereAndThere() {
        TestVaults.camille(here);
        Person dominique = here.people().create("dominique", TestVaults.PARIS);
        String token = here.sessions().start(dominique.id(), EIGHT_HOURS);
        keptOnBothSides(token, dominique.id());

        here.erasure().erasePerson(dominique.id());
        Instant ended = Instant.now();

        assertThat(here.sessions().find(token)).isEmpty();
        assertThat(refusedWithinTrust(ended, () -> there.sessions().find(token))).isTrue();
    }

    @Test
    void aSessionEndedThereIsRefusedHereToo() {
        Person camille = TestVaults.camille(here);
        String token = here.sessions().start(camille.id(), EIGHT_HOURS);
        keptOnBothSides(token, camille.id());

        there.sessions().end(token);
        Instant ended = Instant.now();

        assertThat(there.sessions().find(token)).isEmpty();
        assertThat(refusedWithinTrust(ended, () -> here.sessions().find(token))).isTrue();
    }

    /** Finds the session on both vaults, then shows that both now answer without the database. */
    private void keptOnBothSides(String token, PersonId person) {
        for (Vault vault : new Vault[] {here, there}) {
            assertThat(vault.sessions().find(token)).contains(person);
            long before = vault.database().transactionsBegun();
            assertThat(vault.sessions().find(token)).contains(person);
            assertThat(vault.database().transactionsBegun()).as("kept in memory").isEqualTo(before);
        }
    }

    /**
     * Asks until the session is refused; true if it was refused no later than the time a cache is trusted without a
     * check, counted from the ending, give or take the loop's own pauses.
     */
    private static boolean refusedWithinTrust(Instant ended, Supplier<Optional<PersonId>> lookup) {
        Instant deadline = ended.plus(SessionEndings.TRUSTED_FOR).plus(LEEWAY);
        while (true) {
            Instant asked = Instant.now();
            if (lookup.get().isEmpty()) {
                return !asked.isAfter(deadline);
            }
            if (asked.isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(10);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
