package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.intake.ImportMode;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeListener;
import org.selfdata.intake.IntakeReport;
import org.selfdata.model.BatchId;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.vault.QuarantinedRecord;
import org.selfdata.vault.SealedFile;
import org.selfdata.vault.Vault;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A batch's quarantine, the owner's only: {@code GET /api/v1/batches/{batch}/rejects} lists the records a lenient
 * import could not read, with their position, the reason, and their text as the file wrote it when the importer kept
 * it; {@code POST /api/v1/batches/{batch}/rejects/{number}/import} imports one again from its text as the owner
 * corrected it, strictly, as a file of its own, and takes it out of the quarantine once it is read.
 *
 * <p>The text is personal data: it is opened from its seal for the signed-in owner of the batch only, as records are.
 */
final class QuarantineRoutes implements HttpService {
    private static final List<String> REJECT_PARAMETERS = List.of("after", "limit");

    private final Vault vault;
    private final Intake intake;
    private final JsonBodies bodies;

    /** @param text the record as the file wrote it, when the importer kept it */
    record RejectJson(long number, String position, String reason, Optional<String> text) {}

    /** @param next the {@code after} of the next page, when this one is full */
    record RejectsJson(List<RejectJson> rejects, Optional<Long> next) {}

    /** What importing a corrected record did: the one file's report, as an upload's would be. */
    record ImportedAgainJson(List<FileReportJson> files) {}

    QuarantineRoutes(Vault vault, Intake intake, JsonBodies bodies) {
        this.vault = requireNonNull(vault, "vault is null");
        this.intake = requireNonNull(intake, "intake is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/batches/{batch}/rejects", this::rejects);
        routes.post("/api/v1/batches/{batch}/rejects/{number}/import", this::importAgain);
    }

    /** The batch's quarantine, a page at a time: those numbered after {@code after}, in file order. */
    private void rejects(Context ctx) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), REJECT_PARAMETERS);
        long after = parameters.wholeNumber("after", 0, Long.MAX_VALUE, 0);
        int limit = (int) parameters.wholeNumber("limit", 1, RecordQueryParameters.MAXIMUM_LIMIT,
                RecordQueryParameters.DEFAULT_LIMIT);
        List<RejectJson> rejects = vault.imports().rejects(OwnerGuard.signedIn(ctx).person(), batchId(ctx), after, limit)
                .stream()
                .map(QuarantineRoutes::json)
                .toList();
        Optional<Long> next = rejects.size() == limit ? Optional.of(rejects.getLast().number()) : Optional.empty();
        ctx.json(new RejectsJson(rejects, next));
    }

    /**
     * Imports a rejected record again from its corrected text ({@code {"text": "..."}}), strictly: the text is read as
     * a file named after the batch's, so a CSV row is read with the preamble and header its text carries. Once a record
     * of it is read, the rejection leaves the quarantine; if the text still cannot be read, nothing changes and the
     * problem says why.
     */
    private void importAgain(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        BatchId batchId = batchId(ctx);
        long number = rejectNumber(ctx);
        ImportBatch batch = vault.imports().batch(owner, batchId).orElseThrow(QuarantineRoutes::noSuchReject);
        QuarantinedRecord reject = vault.imports().rejects(owner, batchId, number - 1, 1).stream()
                .filter(found -> found.number() == number).findFirst().orElseThrow(QuarantineRoutes::noSuchReject);
        String text = JsonFields.text(bodies.read(ctx), "text");
        if (text.isBlank() || text.length() > Rejection.MAXIMUM_TEXT_LENGTH) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.server.correctionText", Rejection.MAXIMUM_TEXT_LENGTH));
        }
        Person person = vault.people().get(owner);
        IntakeReport report = importText(person, text, correctedName(batch.fileName(), reject));
        if (report.imported().stream().allMatch(file -> file.batch().added() + file.batch().duplicates() == 0)) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.server.correctionEmpty"));
        }
        vault.imports().release(owner, batchId, number);
        String instance = ctx.path();
        Language language = Problems.language(ctx);
        ctx.json(new ImportedAgainJson(report.files().stream().map(file -> FileReportJson.of(file, instance, language))
                .toList()));
    }

    private IntakeReport importText(Person person, String text, String name) {
        try (SealedFile file = vault.inProgress().newFile()) {
            try (OutputStream out = file.write()) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return intake.importSealed(person, file, name, ImportMode.STRICT, IntakeListener.NONE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("sealing a corrected record", e);
        }
    }

    /**
     * The batch's file name, its own part only, with the rejection's position and "corrected" before its extension,
     * which importers may read: {@code releve.csv} gives {@code releve (line 3, corrected).csv}.
     */
    static String correctedName(String batchFileName, QuarantinedRecord reject) {
        String own = batchFileName.substring(batchFileName.lastIndexOf('/') + 1);
        int dot = own.lastIndexOf('.');
        String stem = dot > 0 ? own.substring(0, dot) : own;
        String extension = dot > 0 ? own.substring(dot) : "";
        String position = reject.rejection().position().value().replace('/', ' ').strip();
        return stem + " (" + position + ", corrected)" + extension;
    }

    private static RejectJson json(QuarantinedRecord reject) {
        return new RejectJson(reject.number(), reject.rejection().position().value(), reject.rejection().reason(),
                reject.rejection().text());
    }

    private static SelfdataException noSuchReject() {
        return new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.server.noReject"));
    }

    static BatchId batchId(Context ctx) {
        return BatchId.of(positive(ctx.pathParam("batch"), "error.server.noBatch"));
    }

    private static long rejectNumber(Context ctx) {
        return positive(ctx.pathParam("number"), "error.server.noReject");
    }

    private static long positive(String text, String notFoundKey) {
        try {
            long value = Long.parseLong(text);
            if (value >= 1) {
                return value;
            }
        }
        catch (NumberFormatException notANumber) {
            // Not found below: nothing has such an id.
        }
        throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of(notFoundKey));
    }
}
