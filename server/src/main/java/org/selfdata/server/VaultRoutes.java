package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordType;
import org.selfdata.model.Source;
import org.selfdata.model.SourceId;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Language;
import org.selfdata.texts.SourceNames;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultStatus;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the owner's vault holds, without opening a payload: {@code /api/v1/status}, {@code /sources}, {@code /batches}.
 * Counts, times and the labels the person gave their sources; file names are opened from the batch's seal. A batch's
 * quarantine is {@link QuarantineRoutes}'.
 */
final class VaultRoutes implements HttpService {
    private final Vault vault;

    /** A source; its names are said in the request's language, beside the stored organization and label. */
    record SourceJson(long id, String kind, String organization, String label, String organizationName, String labelName,
            Instant createdAt) {}

    record SourceTotalsJson(long id, String kind, String organization, String label, String organizationName,
            String labelName, Instant createdAt, long records,
            Optional<Instant> firstStart, Optional<Instant> lastEnd) {}

    /** A type's count and the time its records span: none when none of them has a time (contacts without a date). */
    record TypeTotalsJson(String type, long records, Optional<Instant> firstStart, Optional<Instant> lastEnd) {}

    record StatusJson(SessionRoutes.PersonJson person, List<SourceTotalsJson> sources, List<TypeTotalsJson> types, long batches,
            long records) {}

    record SourcesJson(List<SourceJson> sources) {}

    record BatchJson(long id, long source, String format, String fileName, Instant startedAt, Instant finishedAt, long added,
            long duplicates, long rejected) {}

    record BatchesJson(List<BatchJson> batches) {}

    VaultRoutes(Vault vault) {
        this.vault = requireNonNull(vault, "vault is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/status", this::status);
        routes.get("/api/v1/sources", this::sources);
        routes.get("/api/v1/batches", this::batches);
    }

    private void status(Context ctx) {
        VaultStatus status = vault.status(OwnerGuard.signedIn(ctx).person());
        Language language = Problems.language(ctx);
        Person person = status.person();
        Map<SourceId, VaultStatus.Totals> bySource = status.bySource();
        List<SourceTotalsJson> sources = status.sources().stream().map(source -> {
            Optional<VaultStatus.Totals> totals = Optional.ofNullable(bySource.get(source.id()));
            return new SourceTotalsJson(source.id().value(), kind(source), source.organization(), source.label(),
                    SourceNames.say(language, source.organization()), SourceNames.say(language, source.label()),
                    source.createdAt(), totals.map(VaultStatus.Totals::records).orElse(0L),
                    totals.flatMap(VaultStatus.Totals::span).map(TimeSpan::start),
                    totals.flatMap(VaultStatus.Totals::span).map(TimeSpan::end));
        }).toList();
        List<TypeTotalsJson> types = status.byType().entrySet().stream()
                .map(entry -> typeTotals(entry.getKey(), entry.getValue()))
                .toList();
        ctx.json(new StatusJson(new SessionRoutes.PersonJson(person.handle(), person.zone().getId()), sources, types,
                status.batches(), status.records()));
    }

    private void sources(Context ctx) {
        Language language = Problems.language(ctx);
        List<SourceJson> sources = vault.imports().sources(OwnerGuard.signedIn(ctx).person()).stream()
                .map(source -> new SourceJson(source.id().value(), kind(source), source.organization(), source.label(),
                        SourceNames.say(language, source.organization()), SourceNames.say(language, source.label()),
                        source.createdAt()))
                .toList();
        ctx.json(new SourcesJson(sources));
    }

    /** Every import, oldest first; {@code latest=N} keeps the newest N, so that a page fetches only what it lists. */
    private void batches(Context ctx) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), List.of("latest"));
        PersonId person = OwnerGuard.signedIn(ctx).person();
        List<ImportBatch> found = parameters.single("latest").isEmpty() ? vault.imports().batches(person)
                : vault.imports().latestBatches(person, (int) parameters.wholeNumber("latest", 1, Integer.MAX_VALUE, 1));
        ctx.json(new BatchesJson(found.stream().map(VaultRoutes::batch).toList()));
    }

    private static TypeTotalsJson typeTotals(RecordType type, VaultStatus.Totals totals) {
        return new TypeTotalsJson(type.id(), totals.records(), totals.span().map(TimeSpan::start),
                totals.span().map(TimeSpan::end));
    }

    private static BatchJson batch(ImportBatch batch) {
        return new BatchJson(batch.id().value(), batch.source().value(), batch.format(), batch.fileName(), batch.startedAt(),
                batch.finishedAt(), batch.added(), batch.duplicates(), batch.rejected());
    }

    private static String kind(Source source) {
        return source.kind().name().toLowerCase(Locale.ROOT);
    }
}
