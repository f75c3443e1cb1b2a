package org.selfdata.rights;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.gate.Gate;
import org.selfdata.model.Contact;
import org.selfdata.model.Document;
import org.selfdata.model.Payload;
import org.selfdata.model.Person;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordType;
import org.selfdata.model.Source;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.SourceId;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultWithCamille;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camille moved from 12 rue de la République in Lyon to 8 place Bellecour: the organizations that hold her old address
 * are found in her vault, and one action writes to each of them.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class ChangeEverywhereTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    private static final String OLD_ADDRESS = "12 rue de la République, 69002 Lyon";
    private static final String NEW_ADDRESS = "8 place Bellecour, 69002 Lyon";
    private static final String BANK_EMAIL = "dpo@banque-exemple.example";
    private static final ChangeOfDetail MOVE = new ChangeOfDetail(PersonalDetail.ADDRESS, OLD_ADDRESS, NEW_ADDRESS);

    @RegisterExtension
    final VaultWithCamille fixture;
    private final MailServers servers = new MailServers();
    private final Vault vault;
    private final Person camille;
    private final RightsDesk desk;
    private final ChangeEverywhere change;

    ChangeEverywhereTest(Engine engine) {
        fixture = new VaultWithCamille(engine, CLOCK);
        vault = fixture.vault();
        camille = fixture.camille();
        desk = servers.desk(vault, camille, CLOCK);
        change = new ChangeEverywhere(desk, vault, Gate.over(vault));
        desk.organizations().save(camille.id(), organization("banque-exemple", "Banque Exemple",
                Optional.of(BANK_EMAIL), Optional.of("Délégué à la protection des données\n1 quai Perrache\n69002 Lyon")));
        desk.organizations().save(camille.id(), organization("agence-immo-rhone", "Agence Immo Rhône",
                Optional.empty(), Optional.of("Service clients\n3 cours Gambetta\n69003 Lyon")));
        desk.organizations().save(camille.id(), organization("gaz-tokyo", "Gaz 東京",
                Optional.of("privacy@gaz-tokyo.example"), Optional.of("Service clients\n1 rue du Gaz\n69007 Lyon")));
    }

    @AfterEach
    void closeServers() {
        servers.close();
    }

    @Test
    void theOrganizationsHoldingTheOldAddressAreFoundInTheRecordsAndInTheRequestsThatGaveIt() {
        imported("Banque Exemple", document("Relevé de janvier", "M. ou Mme MARTIN\n12, RUE DE LA REPUBLIQUE\n69002 LYON"),
                document("Relevé de février", "Camille Martin - 12 rue de la république - 69002 Lyon"),
                document("Conditions générales", "Banque Exemple, 1 quai Perrache, 69002 Lyon"));
        imported("Agence Immo Rhône", new Contact("Camille Martin", Optional.of("Camille"), Optional.of("Martin"),
                Optional.empty(), List.of(), List.of(), List.of("12 r. de la République\n69002 Lyon"), Optional.empty(),
                Optional.empty(), Optional.empty()));
        imported("Mutuelle des Lilas", document("Carte de tiers payant", "Domicile : 12 rue de la République 69002 Lyon"));
        imported("Cinéma Lumière", document("Abonnement", "12 rue Victor Hugo, 69002 Lyon"));
        String gasRequest = sentAccessRequest();

        List<Holder> holders = change.holders(camille.id(), PersonalDetail.ADDRESS, OLD_ADDRESS);

        assertThat(holders).containsExactly(
                new Holder("agence-immo-rhone", "Agence Immo Rhône", true, List.of(Organization.Channel.LETTER),
                        List.of(new Holder.Evidence.InRecords(source("Agence Immo Rhône"), "Agence Immo Rhône", 1,
                                Set.of(RecordType.CONTACT)))),
                new Holder("banque-exemple", "Banque Exemple", true,
                        List.of(Organization.Channel.EMAIL, Organization.Channel.LETTER),
                        List.of(new Holder.Evidence.InRecords(source("Banque Exemple"), "Banque Exemple", 2,
                                Set.of(RecordType.DOCUMENT)))),
                new Holder("gaz-tokyo", "Gaz 東京", true,
                        List.of(Organization.Channel.EMAIL, Organization.Channel.LETTER),
                        List.of(new Holder.Evidence.InRequest(gasRequest,
                                desk.request(camille.id(), gasRequest).timeline().request().reference(), Right.ACCESS))),
                new Holder("mutuelle-des-lilas", "Mutuelle des Lilas", false, List.of(),
                        List.of(new Holder.Evidence.InRecords(source("Mutuelle des Lilas"), "Mutuelle des Lilas", 1,
                                Set.of(RecordType.DOCUMENT)))));
    }

    @Test
    void oneActionSendsDraftsOrSaysWhyForEachOrganizationAndARepeatSendsNothingTwice() throws Exception {
        sentAccessRequest();
        ChangeEverywhere.Action action = new ChangeEverywhere.Action(MOVE,
                List.of("banque-exemple", "gaz-tokyo", "agence-immo-rhone", "mutuelle-des-lilas"), Optional.empty(),
                true, Language.FRENCH);

        List<ChangeDelivery> first = change.send(camille.id(), action);

        assertThat(first).extracting(ChangeDelivery::slug, ChangeDelivery::status, ChangeDelivery::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("banque-exemple", ChangeStatus.SENT, Optional.empty()),
                org.assertj.core.groups.Tuple.tuple("gaz-tokyo", ChangeStatus.FAILED,
                        Optional.of(Wording.of("error.rights.letter.pdfCharacterHead"))),
                org.assertj.core.groups.Tuple.tuple("agence-immo-rhone", ChangeStatus.DRAFTED, Optional.empty()),
                org.assertj.core.groups.Tuple.tuple("mutuelle-des-lilas", ChangeStatus.NO_ADDRESS,
                        Optional.of(Wording.of("error.rights.change.notInDirectory"))));
        MimeMessage[] toTheBank = toTheBank();
        assertThat(toTheBank).hasSize(1);
        String reference = first.getFirst().request().orElseThrow().reference();
        assertThat(toTheBank[0].getSubject()).startsWith("[" + reference + "]");
        assertThat(desk.request(camille.id(), first.getFirst().request().orElseThrow().id()).timeline().status())
                .isEqualTo(RequestStatus.SENT);
        Letter toTheAgency = desk.letter(camille.id(), first.get(2).request().orElseThrow().id());
        assertThat(toTheAgency.body()).contains(OLD_ADDRESS, NEW_ADDRESS);
        assertThat(first.get(2).request().orElseThrow().channel()).isEqualTo(Organization.Channel.LETTER);

        List<ChangeDelivery> again = change.send(camille.id(), action);

        assertThat(again).extracting(ChangeDelivery::status).containsExactly(ChangeStatus.ALREADY_SENT,
                ChangeStatus.FAILED, ChangeStatus.DRAFTED, ChangeStatus.NO_ADDRESS);
        assertThat(again).extracting(delivery -> delivery.request().map(RightsRequest::id))
                .isEqualTo(first.stream().map(delivery -> delivery.request().map(RightsRequest::id)).toList());
        assertThat(toTheBank()).hasSize(1);
        assertThat(desk.overview(camille.id())).hasSize(4);
    }

    @Test
    void anOrganizationWithoutAnAddressForTheChannelAskedIsReportedAndNothingIsDrafted() {
        List<ChangeDelivery> deliveries = change.send(camille.id(), new ChangeEverywhere.Action(MOVE,
                List.of("agence-immo-rhone"), Optional.of(Organization.Channel.EMAIL), true, Language.ENGLISH));

        assertThat(deliveries).containsExactly(new ChangeDelivery("agence-immo-rhone", ChangeStatus.NO_ADDRESS,
                Optional.empty(), Optional.of(Wording.of("error.rights.desk.noAddress", "Agence Immo Rhône",
                        Wording.of("rights.desk.channel.email")))));
        assertThat(desk.overview(camille.id())).isEmpty();
    }

    @Test
    void withoutSendingTheChangeIsDraftedEvenWhereItCouldGoByEmail() {
        List<ChangeDelivery> deliveries = change.send(camille.id(), new ChangeEverywhere.Action(MOVE,
                List.of("banque-exemple"), Optional.empty(), false, Language.ENGLISH));

        assertThat(deliveries).extracting(ChangeDelivery::status).containsExactly(ChangeStatus.DRAFTED);
        assertThat(toTheBank()).isEmpty();
    }

    /** An access request sent by e-mail from the old address, to the gas supplier. */
    private String sentAccessRequest() {
        String id = desk.draft(camille.id(), new RightsDesk.NewRequest("gaz-tokyo", Right.ACCESS, false,
                Optional.empty(), Organization.Channel.EMAIL, Language.FRENCH, Map.of())).timeline().request().id();
        desk.markSent(camille.id(), id, LocalDate.of(2026, 2, 2));
        return id;
    }

    private MimeMessage[] toTheBank() {
        return servers.greenMail.findReceivedMessages(user -> user.getEmail().equals(BANK_EMAIL), message -> true)
                .toArray(MimeMessage[]::new);
    }

    private void imported(String organization, Payload... payloads) {
        vault.imports().write(camille.id(), new ImportRequest(SourceDescriptor.file(organization, "export"), "test",
                "export.json"), IntStream.range(0, payloads.length).mapToObj(index -> RecordDraft.of(
                        TimeSpan.day(LocalDate.of(2026, 1, 10 + index), TestVaults.PARIS), payloads[index],
                        Position.line(index + 1L))));
    }

    private SourceId source(String organization) {
        return vault.imports().sources(camille.id()).stream().filter(source -> source.organization().equals(organization))
                .map(Source::id).findFirst().orElseThrow();
    }

    private static Document document(String title, String text) {
        return new Document(title, "text/plain", text.length(), "0".repeat(64), Optional.of(text));
    }

    private static Organization organization(String slug, String name, Optional<String> email,
            Optional<String> postalAddress) {
        return new Organization(slug, name, postalAddress, email, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of("fr"), List.of(), false, Optional.of("fr"), Optional.empty(), false,
                Organization.Origin.PERSON);
    }
}
