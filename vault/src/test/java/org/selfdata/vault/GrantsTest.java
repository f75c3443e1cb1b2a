package org.selfdata.vault;

import org.selfdata.testing.SteppingClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.GrantStatus;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.Person;
import org.selfdata.model.Recipient;
import org.selfdata.model.SelfdataException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Engine.class)
class GrantsTest {
    private static final Instant MORNING = Instant.parse("2025-06-01T08:00:00Z");

    @RegisterExtension
    final VaultWithCamille fixture;
    private final SteppingClock clock = new SteppingClock(MORNING);
    private final Vault vault;
    private final Person camille;
    private final Recipient meteo;

    GrantsTest(Engine engine) {
        fixture = new VaultWithCamille(engine, clock);
        vault = fixture.vault();
        camille = fixture.camille();
        meteo = SampleRecipients.meteoLocale(vault);
    }

    @Test
    void aGivenGrantIsStoredWithItsTermsExactly() {
        GrantTerms terms = SampleRecipients.regionTerms(meteo, MORNING, Duration.ofDays(30));

        Grant given = vault.grants().give(camille.id(), terms);

        assertThat(given.givenAt()).isEqualTo(MORNING);
        assertThat(given.withdrawnAt()).isEmpty();
        assertThat(vault.grants().get(camille.id(), given.id())).isEqualTo(given);
        assertThat(vault.grants().get(camille.id(), given.id()).terms()).isEqualTo(terms);
        assertThat(vault.grants().list(camille.id())).containsExactly(given);
        assertThat(vault.grants().list(camille.id(), meteo.id())).containsExactly(given);
    }

    @Test
    void withdrawalTakesEffectOnTheNextRead() {
        Grant given = vault.grants().give(camille.id(), SampleRecipients.regionTerms(meteo, MORNING, Duration.ofDays(30)));
        clock.advance(Duration.ofMinutes(5));

        Grant withdrawn = vault.grants().withdraw(camille.id(), given.id());

        Instant fiveMinutesLater = MORNING.plus(Duration.ofMinutes(5));
        assertThat(withdrawn.withdrawnAt()).contains(fiveMinutesLater);
        Grant read = vault.grants().get(camille.id(), given.id());
        assertThat(read.withdrawnAt()).contains(fiveMinutesLater);
        assertThat(read.status(fiveMinutesLater)).isEqualTo(GrantStatus.WITHDRAWN);
    }

    @Test
    void aGrantIsWithdrawnOnlyOnce() {
        Grant given = vault.grants().give(camille.id(), SampleRecipients.regionTerms(meteo, MORNING, Duration.ofDays(30)));
        vault.grants().withdraw(camille.id(), given.id());
        clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> vault.grants().withdraw(camille.id(), given.id()))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("grant " + given.id() + " was already withdrawn at 2025-06-01T08:00:00Z")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(vault.grants().get(camille.id(), given.id()).withdrawnAt()).contains(MORNING);
    }

    @Test
    void aPersonSeesAndWithdrawsNoGrantOfAnother() {
        Person dominique = vault.people().create("dominique", ZoneId.of("Europe/Paris"));
        Grant camilles = vault.grants().give(camille.id(), SampleRecipients.regionTerms(meteo, MORNING, Duration.ofDays(30)));

        assertThat(vault.grants().find(dominique.id(), camilles.id())).isEmpty();
        assertThat(vault.grants().list(dominique.id())).isEmpty();
        assertThatThrownBy(() -> vault.grants().withdraw(dominique.id(), camilles.id()))
                .hasMessage("there is no grant " + camilles.id() + " for this person");
        assertThat(vault.grants().get(camille.id(), camilles.id()).withdrawnAt()).isEmpty();
    }

    @Test
    void aGrantNamesADeclarationTheRecipientMade() {
        GrantTerms onAnUnwrittenVersion = SampleRecipients.regionTerms(meteo, MORNING, Duration.ofDays(30))
                .withDeclarationVersion(2);

        assertThatThrownBy(() -> vault.grants().give(camille.id(), onAnUnwrittenVersion))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("recipient " + meteo.id() + " has no declaration version 2");
        assertThat(vault.grants().list(camille.id())).isEmpty();
    }

    @Test
    void grantsAreListedNewestFirstPerRecipient() {
        Recipient other = vault.recipients().register(camille.id(), SampleRecipients.METEO_LOCALE,
                SampleRecipients.METEO_REDIRECTS, Recipient.Kind.SERVICE);
        vault.recipients().declare(camille.id(), other.id(), SampleRecipients.notificationsByRegion(1));
        Grant first = vault.grants().give(camille.id(), SampleRecipients.regionTerms(meteo, MORNING, Duration.ofDays(30)));
        clock.advance(Duration.ofSeconds(1));
        Grant second = vault.grants().give(camille.id(), SampleRecipients.regionTerms(other, MORNING, Duration.ofDays(30)));
        clock.advance(Duration.ofSeconds(1));
        Grant third = vault.grants().give(camille.id(), SampleRecipients.regionTerms(meteo, MORNING, Duration.ofDays(7)));

        assertThat(vault.grants().list(camille.id())).containsExactly(third, second, first);
        assertThat(vault.grants().list(camille.id(), meteo.id())).containsExactly(third, first);
    }

    @Test
    void erasingAPersonErasesTheirGrants() {
        Grant given = vault.grants().give(camille.id(), SampleRecipients.regionTerms(meteo, MORNING, Duration.ofDays(30)));
        vault.grants().withdraw(camille.id(), given.id());

        vault.erasure().erasePerson(camille.id());

        assertThat(vault.grants().find(camille.id(), given.id())).isEmpty();
        assertThat(vault.recipients().find(meteo.id())).isPresent();
    }

    @Test
    void anUnknownGrantIsNotFound() {
        assertThat(vault.grants().find(camille.id(), GrantId.of("no-such-grant"))).isEqualTo(Optional.empty());
    }

}
