package org.selfdata.rights;

import org.selfdata.importers.DocumentImporter;
import org.selfdata.intake.FileReport;
import org.selfdata.intake.ImportMode;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeListener;
import org.selfdata.intake.IntakeReport;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.SourceKind;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.vault.SealedFile;
import org.selfdata.vault.Vault;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static java.util.Objects.requireNonNull;

/**
 * The rights desk: a person's requests to organizations from the draft to the evidence pack. It puts together what
 * the rest of this module does one part at a time: the directory, the letters, the mail, the deadlines, the requests
 * kept in the vault with each step on the log, the answers brought in through the intake, and the evidence.
 *
 * <p>Nothing here is sent or recorded twice: a letter goes out only from a draft, a step is recorded only when the
 * lifecycle allows it, and an e-mail is recorded as sent only once the person's mail server accepted it.
 */
public final class RightsDesk {
    private static final List<Organization.Channel> CHANNEL_PREFERENCE = List.of(Organization.Channel.EMAIL,
            Organization.Channel.LETTER, Organization.Channel.WEB_FORM, Organization.Channel.FAX);

    private final Vault vault;
    private final Intake intake;
    private final Clock clock;
    private final Requests requests;
    private final PersonOrganizations organizations;
    private final DeskSettings settings;
    private final DeskLetters letters;
    private final CalendarTokens calendars;
    private final IdentityDocuments identityDocuments;
    private final DeadlineReminders reminders;

    public RightsDesk(Vault vault, Intake intake, Clock clock) {
        this.vault = requireNonNull(vault, "vault is null");
        this.intake = requireNonNull(intake, "intake is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.requests = new Requests(vault, clock);
        this.organizations = new PersonOrganizations(vault.rightsOrganizations(), Directory.shipped());
        this.settings = new DeskSettings(vault.rightsRequests());
        this.identityDocuments = new IdentityDocuments(vault.rightsIdentityDocuments());
        this.letters = new DeskLetters(organizations, settings, identityDocuments);
        this.calendars = new CalendarTokens(vault.people(), settings);
        this.reminders = new DeadlineReminders(this, vault.people(), clock);
    }

    /** What the person asks, with what their letter gives to identify them. */
    public record NewRequest(String organization, Right right, boolean portability, Optional<String> about,
            Organization.Channel channel, Language language, Map<String, String> identity) {
        public NewRequest {
            requireNonNull(organization, "organization is null");
            requireNonNull(right, "right is null");
            requireNonNull(about, "about is null");
            requireNonNull(channel, "channel is null");
            requireNonNull(language, "language is null");
            identity = Map.copyOf(identity);
        }
    }

    /**
     * A request as the person sees it: its steps, the deadline that applies today, if one does, and while it is a
     * draft the identity document the person chose to enclose, if they did.
     */
    public record RequestView(Timeline timeline, Optional<DeadlineStatus> deadline,
            Optional<IdentityDocument> identityDocument) {
        public RequestView {
            requireNonNull(timeline, "timeline is null");
            requireNonNull(deadline, "deadline is null");
            requireNonNull(identityDocument, "identityDocument is null");
        }
    }

    /** An answer recorded, and what its files became. */
    public record AnswerReport(Timeline timeline, IntakeReport imported) {}

    /** A document of a request's step, as the step names it, with its bytes. */
    public record OpenedDocument(RequestEvent.Document document, byte[] content) {
        public OpenedDocument {
            requireNonNull(document, "document is null");
            requireNonNull(content, "content is null");
        }
    }

    public PersonOrganizations organizations() {
        return organizations;
    }

    public DeskSettings settings() {
        return settings;
    }

    /** The private addresses of the calendar feeds of deadlines. */
    public CalendarTokens calendars() {
        return calendars;
    }

    /** The reminders of deadlines by e-mail, for those who ask for them. */
    public DeadlineReminders reminders() {
        return reminders;
    }

    /** The directory with the person's own organizations in it. */
    public Directory directory(PersonId person) {
        return organizations.directory(person);
    }

    /** Drafts a request to an organization of the directory, refusing a channel the organization cannot be reached by. */
    public RequestView draft(PersonId person, NewRequest request) {
        Organization organization = directory(person).find(request.organization())
                .orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND,
                        Wording.of("error.rights.desk.noOrganization", request.organization())));
        if (!reachable(organization, request.channel())) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.desk.noAddress",
                    organization.name(), Wording.of(channelKey(request.channel()))));
        }
        Timeline drafted = requests.open(person, new Requests.Draft(organization, request.right(), request.portability(),
                request.about(), request.channel(), request.language()));
        if (!request.identity().isEmpty()) {
            settings.saveIdentity(person, drafted.request().id(), request.identity());
        }
        return view(person, drafted);
    }

    /**
     * Drafts a request with the identity document the person chose to enclose, the document checked first, so that a
     * document refused leaves no draft behind.
     */
    public RequestView draft(PersonId person, NewRequest request, String identityDocumentName, byte[] identityDocument) {
        IdentityDocuments.check(identityDocumentName, identityDocument);
        String drafted = draft(person, request).timeline().request().id();
        return attachIdentityDocument(person, drafted, identityDocumentName, identityDocument);
    }

    /**
     * Drafts a request to an organization as given, which may not be in the directory yet nor have an address for the
     * channel: the person completes it (under the same slug) before the request goes out, and its letter then takes
     * the addresses the draft lacked from the directory.
     */
    RequestView draftTo(PersonId person, Organization organization, Right right, Optional<String> about,
            Organization.Channel channel, Language language) {
        return view(person, requests.open(person, new Requests.Draft(organization, right, false, about, channel,
                language)));
    }

    /**
     * Drafts the rectification of one detail that changed (art. 16) to an organization of the directory; its letter
     * gives the old value where the organization identifies the person by it, and the new one to replace it.
     */
    public RequestView draftRectification(PersonId person, String organization, ChangeOfDetail change,
            Organization.Channel channel, Language language) {
        RequestView drafted = draft(person, new NewRequest(organization, Right.RECTIFICATION, false, Optional.empty(),
                channel, language, Map.of()));
        settings.saveChange(person, drafted.timeline().request().id(), change);
        return drafted;
    }

    /** The person's requests, those whose deadline is nearest or passed first, then the others newest first. */
    public List<RequestView> overview(PersonId person) {
        List<RequestView> views = new ArrayList<>();
        for (Requests.Summary summary : requests.list(person)) {
            views.add(view(person, requests.timeline(person, summary.request().id())));
        }
        views.sort(RequestOrder.FOR_THE_PERSON);
        return views;
    }

    public RequestView request(PersonId person, String request) {
        return view(person, requests.timeline(person, request));
    }

    /** The request's letter as it stands: the one that was sent, or the one that would be. */
    public Letter letter(PersonId person, String request) {
        Timeline timeline = requests.timeline(person, request);
        return letters.request(person, timeline, timeline.sentOn().orElse(today(person)));
    }

    public byte[] letterPdf(PersonId person, String request) {
        Timeline timeline = requests.timeline(person, request);
        LocalDate date = timeline.sentOn().orElse(today(person));
        return LetterPdf.render(letters.request(person, timeline, date), letters.letterhead(person, timeline, date));
    }

    /**
     * Sends a drafted request by e-mail from the person's own mailbox, with the letter in the body and as a PDF, and
     * records it as sent with the exact message, once the server accepted it.
     */
    public RequestView sendByEmail(PersonId person, String request) {
        Timeline timeline = requests.timeline(person, request);
        requireDraft(timeline);
        String to = timeline.request().organization().email()
                .or(() -> directory(person).find(timeline.request().organization().slug()).flatMap(Organization::email))
                .orElseThrow(() -> new SelfdataException(
                ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.desk.noAddress", timeline.request().organization().name(),
                        Wording.of("rights.desk.channel.email"))));
        MailAccount account = settings.mailAccount(person).orElseThrow(() -> new SelfdataException(
                ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.desk.noMailbox")));
        LocalDate today = today(person);
        Letter letter = letters.request(person, timeline, today);
        byte[] pdf = LetterPdf.render(letter, letters.emailLetterhead(person, timeline, today));
        Optional<Requests.Attachment> identity = identityDocuments.attachment(person, request);
        List<MailAttachment> attachments = new ArrayList<>();
        attachments.add(new MailAttachment(pdfName(timeline), "application/pdf", pdf));
        identity.ifPresent(document -> attachments.add(new MailAttachment(document.name(), document.mediaType(),
                document.content())));
        MailSender sender = new MailSender(account, clock);
        PreparedMail prepared = sender.prepare(new OutgoingMail(to, letter.subject(), letter.body(), attachments,
                Optional.empty()));
        SendOutcome.Sent sent = sender.send(prepared);
        settings.saveSentMessage(person, request, sent.messageId());
        // The message carries the identity document, so the evidence pack withholds it as it does the document, and
        // keeps the letter it carried as a document of its own.
        List<Requests.Attachment> documents = identity.isEmpty()
                ? List.of(new Requests.Attachment("message.eml", "message/rfc822", prepared.mime()))
                : List.of(new Requests.Attachment("message.eml", "message/rfc822", prepared.mime(), true),
                        new Requests.Attachment(pdfName(timeline), "application/pdf", pdf), identity.orElseThrow());
        Timeline recorded = requests.record(person, request, new Requests.Step(RequestStatus.SENT, today,
                Optional.empty(), documents, false));
        return view(person, recorded);
    }

    /**
     * Records a drafted request as sent by the person themselves (by post, through a web form, or from a mailbox the
     * desk does not reach), with the letter as it was sent: a PDF for post and fax, its text otherwise.
     */
    public RequestView markSent(PersonId person, String request, LocalDate sentOn) {
        Timeline timeline = requests.timeline(person, request);
        requireDraft(timeline);
        Letter letter = letters.request(person, timeline, sentOn);
        boolean typed = timeline.request().channel() == Organization.Channel.WEB_FORM
                || timeline.request().channel() == Organization.Channel.EMAIL;
        Requests.Attachment document = typed
                ? new Requests.Attachment("letter.txt", "text/plain",
                        letter.webFormText().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                : new Requests.Attachment(pdfName(timeline), "application/pdf",
                        LetterPdf.render(letter, letters.letterhead(person, timeline, sentOn)));
        List<Requests.Attachment> documents = new ArrayList<>();
        documents.add(document);
        identityDocuments.attachment(person, request).ifPresent(documents::add);
        return view(person, requests.record(person, request, new Requests.Step(RequestStatus.SENT, sentOn,
                Optional.empty(), documents, false)));
    }

    /**
     * Encloses an identity document with a drafted request, in place of any before it: a PDF, JPEG or PNG of 10 MiB
     * at most, by the person's choice alone. The letter then says why it is given and asks for its deletion.
     */
    public RequestView attachIdentityDocument(PersonId person, String request, String name, byte[] content) {
        requireDraft(requests.timeline(person, request), "error.rights.identity.notDraft");
        identityDocuments.attach(person, request, name, content);
        return request(person, request);
    }

    /** Takes the identity document out of a drafted request, if it had one. */
    public RequestView removeIdentityDocument(PersonId person, String request) {
        requireDraft(requests.timeline(person, request), "error.rights.identity.notDraft");
        identityDocuments.remove(person, request);
        return request(person, request);
    }

    /** Records a step the person reports: a receipt, an extension, a refusal, a closing. */
    public RequestView record(PersonId person, String request, Requests.Step step) {
        return view(person, requests.record(person, request, step));
    }

    /**
     * Records an organization's answer with its files: every file is kept with the step, and goes through the intake
     * under the organization's name, labelled with the request, so that what an importer reads becomes records and
     * the rest documents. The files are imported first: if the intake refuses one, nothing is recorded. The checklist
     * of an access request is then pre-filled with what the answer shows.
     */
    public AnswerReport answer(PersonId person, String request, LocalDate answeredOn, boolean complete,
            List<Requests.Attachment> files) {
        return answer(person, request, answeredOn, complete, files, Optional.empty());
    }

    /** Records an answer that came as a message, whose text may name items of the checklist as its files do. */
    AnswerReport answer(PersonId person, String request, LocalDate answeredOn, boolean complete,
            List<Requests.Attachment> files, Optional<String> messageText) {
        Timeline timeline = requests.timeline(person, request);
        Person owner = vault.people().get(person);
        RequestStatus status = complete ? RequestStatus.ANSWERED_COMPLETE : RequestStatus.ANSWERED_INCOMPLETE;
        Lifecycle.requireAllowed(timeline, status, answeredOn, today(person));
        // A message is kept as the evidence it is; its files are among the others and are what the intake reads.
        List<Requests.Attachment> read = files.stream().filter(file -> !file.mediaType().equals("message/rfc822"))
                .toList();
        IntakeReport imported = importAnswer(owner, timeline, answeredOn, read);
        Timeline recorded = requests.record(person, request, new Requests.Step(status, answeredOn, Optional.empty(),
                files, false));
        if (timeline.request().right() == Right.ACCESS) {
            prefill(person, request, AnswerItems.named(read, messageText), imported);
        }
        return new AnswerReport(recorded, imported);
    }

    /** The checklist of an access answer: what the person ticked, and what the answers showed that they have not. */
    public Checklist checklist(PersonId person, String request) {
        requests.timeline(person, request);
        return settings.checklist(person, request);
    }

    /**
     * Ticks exactly the items the person found in an access answer, confirming those found in it or unticking them;
     * a reminder names the others.
     */
    public void tick(PersonId person, String request, Set<AccessItem> present) {
        settings.saveChecklist(person, request, checklist(person, request).tickedByThePerson(present));
    }

    public Set<AccessItem> missing(PersonId person, String request) {
        return settings.checklist(person, request).missing();
    }

    /** The formal notice that follows an overdue, refused or incomplete answer. */
    public Letter reminder(PersonId person, String request) {
        Timeline timeline = requests.timeline(person, request);
        return letters.reminder(person, timeline, deadlines(person), missing(person, request), today(person));
    }

    /** The reminder as a PDF for registered post, addressed to the organization. */
    public byte[] reminderPdf(PersonId person, String request) {
        Timeline timeline = requests.timeline(person, request);
        LocalDate today = today(person);
        return LetterPdf.render(letters.reminder(person, timeline, deadlines(person), missing(person, request), today),
                letters.letterhead(person, timeline, today));
    }

    /** The complaint as a PDF for registered post, addressed to the supervisory authority. */
    public byte[] complaintPdf(PersonId person, String request) {
        Timeline timeline = requests.timeline(person, request);
        LocalDate today = today(person);
        return LetterPdf.render(letters.complaint(person, timeline, deadlines(person), missing(person, request), today),
                letters.complaintLetterhead(person, today));
    }

    /**
     * A document of one of the request's steps, with its bytes. A document of another request, or of another person,
     * is not found, exactly as one that does not exist.
     */
    public Optional<OpenedDocument> document(PersonId person, String request, String document) {
        Optional<RequestEvent.Document> named = requests.timeline(person, request).events().stream()
                .flatMap(event -> event.documents().stream()).filter(each -> each.id().equals(document)).findFirst();
        return named.flatMap(found -> requests.document(person, document)
                .filter(opened -> opened.request().equals(request))
                .map(opened -> new OpenedDocument(found, opened.content())));
    }

    /** The complaint to the supervisory authority of the person's country, the CNIL for France. */
    public Letter complaint(PersonId person, String request) {
        Timeline timeline = requests.timeline(person, request);
        return letters.complaint(person, timeline, deadlines(person), missing(person, request), today(person));
    }

    /** Writes the request's evidence pack: its documents, timeline and log entries with their proofs. */
    public void evidence(PersonId person, String request, Language language, OutputStream out) {
        Timeline timeline = requests.timeline(person, request);
        new EvidencePack(vault).write(DeskEvidence.of(vault, requests, person, timeline, language), out);
    }

    /**
     * Fetches the messages that arrived in the person's mailbox since the last fetch, and records each one that answers
     * a waiting request as its receipt of an answer to be read (an incomplete answer until the person ticks its
     * checklist), its files imported; the others are left in the mailbox and counted.
     */
    public MailAnswers fetchAnswers(PersonId person) {
        MailAccount account = settings.mailAccount(person).orElseThrow(() -> new SelfdataException(
                ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.desk.noMailbox")));
        Fetched fetched = new Mailbox(account, FetchLimits.standard()).fetch(settings.fetchPoint(person));
        MailAnswers answers = new DeskMail(this, requests).file(person, fetched, today(person));
        settings.saveFetchPoint(person, fetched.next());
        return answers;
    }

    java.time.ZoneId settingsZone(PersonId person) {
        return vault.people().get(person).zone();
    }

    Deadlines deadlines(PersonId person) {
        return new Deadlines(settings.region(person));
    }

    LocalDate today(PersonId person) {
        return LocalDate.now(clock.withZone(vault.people().get(person).zone()));
    }

    /**
     * Pre-fills the checklist with what an answer names, and with the copy (art. 15(3)) when its files became records
     * or documents; what the person ticked or unticked stays as they left it.
     */
    private void prefill(PersonId person, String request, Set<AccessItem> named, IntakeReport imported) {
        Set<AccessItem> found = EnumSet.noneOf(AccessItem.class);
        found.addAll(named);
        if (imported.files().stream().anyMatch(RightsDesk::broughtRecords)) {
            found.add(AccessItem.COPY);
        }
        settings.saveChecklist(person, request, settings.checklist(person, request).found(found));
    }

    private static boolean broughtRecords(FileReport file) {
        return switch (file) {
            case FileReport.Imported imported -> imported.batch().added() + imported.batch().duplicates() > 0;
            case FileReport.Unwritten _, FileReport.NotRecognized _, FileReport.Failed _ -> false;
        };
    }

    private IntakeReport importAnswer(Person owner, Timeline timeline, LocalDate answeredOn, List<Requests.Attachment> files) {
        Intake answering = intake.forAnswer(new SourceDescriptor(SourceKind.ANSWER,
                timeline.request().organization().name(), timeline.request().reference()),
                new DocumentImporter(TimeSpan.day(answeredOn, owner.zone()), DocumentTexts::extract));
        // The files travel to the intake as one zip sealed in the vault's in-progress folder, never as plain files: a
        // process killed here leaves only sealed bytes, which the vault clears at its next start.
        try (SealedFile sealed = vault.inProgress().newFile()) {
            try (OutputStream out = sealed.write(); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (int index = 0; index < files.size(); index++) {
                    Requests.Attachment file = files.get(index);
                    zip.putNextEntry(new ZipEntry(index + "/" + safeName(file.name())));
                    zip.write(file.content());
                    zip.closeEntry();
                }
            }
            return answering.importSealed(owner, sealed, timeline.request().reference() + ".zip", ImportMode.LENIENT,
                    IntakeListener.NONE);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RequestView view(PersonId person, Timeline timeline) {
        Optional<IdentityDocument> identityDocument = timeline.status() == RequestStatus.DRAFT
                ? identityDocuments.find(person, timeline.request().id()) : Optional.empty();
        return new RequestView(timeline, DeskDeadlines.status(deadlines(person), timeline, today(person)),
                identityDocument);
    }

    private static void requireDraft(Timeline timeline) {
        requireDraft(timeline, "error.rights.desk.alreadySent");
    }

    private static void requireDraft(Timeline timeline, String key) {
        if (timeline.status() != RequestStatus.DRAFT) {
            throw new SelfdataException(ErrorCode.CONFLICT, Wording.of(key, timeline.request().reference()));
        }
    }

    /** The channels an organization can be reached by, by its addresses: e-mail first, then letter, web form, fax. */
    static List<Organization.Channel> channels(Organization organization) {
        return CHANNEL_PREFERENCE.stream().filter(channel -> reachable(organization, channel)).toList();
    }

    /** The channel the organization's record suggests when it can be reached by it, else the first it can. */
    static Optional<Organization.Channel> preferredChannel(Organization organization) {
        return organization.suggestedChannel().filter(suggested -> reachable(organization, suggested))
                .or(() -> channels(organization).stream().findFirst());
    }

    static boolean reachable(Organization organization, Organization.Channel channel) {
        return switch (channel) {
            case EMAIL -> organization.email().isPresent();
            case LETTER -> organization.postalAddress().isPresent();
            case FAX -> organization.fax().isPresent();
            case WEB_FORM -> organization.webForm().isPresent();
        };
    }

    static String channelKey(Organization.Channel channel) {
        return switch (channel) {
            case EMAIL -> "rights.desk.channel.email";
            case LETTER -> "rights.desk.channel.letter";
            case FAX -> "rights.desk.channel.fax";
            case WEB_FORM -> "rights.desk.channel.web-form";
        };
    }

    private static String pdfName(Timeline timeline) {
        return timeline.request().reference() + ".pdf";
    }

    /** A file name as the intake will show it: its last part, without anything a path could make of it. */
    private static String safeName(String name) {
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        String safe = last.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "file" + safe : safe;
    }
}
