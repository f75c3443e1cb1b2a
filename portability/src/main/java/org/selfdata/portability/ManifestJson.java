package org.selfdata.portability;

import org.selfdata.model.Person;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
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
            throw InvalidArchive.foreign(ArchiveFormat.MANIFEST + " is not valid JSON");
        }
        if (root == null || !root.isObject() || !ArchiveFormat.NAME.equals(root.path("format").stringValue(null))) {
            throw InvalidArchive.foreign(ArchiveFormat.MANIFEST + " does not name the format " + ArchiveFormat.NAME);
        }
        if (!root.path("version").isIntegralNumber() || root.path("version").asLong() != ArchiveFormat.VERSION) {
            throw InvalidArchive.foreign("it is not version " + ArchiveFormat.VERSION + " of the " + ArchiveFormat.NAME
                    + " format, the one this selfdata reads");
        }
        List<Part> parts = parts(root.path("parts"));
        Manifest manifest = new Manifest(instant(root.path("exportedAt")), handle(root.path("person").path("handle")),
                zone(root.path("person").path("zone")), types(root.path("types")), parts);
        checkPartsBelong(manifest);
        return manifest;
    }

    private static List<Part> parts(JsonNode parts) {
        requireArray(parts, "parts");
        List<Part> read = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode part : parts) {
            String name = text(part.path("name"), "a part's name");
            if (!names.add(name)) {
                throw invalid("lists the part " + InvalidArchive.quotable(name) + " twice");
            }
            JsonNode size = part.path("size");
            if (!size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0) {
                throw invalid("gives no size in bytes for the part " + InvalidArchive.quotable(name));
            }
            String sha256 = text(part.path("sha256"), "the SHA-256 of the part " + InvalidArchive.quotable(name));
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw invalid("gives a SHA-256 for the part " + InvalidArchive.quotable(name)
                        + " that is not 64 lower-case hexadecimal digits");
            }
            read.add(new Part(name, size.asLong(), sha256));
        }
        return read;
    }

    private static List<Manifest.TypeContents> types(JsonNode types) {
        requireArray(types, "types");
        List<Manifest.TypeContents> read = new ArrayList<>();
        Set<RecordType> seen = new HashSet<>();
        for (JsonNode type : types) {
            RecordType recordType = recordType(type.path("type"));
            if (!seen.add(recordType)) {
                throw invalid("lists the record type " + recordType + " twice");
            }
            JsonNode records = type.path("records");
            if (!records.isIntegralNumber() || !records.canConvertToLong() || records.asLong() < 1) {
                throw invalid("gives no count of records for the type " + recordType);
            }
            requireArray(type.path("parts"), "parts of the type " + recordType);
            List<String> parts = new ArrayList<>();
            type.path("parts").forEach(part -> parts.add(text(part, "a part of the type " + recordType)));
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
                throw invalid("does not give the parts " + parts + " for the type " + type.type());
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
        if (listed.contains(ArchiveFormat.LOG) || listed.contains(ArchiveFormat.LOG_HEAD)) {
            // Optional too, but together: archives written before the transparency log have neither.
            expected.add(ArchiveFormat.LOG);
            expected.add(ArchiveFormat.LOG_HEAD);
        }
        for (String name : listed) {
            if (!expected.contains(name)) {
                throw invalid("lists the part " + InvalidArchive.quotable(name) + ", which belongs to no record type it lists");
            }
        }
        for (String name : expected) {
            if (!listed.contains(name)) {
                throw invalid("does not describe the part " + name + " in its list of parts");
            }
        }
    }

    private static RecordType recordType(JsonNode type) {
        String id = text(type, "a record type");
        try {
            return RecordType.fromId(id);
        }
        catch (SelfdataException e) {
            throw invalid("names a record type this selfdata does not know: " + InvalidArchive.quotable(id));
        }
    }

    private static Instant instant(JsonNode node) {
        try {
            return Instant.parse(text(node, "exportedAt"));
        }
        catch (DateTimeException e) {
            throw invalid("gives an exportedAt that is not an ISO-8601 instant");
        }
    }

    private static String handle(JsonNode node) {
        try {
            return Person.requireHandle(text(node, "the person's handle"));
        }
        catch (SelfdataException e) {
            throw invalid("gives a person's handle that selfdata does not accept");
        }
    }

    private static ZoneId zone(JsonNode node) {
        try {
            return ZoneId.of(text(node, "the person's time zone"));
        }
        catch (DateTimeException e) {
            throw invalid("gives a time zone that is not an IANA zone name");
        }
    }

    private static String text(JsonNode node, String what) {
        if (!node.isString()) {
            throw invalid("gives no " + what);
        }
        return node.stringValue();
    }

    private static void requireArray(JsonNode node, String what) {
        if (!node.isArray()) {
            throw invalid("has no list of " + what);
        }
    }

    private static SelfdataException invalid(String problem) {
        return InvalidArchive.part(ArchiveFormat.MANIFEST, problem);
    }
}
