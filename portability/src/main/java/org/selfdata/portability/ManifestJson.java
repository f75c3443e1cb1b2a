package org.selfdata.portability;

import org.selfdata.model.Person;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

import java.io.OutputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code manifest.json}: written for people and programs that do not have selfdata (indented, with each type's JSON
 * Schema), and read back strictly, since every check of a restore starts from it.
 */
final class ManifestJson {
    private ManifestJson() {}

    static void write(Manifest manifest, OutputStream output) {
        try (JsonGenerator json = ArchiveJson.MAPPER.writerWithDefaultPrettyPrinter().createGenerator(output)) {
            json.writeStartObject();
            json.writeStringProperty("format", ArchiveFormat.NAME);
            json.writeNumberProperty("version", ArchiveFormat.VERSION);
            json.writeStringProperty("exportedAt", manifest.exportedAt().toString());
            json.writeName("person");
            json.writeStartObject();
            json.writeStringProperty("handle", manifest.handle());
            json.writeStringProperty("zone", manifest.zone().getId());
            json.writeEndObject();
            json.writeName("types");
            json.writeStartArray();
            for (Manifest.TypeContents type : manifest.types()) {
                writeType(json, type);
            }
            json.writeEndArray();
            json.writeName("parts");
            json.writeStartArray();
            for (Part part : manifest.parts()) {
                json.writeStartObject();
                json.writeStringProperty("name", part.name());
                json.writeNumberProperty("size", part.size());
                json.writeStringProperty("sha256", part.sha256());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static void writeType(JsonGenerator json, Manifest.TypeContents type) {
        json.writeStartObject();
        json.writeStringProperty("type", type.type().id());
        json.writeNumberProperty("records", type.records());
        json.writeName("parts");
        json.writeStartArray();
        type.parts().forEach(json::writeString);
        json.writeEndArray();
        json.writeName("schema");
        json.writeTree(RecordSchemas.of(type.type()));
        json.writeEndObject();
    }

    /** Reads a manifest and checks that it describes a whole archive: format, version, person, types and parts. */
    static Manifest read(byte[] bytes) {
        JsonNode root;
        try {
            root = ArchiveJson.MAPPER.readTree(bytes);
        }
        catch (JacksonException e) {
            throw InvalidArchive.foreign(Wording.of("error.portability.manifestNotJson", ArchiveFormat.MANIFEST));
        }
        if (root == null || !root.isObject() || !ArchiveFormat.NAME.equals(root.path("format").stringValue(null))) {
            throw InvalidArchive.foreign(Wording.of("error.portability.manifestFormat", ArchiveFormat.MANIFEST,
                    ArchiveFormat.NAME));
        }
        if (!root.path("version").isIntegralNumber() || root.path("version").asLong() != ArchiveFormat.VERSION) {
            throw InvalidArchive.foreign(Wording.of("error.portability.formatVersion", String.valueOf(ArchiveFormat.VERSION),
                    ArchiveFormat.NAME));
        }
        List<Part> parts = parts(root.path("parts"));
        Manifest manifest = new Manifest(instant(root.path("exportedAt")), handle(root.path("person").path("handle")),
                zone(root.path("person").path("zone")), types(root.path("types")), parts);
        checkPartsBelong(manifest);
        return manifest;
    }

    private static List<Part> parts(JsonNode parts) {
        requireArray(parts, Wording.of("error.portability.what.parts"));
        List<Part> read = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode part : parts) {
            String name = text(part.path("name"), Wording.of("error.portability.what.partName"));
            if (!names.add(name)) {
                throw invalid(Wording.of("error.portability.partTwice", InvalidArchive.quotable(name)));
            }
            JsonNode size = part.path("size");
            if (!size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0) {
                throw invalid(Wording.of("error.portability.partNoSize", InvalidArchive.quotable(name)));
            }
            String sha256 = text(part.path("sha256"),
                    Wording.of("error.portability.what.partDigest", InvalidArchive.quotable(name)));
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw invalid(Wording.of("error.portability.partDigestShape", InvalidArchive.quotable(name)));
            }
            read.add(new Part(name, size.asLong(), sha256));
        }
        return read;
    }

    private static List<Manifest.TypeContents> types(JsonNode types) {
        requireArray(types, Wording.of("error.portability.what.types"));
        List<Manifest.TypeContents> read = new ArrayList<>();
        Set<RecordType> seen = new HashSet<>();
        for (JsonNode type : types) {
            RecordType recordType = recordType(type.path("type"));
            if (!seen.add(recordType)) {
                throw invalid(Wording.of("error.portability.typeTwice", recordType.id()));
            }
            JsonNode records = type.path("records");
            if (!records.isIntegralNumber() || !records.canConvertToLong() || records.asLong() < 1) {
                throw invalid(Wording.of("error.portability.typeNoCount", recordType.id()));
            }
            requireArray(type.path("parts"), Wording.of("error.portability.what.typeParts", recordType.id()));
            List<String> parts = new ArrayList<>();
            type.path("parts").forEach(part -> parts.add(text(part,
                    Wording.of("error.portability.what.typePart", recordType.id()))));
            read.add(new Manifest.TypeContents(recordType, records.asLong(), parts));
        }
        return read;
    }

    /**
     * Every part must be one the format knows, listed where it belongs: sources and batches, then for each type its
     * JSON Lines and, for a type with a table, its CSV. Nothing the format does not name may hide in an archive.
     */
    private static void checkPartsBelong(Manifest manifest) {
        Set<String> expected = new HashSet<>(Set.of(ArchiveFormat.SOURCES, ArchiveFormat.BATCHES));
        for (Manifest.TypeContents type : manifest.types()) {
            List<String> parts = TableColumns.of(type.type()).isPresent()
                    ? List.of(ArchiveFormat.recordsPart(type.type()), ArchiveFormat.tablePart(type.type()))
                    : List.of(ArchiveFormat.recordsPart(type.type()));
            if (!type.parts().equals(parts)) {
                throw invalid(Wording.of("error.portability.typeParts", String.valueOf(parts), String.valueOf(type.type())));
            }
            expected.addAll(parts);
        }
        Set<String> listed = new HashSet<>();
        manifest.parts().forEach(part -> listed.add(part.name()));
        if (listed.contains(ArchiveFormat.REJECTS)) {
            // Optional: archives written before quarantines existed have none.
            expected.add(ArchiveFormat.REJECTS);
        }
        if (listed.contains(ArchiveFormat.RECIPIENTS) || listed.contains(ArchiveFormat.GRANTS)
                || listed.contains(ArchiveFormat.RECEIPTS)) {
            // Optional, but together: archives written before sharing was carried have none of them.
            expected.addAll(List.of(ArchiveFormat.RECIPIENTS, ArchiveFormat.GRANTS, ArchiveFormat.RECEIPTS));
        }
        if (listed.contains(ArchiveFormat.CSV_MAPPINGS)) {
            // Optional: archives written before CSV mappings were carried have none.
            expected.add(ArchiveFormat.CSV_MAPPINGS);
        }
        if (listed.contains(ArchiveFormat.PLACE_CORRECTIONS)) {
            // Optional: archives written before corrections of places were carried have none.
            expected.add(ArchiveFormat.PLACE_CORRECTIONS);
        }
        if (listed.contains(ArchiveFormat.RECURRING_CORRECTIONS)) {
            // Optional: archives written before corrections of payments were carried have none.
            expected.add(ArchiveFormat.RECURRING_CORRECTIONS);
        }
        List<String> desk = List.of(ArchiveFormat.RIGHTS_ORGANIZATIONS, ArchiveFormat.RIGHTS_REQUESTS,
                ArchiveFormat.RIGHTS_DOCUMENTS, ArchiveFormat.RIGHTS_SETTINGS);
        if (desk.stream().anyMatch(listed::contains)) {
            // Optional, but together: archives written before the rights desk was carried have none of them.
            expected.addAll(desk);
        }
        if (listed.contains(ArchiveFormat.LOG) || listed.contains(ArchiveFormat.LOG_HEAD)) {
            // Optional too, but together: archives written before the transparency log have neither.
            expected.add(ArchiveFormat.LOG);
            expected.add(ArchiveFormat.LOG_HEAD);
        }
        for (String name : listed) {
            if (!expected.contains(name)) {
                throw invalid(Wording.of("error.portability.partOrphan", InvalidArchive.quotable(name)));
            }
        }
        for (String name : expected) {
            if (!listed.contains(name)) {
                throw invalid(Wording.of("error.portability.partNotInList", name));
            }
        }
    }

    private static RecordType recordType(JsonNode type) {
        String id = text(type, Wording.of("error.portability.what.recordType"));
        try {
            return RecordType.fromId(id);
        }
        catch (SelfdataException e) {
            throw invalid(Wording.of("error.portability.typeUnknown", InvalidArchive.quotable(id)));
        }
    }

    private static Instant instant(JsonNode node) {
        try {
            return Instant.parse(text(node, Wording.of("error.portability.what.exportedAt")));
        }
        catch (DateTimeException e) {
            throw invalid(Wording.of("error.portability.exportedAt"));
        }
    }

    private static String handle(JsonNode node) {
        try {
            return Person.requireHandle(text(node, Wording.of("error.portability.what.handle")));
        }
        catch (SelfdataException e) {
            throw invalid(Wording.of("error.portability.handle"));
        }
    }

    private static ZoneId zone(JsonNode node) {
        try {
            return ZoneId.of(text(node, Wording.of("error.portability.what.zone")));
        }
        catch (DateTimeException e) {
            throw invalid(Wording.of("error.portability.zone"));
        }
    }

    private static String text(JsonNode node, Wording what) {
        if (!node.isString()) {
            throw invalid(Wording.of("error.portability.givesNo", what));
        }
        return node.stringValue();
    }

    private static void requireArray(JsonNode node, Wording what) {
        if (!node.isArray()) {
            throw invalid(Wording.of("error.portability.noListOf", what));
        }
    }

    private static SelfdataException invalid(Wording problem) {
        return InvalidArchive.part(ArchiveFormat.MANIFEST, problem);
    }
}
