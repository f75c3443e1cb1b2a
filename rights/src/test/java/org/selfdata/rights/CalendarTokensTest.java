package org.selfdata.rights;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.importers.Importers;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.model.Person;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The private address of a calendar feed: a token that opens one person's feed until it is replaced or revoked. */
class CalendarTokensTest {
    @TempDir
    Path folder;

    private Vault vault;
    private Person camille;
    private Person alix;
    private RightsDesk desk;

    @BeforeEach
    void openDesk() {
        vault = TestVaults.create(Engine.SQLITE, folder.resolve("vault"));
        camille = TestVaults.camille(vault);
        alix = vault.people().create("alix", TestVaults.PARIS);
        desk = new RightsDesk(vault, new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT),
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        vault.close();
    }

    @Test
    void aTokenOpensItsOwnersFeedAndTheVaultKeepsOnlyItsDigest() {
        String camilles = desk.calendars().issue(camille.id());
        String alixs = desk.calendars().issue(alix.id());

        assertThat(camilles).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(alixs);
        assertThat(desk.calendars().owner(camilles)).contains(camille.id());
        assertThat(desk.calendars().owner(alixs)).contains(alix.id());
        assertThat(desk.settings().calendarDigest(camille.id())).hasValueSatisfying(kept ->
                assertThat(kept).matches("[0-9a-f]{64}").doesNotContain(camilles));
    }

    @Test
    void aNewTokenReplacesTheOldAndARevokedOneOpensNothing() {
        String first = desk.calendars().issue(camille.id());
        String second = desk.calendars().issue(camille.id());

        assertThat(desk.calendars().owner(first)).isEmpty();
        assertThat(desk.calendars().owner(second)).contains(camille.id());
        desk.calendars().revoke(camille.id());
        assertThat(desk.calendars().owner(second)).isEmpty();
    }

    @Test
    void somethingThatIsNotATokenOpensNothing() {
        desk.calendars().issue(camille.id());

        assertThat(desk.calendars().owner("")).isEmpty();
        assertThat(desk.calendars().owner("../../etc/passwd")).isEmpty();
        assertThat(desk.calendars().owner("A".repeat(43))).isEmpty();
    }
}
