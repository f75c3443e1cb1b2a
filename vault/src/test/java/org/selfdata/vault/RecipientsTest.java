package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientId;
import org.selfdata.model.SelfdataException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Engine.class)
class RecipientsTest {
    @RegisterExtension
    final VaultWithCamille fixture;
    private final Vault vault;

    RecipientsTest(Engine engine) {
        fixture = new VaultWithCamille(engine);
        vault = fixture.vault();
    }

    @Test
    void aRegisteredRecipientIsFoundWithItsIdentityAndRedirects() {
        Recipient registered = vault.recipients().register(SampleRecipients.METEO_LOCALE, SampleRecipients.METEO_REDIRECTS,
                Recipient.Kind.APP);

        assertThat(registered.id().value()).hasSize(22);
        assertThat(vault.recipients().get(registered.id())).isEqualTo(registered);
        assertThat(vault.recipients().find(registered.id()).orElseThrow().identity().dataProtectionOfficer())
                .contains("dpo@meteo-locale.example");
        assertThat(vault.recipients().list()).containsExactly(registered);
    }

    @Test
    void declarationsAreVersionedAndTheNewestIsCurrent() {
        Recipient meteo = SampleRecipients.meteoLocale(vault);

        vault.recipients().declare(meteo.id(), SampleRecipients.notificationsByRegion(2));

        assertThat(vault.recipients().currentDeclaration(meteo.id())).contains(SampleRecipients.notificationsByRegion(2));
        assertThat(vault.recipients().declaration(meteo.id(), 1)).contains(SampleRecipients.notificationsByRegion(1));
        assertThat(vault.recipients().declaration(meteo.id(), 3)).isEmpty();
    }

    @Test
    void aDeclarationMustFollowTheCurrentVersion() {
        Recipient meteo = SampleRecipients.meteoLocale(vault);

        assertThatThrownBy(() -> vault.recipients().declare(meteo.id(), SampleRecipients.notificationsByRegion(1)))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("recipient " + meteo.id() + " is at declaration version 1; its next declaration is version 2, not 1");
        assertThatThrownBy(() -> vault.recipients().declare(meteo.id(), SampleRecipients.notificationsByRegion(3)))
                .hasMessage("recipient " + meteo.id() + " is at declaration version 1; its next declaration is version 2, not 3");
    }

    @Test
    void anUnknownRecipientHasNoDeclaration() {
        RecipientId unknown = RecipientId.of("no-such-recipient");

        assertThat(vault.recipients().find(unknown)).isEmpty();
        assertThat(vault.recipients().currentDeclaration(unknown)).isEmpty();
        assertThatThrownBy(() -> vault.recipients().declare(unknown, SampleRecipients.notificationsByRegion(1)))
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
