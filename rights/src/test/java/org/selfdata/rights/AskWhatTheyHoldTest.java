package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.importers.Importers;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.model.Contact;
import org.selfdata.model.Document;
import org.selfdata.model.Payload;
import org.selfdata.model.Person;
import org.selfdata.model.Position;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientIdentity;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.SourceId;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultWithCamille;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Engine.class)
class AskWhatTheyHoldTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    final VaultWithCamille fixture;
    private final Vault vault;
    private final Person camille;
    private final RightsDesk desk;
    private final AskWhatTheyHold ask;

    AskWhatTheyHoldTest(Engine engine) {
        fixture = new VaultWithCamille(engine, CLOCK);
        vault = fixture.vault();
        camille = fixture.camille();
        desk = new RightsDesk(vault, new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT), CLOCK);
        ask = new AskWhatTheyHold(desk, vault);
        desk.settings().saveSender(camille.id(), new Sender("Camille Martin",
                Optional.of("12 rue de la République\n69002 Lyon\nFrance"), Optional.of("camille@example.org")));
        desk.organizations().save(camille.id(), new Organization("banque-exemple", "Banque Exemple",
                Optional.of("1 quai Perrache\n69002 Lyon"), Optional.of("dpo@banque-exemple.example"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of("fr"), List.of(), false,
                Optional.of("fr"), Optional.empty(), false, Organization.Origin.PERSON));
    }

    @Test
    void aSourceOfTheDirectoryIsAskedAboutWhatTheVaultHoldsFromItItsKindsAndPeriod() {
        SourceId bank = imported("Banque Exemple", document("Relevé de janvier"), document("Relevé de février"),
                new Contact("Conseiller", Optional.empty(), Optional.empty(), Optional.of("Banque Exemple"), List.of(),
                        List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty()));

        RightsRequest request = ask.fromSource(camille.id(), bank, Language.ENGLISH).timeline().request();

        assertThat(request.organization().slug()).isEqualTo("banque-exemple");
        assertThat(request.right()).isEqualTo(Right.ACCESS);
        assertThat(request.channel()).isEqualTo(Organization.Channel.EMAIL);
        assertThat(request.about()).contains("les données que j’ai déjà reçues de Banque Exemple : 3 enregistrements "
                + "(contacts, documents), du 1er janvier 2026 au 3 janvier 2026");
        assertThat(desk.letter(camille.id(), request.id()).body()).contains("Banque Exemple : 3 enregistrements");
    }

    @Test
    void aSourceTheDirectoryLacksIsAskedThroughAnOrganizationOfItsNameThePersonCompletesWithAnAddress() {
        SourceId mutual = imported("Mutuelle des Lilas", document("Carte de tiers payant"));

        RightsRequest request = ask.fromSource(camille.id(), mutual, Language.ENGLISH).timeline().request();

        assertThat(request.organization()).isEqualTo(new RightsRequest.OrganizationSnapshot("mutuelle-des-lilas",
                "Mutuelle des Lilas", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(request.channel()).isEqualTo(Organization.Channel.LETTER);
        assertThat(request.about()).contains("the data I have already received from Mutuelle des Lilas: 1 record "
                + "(documents), from 1 January 2026 to 1 January 2026");
        assertThatThrownBy(() -> desk.letterPdf(camille.id(), request.id())).isInstanceOf(SelfdataException.class)
                .hasMessage("This organization has no postal address: a registered letter cannot be addressed to it. "
                        + "Send the request by e-mail or through its web form, or add its address.");

        desk.organizations().save(camille.id(), new Organization("mutuelle-des-lilas", "Mutuelle des Lilas",
                Optional.of("Service adhérents\n4 rue des Lilas\n69003 Lyon"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of("fr"), List.of(), false,
                Optional.empty(), Optional.empty(), false, Organization.Origin.PERSON));

        byte[] pdf = desk.letterPdf(camille.id(), request.id());
        assertThat(new String(Arrays.copyOf(pdf, 5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aRegisteredRecipientIsAskedAtTheAddressItsRegistrationGives() {
        Recipient budget = vault.recipients().register(camille.id(), new RecipientIdentity("Budget Malin",
                "Budget Malin SAS", "FR", "dpo@budget-malin.example", Optional.empty()),
                List.of(URI.create("https://budget-malin.example/callback")), Recipient.Kind.APP);

        RightsRequest request = ask.fromRecipient(camille.id(), budget.id(), Language.ENGLISH).timeline().request();

        assertThat(request.organization()).isEqualTo(new RightsRequest.OrganizationSnapshot("budget-malin-sas",
                "Budget Malin SAS", Optional.empty(), Optional.of("dpo@budget-malin.example"), Optional.empty(),
                Optional.empty()));
        assertThat(request.channel()).isEqualTo(Organization.Channel.EMAIL);
        assertThat(request.about()).contains("the data I gave you through selfdata, with which your organization is "
                + "registered as Budget Malin");
    }

    @Test
    void aSourceThePersonDoesNotHaveIsNotFoundAndNothingIsDrafted() {
        assertThatThrownBy(() -> ask.fromSource(camille.id(), SourceId.of(999), Language.ENGLISH))
                .isInstanceOf(SelfdataException.class).hasMessage("You have no source 999.");
        assertThat(desk.overview(camille.id())).isEmpty();
    }

    private SourceId imported(String organization, Payload... payloads) {
        vault.imports().write(camille.id(), new ImportRequest(SourceDescriptor.file(organization, "export"), "test",
                "export.json"), IntStream.range(0, payloads.length).mapToObj(index -> RecordDraft.of(
                        TimeSpan.day(LocalDate.of(2026, 1, 1 + index), TestVaults.PARIS), payloads[index],
                        Position.line(index + 1L))));
        return vault.imports().sources(camille.id()).stream()
                .filter(source -> source.organization().equals(organization)).findFirst().orElseThrow().id();
    }

    private static Document document(String title) {
        return new Document(title, "text/plain", title.length(), "0".repeat(64), Optional.of(title));
    }
}
