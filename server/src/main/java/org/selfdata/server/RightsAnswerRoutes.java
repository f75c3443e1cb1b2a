package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.intake.FileReport;
import org.selfdata.intake.IntakeReport;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.AccessItem;
import org.selfdata.rights.Checklist;
import org.selfdata.rights.Requests;
import org.selfdata.rights.RightsDesk;
import org.selfdata.texts.Wording;
import org.selfdata.vault.RightsRequests;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What follows a request once it is sent, the owner's only: the organization's answer uploaded with its files, which
 * become records or documents; the documents of each step read back; the checklist of art. 15, pre-filled with what
 * the answer shows and ticked by the person; and the reminder and the complaint that follow an answer overdue, refused
 * or incomplete.
 *
 * <p>A request and its documents are found among the signed-in person's own: another person's are not found,
 * exactly as those that do not exist.
 */
final class RightsAnswerRoutes implements HttpService {
    private static final String PATH = RightsRoutes.PATH + "/requests/{request}";
    /** An answer's files wait in memory until the vault seals them: four of the largest documents the vault keeps. */
    private static final long MAXIMUM_ANSWER_BYTES = 4 * RightsRequests.MAXIMUM_DOCUMENT_SIZE;

    private final RightsDesk desk;
    private final JsonBodies bodies;
    private final Uploads uploads;

    record FileJson(String name, Optional<String> importer, long records) {}

    record ImportedJson(long records, long documents, List<FileJson> files) {}

    record AnswerJson(RightsRoutes.RequestJson request, ImportedJson imported) {}

    /** @param prefilled whether the item is present because the answer showed it, the person not having confirmed it */
    record ItemJson(String item, String article, boolean present, boolean prefilled) {}

    record ChecklistJson(List<ItemJson> items, List<String> missing) {}

    RightsAnswerRoutes(RightsDesk desk, JsonBodies bodies, Uploads uploads) {
        this.desk = requireNonNull(desk, "desk is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
        this.uploads = requireNonNull(uploads, "uploads is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.post(PATH + "/answers", this::answer);
        routes.get(PATH + "/documents/{document}", this::document);
        routes.get(PATH + "/checklist", this::checklist);
        routes.put(PATH + "/checklist", this::tick);
        routes.get(PATH + "/reminder", this::reminder);
        routes.get(PATH + "/complaint", this::complaint);
    }

    /**
     * Records the organization's answer from a form: {@code answeredOn}, {@code complete} ({@code true} or
     * {@code false}, false when left out, as an unticked box is) and one or more {@code files}. The form is read whole
     * and checked before anything is imported or recorded.
     */
    private void answer(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        String request = ctx.pathParam("request");
        desk.request(owner, request);
        MultipartForm form = uploads.receiveForm(body(ctx), Optional.ofNullable(ctx.contentType()),
                ctx.req().getContentLengthLong(), MAXIMUM_ANSWER_BYTES, RightsRequests.MAXIMUM_DOCUMENT_SIZE,
                RightsRequests.MAXIMUM_DOCUMENTS);
        LocalDate answeredOn = TimeParameters.day("answeredOn", form.field("answeredOn").orElseThrow(() ->
                new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.fieldRequiredText",
                        "answeredOn"))));
        boolean complete = RightsRoutes.term(new Boolean[] {true, false}, Object::toString,
                form.field("complete").orElse("false"), "complete");
        if (form.files().isEmpty()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.formNoFile"));
        }
        RightsDesk.AnswerReport report = desk.answer(owner, request, answeredOn, complete, form.files().stream()
                .map(file -> new Requests.Attachment(file.name(), file.mediaType(), file.content())).toList());
        ctx.json(new AnswerJson(RightsRoutes.json(desk.request(owner, request), Problems.language(ctx)),
                json(report.imported())));
    }

    /** A document's bytes as an attachment, never shown in the page: its media type is what the organization said. */
    private void document(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        RightsDesk.OpenedDocument opened = desk.document(owner, ctx.pathParam("request"), ctx.pathParam("document"))
                .orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND,
                        Wording.of("error.rights.api.noDocument")));
        ctx.contentType(opened.document().mediaType())
                .header("Content-Disposition", disposition(opened.document().name()))
                .header("X-Content-Type-Options", "nosniff")
                .result(opened.content());
    }

    private void checklist(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        ctx.json(checklist(owner, ctx.pathParam("request")));
    }

    /** Replaces the items ticked with those given: {@code {"present": ["purposes", …]}}. */
    private void tick(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        String request = ctx.pathParam("request");
        desk.request(owner, request);
        JsonNode body = bodies.read(ctx);
        Set<AccessItem> present = EnumSet.noneOf(AccessItem.class);
        present.addAll(JsonFields.list(body, "present", item ->
                RightsRoutes.term(AccessItem.values(), AccessItem::term, item, "present")));
        desk.tick(owner, request, present);
        ctx.json(checklist(owner, request));
    }

    private void reminder(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        String request = ctx.pathParam("request");
        String reference = desk.request(owner, request).timeline().request().reference();
        RightsLetterResponses.answer(ctx, () -> desk.reminder(owner, request), () -> desk.reminderPdf(owner, request),
                reference + "-reminder.pdf");
    }

    private void complaint(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        String request = ctx.pathParam("request");
        String reference = desk.request(owner, request).timeline().request().reference();
        RightsLetterResponses.answer(ctx, () -> desk.complaint(owner, request), () -> desk.complaintPdf(owner, request),
                reference + "-complaint.pdf");
    }

    private ChecklistJson checklist(PersonId owner, String request) {
        Checklist checklist = desk.checklist(owner, request);
        return new ChecklistJson(EnumSet.allOf(AccessItem.class).stream()
                .map(item -> new ItemJson(item.term(), item.provision(), checklist.present().contains(item),
                        checklist.prefilled().contains(item))).toList(),
                checklist.missing().stream().map(AccessItem::term).toList());
    }

    /** What the answer's files became: an importer's records, or a document for a file no importer reads. */
    private static ImportedJson json(IntakeReport report) {
        List<FileJson> files = report.files().stream().map(RightsAnswerRoutes::json).toList();
        long documents = files.stream().filter(file -> file.importer().filter("document"::equals).isPresent()).count();
        long records = files.stream().filter(file -> file.importer().filter("document"::equals).isEmpty())
                .mapToLong(FileJson::records).sum();
        return new ImportedJson(records, documents, files);
    }

    private static FileJson json(FileReport file) {
        String name = file.file().substring(file.file().lastIndexOf('/') + 1);
        return switch (file) {
            case FileReport.Imported imported -> new FileJson(name, Optional.of(imported.format()),
                    imported.batch().added());
            case FileReport.Unwritten unwritten -> new FileJson(name, Optional.of(unwritten.format()), 0);
            case FileReport.NotRecognized _ -> new FileJson(name, Optional.empty(), 0);
            case FileReport.Failed _ -> new FileJson(name, Optional.empty(), 0);
        };
    }

    /**
     * An attachment under the document's name: plain ASCII in {@code filename}, every other character replaced, and
     * the name itself in {@code filename*} (RFC 6266), so that no quote, line break or path of it reaches a header.
     */
    static String disposition(String name) {
        String last = Uploads.sanitized(name);
        String plain = last.replaceAll("[^A-Za-z0-9._ -]", "_");
        return "attachment; filename=\"" + plain + "\"; filename*=UTF-8''"
                + URLEncoder.encode(last, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static InputStream body(Context ctx) {
        try {
            return ctx.req().getInputStream();
        }
        catch (IOException e) {
            throw new UncheckedIOException("reading an answer's form", e);
        }
    }
}
