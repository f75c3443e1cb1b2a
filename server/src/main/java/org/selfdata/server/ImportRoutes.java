package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.importers.CsvMapping;
import org.selfdata.importers.CsvMappingGuess;
import org.selfdata.importers.SavedCsvMappings;
import org.selfdata.importers.Sniff;
import org.selfdata.intake.ImportMode;
import org.selfdata.intake.Intake;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.vault.CsvMappings;
import org.selfdata.vault.People;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import static java.util.Objects.requireNonNull;

/**
 * Uploads: {@code POST /api/v1/imports} takes a file or a zip archive, and the import runs as a job that
 * {@code GET /api/v1/imports/{job}} reports and {@code /events} streams, through the same intake as the command line.
 *
 * <p>The upload is answered once it is in, before the import ends: a year of location history takes longer to import
 * than a browser should wait on one request. Logs name the route and the error's code, never the file or its name.
 */
final class ImportRoutes implements HttpService {
    static final String PATH = "/api/v1/imports";

    private static final Logger LOG = LoggerFactory.getLogger(ImportRoutes.class);
    private static final List<String> UPLOAD_PARAMETERS = List.of("name", "lenient");
    private static final Duration EVENT_INTERVAL = Duration.ofMillis(250);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final People people;
    private final Intake intake;
    private final CsvMappings mappings;
    private final ImportJobs jobs;
    private final Uploads uploads;
    private final ExecutorService imports;

    ImportRoutes(People people, Intake intake, CsvMappings mappings, ImportJobs jobs, Uploads uploads,
            ExecutorService imports) {
        this.people = requireNonNull(people, "people is null");
        this.intake = requireNonNull(intake, "intake is null");
        this.mappings = requireNonNull(mappings, "mappings is null");
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.uploads = requireNonNull(uploads, "uploads is null");
        this.imports = requireNonNull(imports, "imports is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.post(PATH, this::upload);
        routes.get(PATH, this::list);
        routes.get(PATH + "/{job}", this::job);
        routes.get(PATH + "/{job}/events", this::events);
    }

    private void upload(Context ctx) {
        SignedIn owner = OwnerGuard.signedIn(ctx);
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), UPLOAD_PARAMETERS);
        ImportMode mode = parameters.flag("lenient") ? ImportMode.LENIENT : ImportMode.STRICT;
        Optional<String> name = parameters.single("name");
        Person person = people.get(owner.person());
        ImportJob job = jobs.start(owner.person(), mode, Problems.language(ctx));
        Uploads.Upload upload;
        try {
            upload = uploads.receive(body(ctx), Optional.ofNullable(ctx.contentType()), ctx.req().getContentLengthLong(), name,
                    job::received);
            job.importing(upload.name());
        }
        catch (RuntimeException e) {
            jobs.forget(job);
            throw e;
        }
        try {
            imports.execute(() -> run(job, person, upload));
        }
        catch (RejectedExecutionException stopping) {
            uploads.delete(upload);
            jobs.forget(job);
            throw new SelfdataException(ErrorCode.STORAGE_UNAVAILABLE, Wording.of("error.server.stopping"), stopping);
        }
        ctx.status(202).header("Location", job.location()).json(job.json());
    }

    /** The upload is deleted before the job says it is over, so that nothing of it is left once a client sees the end. */
    private void run(ImportJob job, Person person, Uploads.Upload upload) {
        try {
            try {
                intakeOf(person).importSealed(person, upload.file(), upload.name(), job.mode(), job);
            }
            catch (SelfdataException e) {
                if (e.code() == ErrorCode.UNSUPPORTED_FORMAT && suggestsMapping(upload)) {
                    job.mappable();
                }
                throw e;
            }
            finally {
                uploads.delete(upload);
            }
            job.finished();
        }
        catch (SelfdataException e) {
            if (Problems.kind(e.code()).status() >= 500) {
                // The root cause only: the messages wrapped around it name the file.
                LOG.error("{} while importing an upload", e.code(), rootCause(e));
            }
            job.failed(e);
        }
        catch (RuntimeException | Error e) {
            LOG.error("unexpected failure while importing an upload", e);
            job.failed(new SelfdataException(ErrorCode.INTERNAL, "an unexpected failure while importing", e));
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    /**
     * The intake with the column mappings the person saved in the import page: a CSV file of a layout they mapped
     * once is read with its mapping. A mapping that no longer reads as one is left out, as if it had not been saved.
     */
    private Intake intakeOf(Person person) {
        Map<String, CsvMapping> saved = new LinkedHashMap<>();
        mappings.all(person.id()).forEach((fingerprint, text) -> {
            try {
                saved.put(fingerprint, CsvMapping.parse(text));
            }
            catch (SelfdataException e) {
                LOG.warn("a saved CSV mapping does not read as one: {}", e.code());
            }
        });
        return saved.isEmpty() ? intake : intake.with(new SavedCsvMappings(saved));
    }

    /** Whether the first rows of an upload no importer recognized suggest a column mapping. */
    private static boolean suggestsMapping(Uploads.Upload upload) {
        try (InputStream in = upload.file().read()) {
            return CsvMappingGuess.of(in.readNBytes(Sniff.HEAD_SIZE)).isPresent();
        }
        catch (IOException e) {
            return false;
        }
    }

    private void list(Context ctx) {
        List<ImportJob.Json> found = jobs.of(OwnerGuard.signedIn(ctx).person()).stream().map(ImportJob::json).toList();
        ctx.json(new JobsJson(found));
    }

    /** The person's recent imports, the latest first. */
    record JobsJson(List<ImportJob.Json> imports) {}

    private void job(Context ctx) {
        ctx.json(job(ctx, ctx.pathParam("job")).json());
    }

    /**
     * Server-sent events: the job as {@code GET /api/v1/imports/{job}} shows it, once at once and again at each change
     * (at most four times a second), until it is over; then the stream ends.
     */
    private void events(Context ctx) throws InterruptedException {
        ImportJob job = job(ctx, ctx.pathParam("job"));
        ctx.status(200);
        ctx.res().setContentType("text/event-stream");
        ctx.res().setCharacterEncoding("UTF-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        try {
            OutputStream out = ctx.res().getOutputStream();
            long seen = job.awaitChange(-1, Duration.ZERO);
            ImportJob.Json sent = send(out, job.json());
            while (!isOver(sent)) {
                Thread.sleep(EVENT_INTERVAL);
                long now = job.awaitChange(seen, KEEP_ALIVE);
                if (now == seen && !job.state().isOver()) {
                    out.write(": still importing\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    continue;
                }
                seen = now;
                sent = send(out, job.json());
            }
        }
        catch (IOException clientLeft) {
            // The page closed the stream; the job goes on, and can be polled or streamed again.
        }
    }

    private static boolean isOver(ImportJob.Json json) {
        return json.state().equals(ImportJob.State.DONE.id()) || json.state().equals(ImportJob.State.FAILED.id());
    }

    private static ImportJob.Json send(OutputStream out, ImportJob.Json json) throws IOException {
        out.write(("event: progress\ndata: " + ApiJson.mapper().writeValueAsString(json) + "\n\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
        return json;
    }

    private ImportJob job(Context ctx, String id) {
        return jobs.find(OwnerGuard.signedIn(ctx).person(), id).orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND,
                Wording.of("error.server.noImport", ImportJobs.KEPT_PER_PERSON)));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static InputStream body(Context ctx) {
        try {
            return ctx.req().getInputStream();
        }
        catch (IOException e) {
            throw new UncheckedIOException("reading an upload", e);
        }
    }
}
