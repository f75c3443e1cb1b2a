package org.selfdata.vault;

import org.selfdata.testing.SteppingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeopleTest {
    @TempDir
    Path folder;

    private final SteppingClock clock = new SteppingClock(Instant.parse("2025-06-01T08:00:00Z"));
    private Vault vault;

    @BeforeEach
    void createVault() {
        vault = TestVaults.create(Engine.SQLITE, folder, clock);
    }

    @AfterEach
    void closeVault() {
        vault.close();
    }

    @Test
    void aPersonIsFoundByHandleWithTheirZone() {
        Person camille = TestVaults.camille(vault);

        assertThat(vault.people().find("camille")).contains(camille);
        assertThat(camille.zone()).isEqualTo(TestVaults.PARIS);
        assertThat(camille.createdAt()).isEqualTo(Instant.parse("2025-06-01T08:00:00Z"));
    }

    @Test
    void twoPeopleCannotShareAHandle() {
        TestVaults.camille(vault);

        assertThatThrownBy(() -> TestVaults.camille(vault))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("this vault already has a person with the handle 'camille'");
    }

    @Test
    void handlesAreCheckedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> vault.people().create("Camille Martin", TestVaults.PARIS))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("a person's handle must be 1 to 64 characters among a-z, 0-9, '.', '_' and '-', "
                        + "starting with a letter or digit");
        assertThat(vault.people().list()).isEmpty();
    }

    @Test
    void signInNeedsTheRightHandleAndPassword() {
        Person camille = TestVaults.camille(vault);
        vault.people().setPassword(camille.id(), "lyon-2025-guillotiere".toCharArray());

        assertThat(vault.people().authenticate("camille", "lyon-2025-guillotiere".toCharArray())).contains(camille);
        assertThat(vault.people().authenticate("camille", "lyon-2025-guillotierE".toCharArray())).isEmpty();
        assertThat(vault.people().authenticate("dominique", "lyon-2025-guillotiere".toCharArray())).isEmpty();
    }

    @Test
    void aPersonCreatedWithAPasswordSignsInWithItAndAPasswordRefusedAddsNobody() {
        Person camille = vault.people().create("camille", TestVaults.PARIS, "lyon-2025-guillotiere".toCharArray());

        assertThatThrownBy(() -> vault.people().create("dominique", TestVaults.PARIS, "short".toCharArray()))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("a password must be 8 to 1024 characters long");
        assertThat(vault.people().authenticate("camille", "lyon-2025-guillotiere".toCharArray())).contains(camille);
        assertThat(vault.people().list()).containsExactly(camille);
    }

    @Test
    void nobodySignsInBeforeAPasswordIsSet() {
        Person camille = TestVaults.camille(vault);

        assertThat(vault.people().hasPassword(camille.id())).isFalse();
        assertThat(vault.people().authenticate("camille", "anything-at-all".toCharArray())).isEmpty();
    }

    @Test
    void aShortPasswordIsRefusedInFrenchWithTheLengthsAllowed() {
        Person camille = TestVaults.camille(vault);

        assertThatThrownBy(() -> vault.people().setPassword(camille.id(), "short".toCharArray()))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> assertThat(refusal.message(Language.FRENCH))
                        .isEqualTo("un mot de passe doit compter de 8 à 1024 caractères"));
    }

    @Test
    void shortPasswordsAreRefused() {
        Person camille = TestVaults.camille(vault);

        assertThatThrownBy(() -> vault.people().setPassword(camille.id(), "short".toCharArray()))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("a password must be 8 to 1024 characters long");
    }

    @Test
    void aSessionLastsItsLifetimeAndNoLonger() {
        Person camille = TestVaults.camille(vault);
        String token = vault.sessions().start(camille.id(), Duration.ofHours(8));

        assertThat(vault.sessions().find(token)).contains(camille.id());
        clock.advance(Duration.ofHours(8).minusSeconds(1));
        assertThat(vault.sessions().find(token)).contains(camille.id());
        clock.advance(Duration.ofSeconds(1));
        assertThat(vault.sessions().find(token)).isEmpty();
    }

    @Test
    void anEndedSessionIsGoneAndTokensAreNotGuessable() {
        Person camille = TestVaults.camille(vault);
        String token = vault.sessions().start(camille.id(), Duration.ofHours(8));
        String other = vault.sessions().start(camille.id(), Duration.ofHours(8));

        vault.sessions().end(token);

        assertThat(vault.sessions().find(token)).isEmpty();
        assertThat(vault.sessions().find(other)).contains(camille.id());
        assertThat(token).hasSize(43).isNotEqualTo(other);
        assertThat(vault.sessions().find(token.substring(0, 42) + "A")).isEqualTo(Optional.empty());
    }

    /** A clock the test moves by hand. */
    static final class SteppingClock extends Clock {
        private Instant now;

        SteppingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
