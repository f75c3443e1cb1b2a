package org.selfdata.rights;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.Document;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.Source;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.SourceKind;
import org.selfdata.model.StoredRecord;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rights desk's whole cycle, as a person lives it: an organization found in the directory, an access request sent
 * by e-mail from their own mailbox (a real SMTP server), its deadline, the answer fetched over IMAP with a CSV and a
 * PDF, the CSV become records and the PDF a document, the checklist, the formal notice and the complaint, and the
 * evidence pack checked by the Node.js verifier it carries.
 */
class RightsDeskTest {
    /** Friday 30 January 2026: a month later has no 30 February, and 28 February 2026 is a Saturday. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-30T10:00:00Z"), ZoneOffset.UTC);
    private static final String CLEARVIEW = "legal-requests@clearview.ai";
    private static final String STATEMENT = """
            Date;Libellé;Montant(EUROS)
            12/01/2026;"ABONNEMENT CLEARVIEW";-9,99
            """;

    @TempDir
    Path folder;

    private final MailServers servers = new MailServers();
    private Vault vault;
    private Person camille;
    private RightsDesk desk;

    @BeforeEach
    void openDesk() {
        vault = TestVaults.create(Engine.SQLITE, folder.resolve("vault"));
        camille = TestVaults.camille(vault);
        desk = servers.desk(vault, camille, CLOCK);
    }

    @AfterEach
    void close() {
        vault.close();
        servers.close();
    }

    @Test
    void anAccessRequestGoesFromTheDirectoryToAnEvidencePackAnAuthorityCanCheck() throws Exception {
        Organization clearview = desk.directory(camille.id()).search("clearview", Optional.empty(), 5).getFirst();
        assertThat(clearview.email()).contains(CLEARVIEW);

        RightsDesk.RequestView drafted = desk.draft(camille.id(), new RightsDesk.NewRequest(clearview.slug(), Right.ACCESS,
                false, Optional.empty(), Organization.Channel.EMAIL, Language.ENGLISH, Map.of()));
        String id = drafted.timeline().request().id();
        String reference = drafted.timeline().request().reference();
        RightsDesk.RequestView sent = desk.sendByEmail(camille.id(), id);

        MimeMessage[] received = servers.greenMail.findReceivedMessages(user -> user.getEmail().equals(CLEARVIEW),
                message -> true).toArray(MimeMessage[]::new);
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).startsWith("[" + reference + "]");
        String messageId = received[0].getMessageID();
        assertThat(sent.timeline().status()).isEqualTo(RequestStatus.SENT);
        assertThat(sent.timeline().latest().documents()).extracting(RequestEvent.Document::name)
                .containsExactly("message.eml");
        assertThat(sent.deadline()).hasValueSatisfying(deadline -> {
            assertThat(deadline.kind()).isEqualTo(DeadlineKind.ANSWER);
            assertThat(deadline.date()).isEqualTo(LocalDate.of(2026, 3, 2));
            assertThat(deadline.daysLeft()).isEqualTo(31);
            assertThat(deadline.overdue()).isFalse();
        });

        byte[] letterFromClearview = LetterPdf.render(new Letter(Language.ENGLISH, "Your access request",
                "We hold one photograph of you, collected from a public web page."), new Letterhead("Clearview AI, Inc.",
                "418 Broadway\nAlbany NY 12207\nUnited States", Optional.empty(), "Camille Martin",
                "12 rue de la République\n69002 Lyon\nFrance", Optional.empty(), LocalDate.of(2026, 1, 29)));
        servers.deliverToPerson(CLEARVIEW, "Re: your request", Optional.of(messageId),
                "Please find your data.\nPurposes: the service you subscribed to",
                List.of(new MailAttachment("statement.csv", "text/csv", STATEMENT.getBytes(StandardCharsets.UTF_8)),
                        new MailAttachment("answer.pdf", "application/pdf", letterFromClearview)));
        servers.deliverToPerson("news@shop.example", "Winter sale", Optional.empty(), "Everything must go.");

        MailAnswers answers = desk.fetchAnswers(camille.id());

        assertThat(answers.answered()).containsExactly(reference);
        assertThat(answers.unmatched()).isEqualTo(1);
        Timeline answered = desk.request(camille.id(), id).timeline();
        assertThat(answered.status()).isEqualTo(RequestStatus.ANSWERED_INCOMPLETE);
        assertThat(desk.checklist(camille.id(), id).prefilled()).containsExactlyInAnyOrder(AccessItem.PURPOSES,
                AccessItem.COPY);
        assertThat(answered.latest().documents()).extracting(RequestEvent.Document::name)
                .containsExactly("message-1.eml", "statement.csv", "answer.pdf");
        assertThat(vault.imports().sources(camille.id())).extracting(Source::descriptor)
                .containsExactly(new SourceDescriptor(SourceKind.ANSWER, "Clearview AI, Inc.", reference));
        List<StoredRecord> records = records();
        assertThat(records).extracting(StoredRecord::type)
                .containsExactlyInAnyOrder(RecordType.BANK_TRANSACTION, RecordType.DOCUMENT);
        assertThat(records).map(StoredRecord::payload).filteredOn(BankTransaction.class::isInstance)
                .hasSize(1);
        Document answer = records.stream().map(StoredRecord::payload).filter(Document.class::isInstance)
                .map(Document.class::cast).findFirst().orElseThrow();
        assertThat(answer.title()).isEqualTo("answer.pdf");
        assertThat(answer.text()).hasValueSatisfying(text -> assertThat(text).contains("one photograph of you"));

        desk.tick(camille.id(), id, Set.of(AccessItem.PURPOSES, AccessItem.CATEGORIES, AccessItem.COPY));
        assertThat(desk.missing(camille.id(), id)).containsExactlyInAnyOrder(AccessItem.RECIPIENTS,
                AccessItem.STORAGE_PERIOD, AccessItem.RIGHTS, AccessItem.COMPLAINT, AccessItem.SOURCE,
                AccessItem.AUTOMATED_DECISIONS, AccessItem.TRANSFER_SAFEGUARDS);

        Letter reminder = desk.reminder(camille.id(), id);
        assertThat(reminder.body()).contains(reference, AccessItem.STORAGE_PERIOD.label(Language.ENGLISH),
                AccessItem.RECIPIENTS.label(Language.ENGLISH)).doesNotContain(AccessItem.COPY.label(Language.ENGLISH));
        Letter complaint = desk.complaint(camille.id(), id);
        assertThat(complaint.language()).isEqualTo(Language.FRENCH);
        assertThat(complaint.body()).contains("Clearview AI, Inc.", reference, "statement.csv");

        ByteArrayOutputStream pack = new ByteArrayOutputStream();
        desk.evidence(camille.id(), id, Language.FRENCH, pack);
        NodeVerifier.Verdict verdict = NodeVerifier.verifyZip(PackFiles.read(pack.toByteArray()), folder);
        assertThat(verdict.exitCode()).as(String.join("\n", verdict.lines())).isZero();
        assertThat(verdict.lines()).noneMatch(line -> line.contains("FAILED") || line.contains("ÉCHEC"));
    }

    /** The PDF an e-mail carries is headed with the e-mail addresses where the organization has no postal one. */
    @Test
    void anOrganizationReachedOnlyByEmailIsSentTheRequest() throws Exception {
        desk.organizations().save(camille.id(), new Organization("lilas", "Mutuelle des Lilas", Optional.empty(),
                Optional.of("dpo@lilas.example"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), List.of("fr"), List.of(), false, Optional.empty(), Optional.empty(), false,
                Organization.Origin.PERSON));
        String id = desk.draft(camille.id(), new RightsDesk.NewRequest("lilas", Right.ACCESS, false, Optional.empty(),
                Organization.Channel.EMAIL, Language.FRENCH, Map.of())).timeline().request().id();

        RightsDesk.RequestView sent = desk.sendByEmail(camille.id(), id);

        assertThat(sent.timeline().status()).isEqualTo(RequestStatus.SENT);
        assertThat(servers.greenMail.findReceivedMessages(user -> user.getEmail().equals("dpo@lilas.example"),
                message -> true)).hasSize(1);
    }

    @Test
    void theReminderIsAPdfToTheOrganizationAndTheComplaintAPdfToTheCnil() throws Exception {
        String id = desk.draft(camille.id(), new RightsDesk.NewRequest("clearview-ai", Right.ACCESS, false,
                Optional.empty(), Organization.Channel.LETTER, Language.ENGLISH, Map.of())).timeline().request().id();
        desk.markSent(camille.id(), id, LocalDate.of(2025, 11, 3));

        String reminder = LetterPdfTest.text(desk.reminderPdf(camille.id(), id));
        String complaint = LetterPdfTest.text(desk.complaintPdf(camille.id(), id));

        assertThat(reminder).contains("Camille Martin", "Clearview AI, Inc.", "418 Broadway STE N")
                .doesNotContain("3 Place de Fontenoy");
        assertThat(complaint).contains("Camille Martin", "CNIL", "3 Place de Fontenoy", "75334 PARIS CEDEX 07");
    }

    /** The CNIL asks for the SIREN number of the organization complained against: the person's record gives it. */
    @Test
    void aComplaintNamesTheSirenNumberThePersonGaveTheOrganization() {
        Organization directorys = desk.directory(camille.id()).find("sncf-connect").orElseThrow();
        desk.organizations().save(camille.id(), directorys.withSiren(Optional.of("732 829 320")));
        String id = desk.draft(camille.id(), new RightsDesk.NewRequest("sncf-connect", Right.ACCESS, false,
                Optional.empty(), Organization.Channel.LETTER, Language.FRENCH, Map.of())).timeline().request().id();
        desk.markSent(camille.id(), id, LocalDate.of(2025, 11, 3));

        Letter complaint = desk.complaint(camille.id(), id);

        assertThat(complaint.body()).contains("SNCF Connect", "\u2013 Numéro SIREN\u00a0: 732829320");
    }

    @Test
    void aComplaintAboutAnOrganizationWithoutASirenNumberNamesNone() {
        String id = desk.draft(camille.id(), new RightsDesk.NewRequest("sncf-connect", Right.ACCESS, false,
                Optional.empty(), Organization.Channel.LETTER, Language.FRENCH, Map.of())).timeline().request().id();
        desk.markSent(camille.id(), id, LocalDate.of(2025, 11, 3));

        assertThat(desk.complaint(camille.id(), id).body()).contains("SNCF Connect").doesNotContain("SIREN");
    }

    @Test
    void aRemovedMailboxIsForgottenWithWhereItsLastFetchStoppedAndNothingIsFetchedFromIt() {
        desk.settings().saveFetchPoint(camille.id(), new FetchPoint(7, 41));

        assertThat(desk.settings().removeMailAccount(camille.id())).isTrue();
        assertThat(desk.settings().removeMailAccount(camille.id())).isFalse();
        assertThat(desk.settings().mailAccount(camille.id())).isEmpty();
        assertThat(desk.settings().fetchPoint(camille.id())).isEmpty();
        assertThatThrownBy(() -> desk.fetchAnswers(camille.id())).isInstanceOf(SelfdataException.class)
                .hasMessage("No mailbox is set up for the rights desk: give your mail server and account before "
                        + "sending by e-mail or fetching answers.");
    }

    private List<StoredRecord> records() {
        try (Stream<StoredRecord> records = vault.records().read(camille.id(), RecordQuery.all())) {
            return records.toList();
        }
    }
}
