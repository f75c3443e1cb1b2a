package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.importers.CsvMapping;
import org.selfdata.importers.CsvMappingCheck;
import org.selfdata.importers.CsvMappingGuess;
import org.selfdata.importers.CsvShape;
import org.selfdata.importers.Sniff;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.vault.CsvMappings;
import tools.jackson.databind.JsonNode;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Column mappings made in the import page for a CSV file no importer recognizes, the owner's only. The page sends the
 * file's first bytes ({@code head}, base64, at most {@link Sniff#HEAD_SIZE}), never the whole file:
 * {@code POST /api/v1/csv-mappings/guess} answers with the mapping they suggest (or the one saved for their layout)
 * and a preview of the first rows; {@code POST /api/v1/csv-mappings/check} reads the first rows with a mapping as the
 * form stands; {@code POST /api/v1/csv-mappings} saves a mapping for the layout of the file, and every upload of that
 * layout is then read with it.
 *
 * <p>The rows are the person's own data, sent back to them alone and never logged.
 */
final class CsvMappingRoutes implements HttpService {
    static final String PATH = "/api/v1/csv-mappings";
    private static final int CHECKED_ROWS = 8;

    private final CsvMappings mappings;
    private final JsonBodies bodies;

    /**
     * @param saved whether the mapping is the one saved for this layout, rather than a guess
     * @param preview the first rows, cell by cell, from the header (if any) on
     */
    record GuessJson(String fingerprint, boolean saved, String encoding, int columns, boolean header,
            List<List<String>> preview, Map<String, String> mapping) {}

    /** A row as the mapping reads it: its date, amount and label, or the problem that keeps it from being read. */
    record RowJson(String position, Optional<String> date, Optional<String> amount, Optional<String> currency,
            Optional<String> label, Optional<String> problem) {}

    record CheckJson(List<RowJson> rows) {}

    record SavedJson(String fingerprint, Map<String, String> mapping) {}

    CsvMappingRoutes(CsvMappings mappings, JsonBodies bodies) {
        this.mappings = requireNonNull(mappings, "mappings is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.post(PATH + "/guess", this::guess);
        routes.post(PATH + "/check", this::check);
        routes.post(PATH, this::save);
    }

    private void guess(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        byte[] head = head(bodies.read(ctx));
        CsvMappingGuess guess = CsvMappingGuess.of(head).orElseThrow(CsvMappingRoutes::noGuess);
        String fingerprint = guess.shape().fingerprint();
        Optional<CsvMapping> saved = mappings.find(owner, fingerprint).map(CsvMapping::parse);
        ctx.json(new GuessJson(fingerprint, saved.isPresent(), guess.encoding(), guess.shape().columns(),
                guess.shape().hasHeader(), guess.preview(), saved.orElse(guess.mapping()).keys()));
    }

    private void check(Context ctx) {
        OwnerGuard.signedIn(ctx);
        JsonNode body = bodies.read(ctx);
        byte[] head = head(body);
        CsvMapping mapping = mapping(body);
        Language language = Problems.language(ctx);
        ctx.json(new CheckJson(CsvMappingCheck.firstRows(head, mapping, CHECKED_ROWS).stream()
                .map(row -> json(row, language)).toList()));
    }

    /** Saves the mapping for the layout of the file whose first bytes are sent, once it reads one of its rows. */
    private void save(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        JsonNode body = bodies.read(ctx);
        byte[] head = head(body);
        CsvMapping mapping = mapping(body);
        String fingerprint = CsvShape.of(head).orElseThrow(CsvMappingRoutes::noGuess).fingerprint();
        boolean readsOne = CsvMappingCheck.firstRows(head, mapping, CHECKED_ROWS).stream()
                .anyMatch(CsvMappingCheck.Read.class::isInstance);
        if (!readsOne) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.csvMapping.readsNothing"));
        }
        mappings.save(owner, fingerprint, mapping.properties());
        ctx.status(201).json(new SavedJson(fingerprint, mapping.keys()));
    }

    private static RowJson json(CsvMappingCheck.Row row, Language language) {
        return switch (row) {
            case CsvMappingCheck.Read read -> new RowJson(read.position(), Optional.of(read.date().toString()),
                    Optional.of(read.amount().toPlainString()), Optional.of(read.currency()), Optional.of(read.label()),
                    Optional.empty());
            case CsvMappingCheck.Refused refused -> new RowJson(refused.rejection().position().value(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(refused.rejection().reason(language)));
        };
    }

    private static byte[] head(JsonNode body) {
        byte[] head;
        try {
            head = Base64.getDecoder().decode(JsonFields.text(body, "head"));
        }
        catch (IllegalArgumentException e) {
            throw badHead();
        }
        if (head.length == 0 || head.length > Sniff.HEAD_SIZE) {
            throw badHead();
        }
        return head;
    }

    /** The mapping's keys as a mapping file names them, each with its text; checked as a mapping file is. */
    private static CsvMapping mapping(JsonNode body) {
        JsonNode node = body.get("mapping");
        if (node == null || !node.isObject() || node.size() > 64) {
            throw notMapping();
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isString()) {
                throw notMapping();
            }
            keys.put(entry.getKey(), entry.getValue().stringValue());
        }
        CsvMapping.Builder builder = CsvMapping.builder();
        keys.forEach((key, value) -> builder.set(key, value.strip()));
        return builder.build();
    }

    private static SelfdataException badHead() {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.csvMapping.head",
                Integer.toString(Sniff.HEAD_SIZE)));
    }

    private static SelfdataException notMapping() {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.csvMapping.notMapping"));
    }

    private static SelfdataException noGuess() {
        return new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.csvMapping.noGuess"));
    }
}
