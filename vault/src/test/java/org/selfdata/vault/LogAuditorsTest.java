package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.testing.SteppingClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.selfdata.vault.VaultTables.LOG_AUDITORS;
import static org.selfdata.vault.VaultTables.TOKEN_HASH;

@ParameterizedClass
@EnumSource(Engine.class)
class LogAuditorsTest {
    private static final Instant MORNING = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration NINETY_DAYS = Duration.ofDays(90);

    @RegisterExtension
    final VaultWithCamille fixture;
    private final SteppingClock clock = new SteppingClock(MORNING);
    private final Vault vault;
    private final Person camille;

    LogAuditorsTest(Engine engine) {
        fixture = new VaultWithCamille(engine, clock);
        vault = fixture.vault();
        camille = fixture.camille();
    }

    @Test
    void aNamedAuditorsTokenOpensThePersonsLogAndIsListedWithoutIt() {
        LogAuditors.Named named = vault.auditors().name(camille.id(), "  CNIL  ", NINETY_DAYS);

        assertThat(vault.auditors().find(named.token()))
                .contains(new LogAuditors.Audit(camille.id(), named.auditor().id()));
        assertThat(named.auditor().name()).isEqualTo("CNIL");
        assertThat(named.auditor().expiresAt()).isEqualTo(MORNING.plus(NINETY_DAYS));
        assertThat(vault.auditors().list(camille.id())).singleElement()
                .satisfies(auditor -> {
                    assertThat(auditor.id()).isEqualTo(named.auditor().id());
                    assertThat(auditor.lastUsedAt()).contains(MORNING);
                });
    }

    @Test
    void onlyTheTokensHashIsStored() {
        LogAuditors.Named named = vault.auditors().name(camille.id(), "CNIL", NINETY_DAYS);

        List<byte[]> stored = vault.database().transaction(connection -> vault.database().dsl(connection)
                .select(TOKEN_HASH).from(LOG_AUDITORS).fetch(TOKEN_HASH));

        assertThat(stored).singleElement().satisfies(hash -> assertThat(new String(hash, StandardCharsets.ISO_8859_1))
                .doesNotContain(named.token()));
    }

    @Test
    void anEndedTokenAndAnExpiredOneOpenNothing() {
        LogAuditors.Named ended = vault.auditors().name(camille.id(), "Maître Petit", NINETY_DAYS);
        LogAuditors.Named expiring = vault.auditors().name(camille.id(), "CNIL", Duration.ofDays(1));

        vault.auditors().end(camille.id(), ended.auditor().id());
        clock.advance(Duration.ofDays(1));

        assertThat(vault.auditors().find(ended.token())).isEmpty();
        assertThat(vault.auditors().find(expiring.token())).isEmpty();
        assertThat(vault.auditors().find("not-a-token")).isEmpty();
        assertThat(vault.auditors().list(camille.id())).extracting(LogAuditors.Auditor::name).containsExactly("CNIL");
    }

    @Test
    void anotherPersonCannotEndAnAuditorItDidNotName() {
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);
        LogAuditors.Named named = vault.auditors().name(camille.id(), "CNIL", NINETY_DAYS);

        assertThatThrownBy(() -> vault.auditors().end(dominique.id(), named.auditor().id()))
                .isInstanceOf(SelfdataException.class).hasMessage("there is no such auditor of your log");
        assertThat(vault.auditors().find(named.token())).map(LogAuditors.Audit::person).contains(camille.id());
        assertThat(vault.auditors().list(dominique.id())).isEmpty();
    }

    @Test
    void aNameOrLifetimeOutOfBoundsIsRefusedAndNamesNobody() {
        assertThatThrownBy(() -> vault.auditors().name(camille.id(), " ", NINETY_DAYS))
                .hasMessageContaining("an auditor needs a name of 1 to 100 characters");
        assertThatThrownBy(() -> vault.auditors().name(camille.id(), "CNIL\nX-Header: 1", NINETY_DAYS))
                .hasMessageContaining("without line breaks");
        assertThatThrownBy(() -> vault.auditors().name(camille.id(), "x".repeat(101), NINETY_DAYS))
                .hasMessageContaining("1 to 100 characters");
        assertThatThrownBy(() -> vault.auditors().name(camille.id(), "CNIL", Duration.ofDays(367)))
                .hasMessage("an auditor's token lives at least a day and at most 366 days");
        assertThatThrownBy(() -> vault.auditors().name(camille.id(), "CNIL", Duration.ZERO))
                .hasMessageContaining("at least a day");
        assertThat(vault.auditors().list(camille.id())).isEmpty();
    }

    @Test
    void erasingThePersonEndsTheirAuditors() {
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);
        LogAuditors.Named named = vault.auditors().name(dominique.id(), "CNIL", NINETY_DAYS);

        vault.erasure().erasePerson(dominique.id());

        assertThat(vault.auditors().find(named.token())).isEqualTo(Optional.empty());
    }
}
