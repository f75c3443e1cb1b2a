package org.selfdata.vault;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.Category;
import org.selfdata.model.DeclaredPurpose;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.Person;
import org.selfdata.model.Precision;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Purpose;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientId;
import org.selfdata.model.SelfdataException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Engine.class)
class RecipientsTest {
    @RegisterExtension
    final VaultWithCamille fixture;
    private final Vault vault;
    private final Person camille;

    RecipientsTest(Engine engine) {
        fixture = new VaultWithCamille(engine);
        vault = fixture.vault();
        camille = fixture.camille();
    }

    @Test
    void aRegisteredRecipientIsFoundWithItsIdentityAndRedirects() {
        Recipient registered = vault.recipients().register(camille.id(), SampleRecipients.METEO_LOCALE,
                SampleRecipients.METEO_REDIRECTS, Recipient.Kind.APP);

        assertThat(registered.id().value()).hasSize(22);
        assertThat(vault.recipients().get(registered.id())).isEqualTo(registered);
        assertThat(vault.recipients().find(registered.id()).orElseThrow().identity().dataProtectionOfficer())
                .contains("dpo@meteo-locale.example");
        assertThat(vault.recipients().list()).containsExactly(registered);
    }

    @Test
    void declarationsAreVersionedAndTheNewestIsCurrent() {
        Recipient meteo = SampleRecipients.meteoLocale(vault);

        vault.recipients().declare(camille.id(), meteo.id(), SampleRecipients.notificationsByRegion(2));

        assertThat(vault.recipients().currentDeclaration(meteo.id())).contains(SampleRecipients.notificationsByRegion(2));
        assertThat(vault.recipients().declaration(meteo.id(), 1)).contains(SampleRecipients.notificationsByRegion(1));
        assertThat(vault.recipients().declaration(meteo.id(), 3)).isEmpty();
    }

    @Test
    void aDeclarationMustFollowTheCurrentVersion() {
        Recipient meteo = SampleRecipients.meteoLocale(vault);

        assertThatThrownBy(() -> vault.recipients().declare(camille.id(), meteo.id(),
                SampleRecipients.notificationsByRegion(1)))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("recipient " + meteo.id() + " is at declaration version 1; its next declaration is version 2, not 1");
        assertThatThrownBy(() -> vault.recipients().declare(camille.id(), meteo.id(),
                SampleRecipients.notificationsByRegion(3)))
                .hasMessage("recipient " + meteo.id() + " is at declaration version 1; its next declaration is version 2, not 3");
    }

    @Test
    void onlyTheOperatorAdmitsRecipientsAndDeclaresForThem() {
        Recipient meteo = SampleRecipients.meteoLocale(vault);
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);
        ProcessingDeclaration exactLocation = new ProcessingDeclaration(2, List.of(new DeclaredPurpose(
                Purpose.COMMUNICATION_MANAGEMENT, "notifications by region", Set.of(Category.LOCATION), Set.of(),
                Precision.EXACT, LegalBasis.CONSENT)), List.of(), List.of(), Duration.ofDays(30), List.of());

        List<ThrowingCallable> memberWrites = List.of(
                () -> vault.recipients().register(dominique.id(), SampleRecipients.METEO_LOCALE,
                        SampleRecipients.METEO_REDIRECTS, Recipient.Kind.APP),
                () -> vault.recipients().declare(dominique.id(), meteo.id(), exactLocation),
                () -> vault.oauthTokens().newRecipientSecret(dominique.id(), meteo.id()),
                () -> vault.recipients().requireOperator(dominique.id()));

        for (ThrowingCallable write : memberWrites) {
            assertThatThrownBy(write)
                    .isInstanceOf(SelfdataException.class)
                    .hasMessage("only the vault's operator admits recipients and their declarations")
                    .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.FORBIDDEN);
        }
        assertThat(vault.recipients().list()).containsExactly(meteo);
        assertThat(vault.recipients().currentDeclaration(meteo.id())).contains(SampleRecipients.notificationsByRegion(1));
        assertThat(vault.oauthTokens().newRecipientSecret(camille.id(), meteo.id())).hasSize(43);
        assertThat(vault.recipients().declare(camille.id(), meteo.id(), exactLocation)).isEqualTo(exactLocation);
    }

    @Test
    void anUnknownRecipientHasNoDeclaration() {
        RecipientId unknown = RecipientId.of("no-such-recipient");

        assertThat(vault.recipients().find(unknown)).isEmpty();
        assertThat(vault.recipients().currentDeclaration(unknown)).isEmpty();
        assertThatThrownBy(() -> vault.recipients().declare(camille.id(), unknown, SampleRecipients.notificationsByRegion(1)))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("there is no recipient no-such-recipient in this vault")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void aWrittenDeclarationCannotBeChangedEvenBeneathTheVault() {
        Recipient meteo = SampleRecipients.meteoLocale(vault);

        try (Database database = Database.connect(vault.location(), false)) {
            for (String statement : List.of("UPDATE recipient_declarations SET declaration = '{}'",
                    "DELETE FROM recipient_declarations")) {
                assertThatThrownBy(() -> database.transaction(connection -> execute(connection, statement)))
                        .isInstanceOf(SelfdataException.class)
                        .rootCause().hasMessageContaining("a recipient's declaration never changes once written");
            }
        }
        assertThat(vault.recipients().declaration(meteo.id(), 1)).contains(SampleRecipients.notificationsByRegion(1));
    }

    private static int execute(Connection connection, String statement) throws SQLException {
        try (var prepared = connection.createStatement()) {
            return prepared.executeUpdate(statement);
        }
    }

    @Test
    void newIdsAreUnguessableAndNeverReadAsAnOption() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int count = 0; count < 20_000; count++) {
            ids.add(Recipients.newId());
        }

        assertThat(ids).hasSize(20_000)
                .allSatisfy(id -> assertThat(id).hasSize(22).matches("[A-Za-z0-9][A-Za-z0-9_-]{21}"));
    }
}
