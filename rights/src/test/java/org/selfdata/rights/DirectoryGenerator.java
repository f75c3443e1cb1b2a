package org.selfdata.rights;

import org.selfdata.rights.Organization.Origin;
import org.selfdata.rights.Organization.RequiredElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Makes the directory shipped with selfdata from the Datenanfragen.de company database (CC0): every organization that
 * serves France or every country, or has a French address, and every supervisory authority, one JSON line each, by
 * slug. {@code ShippedDirectoryTest} runs it again over {@code ../shared/directory} and compares; to refresh the
 * resource after a new copy of the database, run {@code main} with the database's folder and the resource's path.
 */
public final class DirectoryGenerator {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private DirectoryGenerator() {}

    /** Writes the directory from {@code args[0]}, the database's folder, to {@code args[1]}, the gzipped resource. */
    public static void main(String[] args) throws IOException {
        List<String> lines = lines(Path.of(args[0]));
        try (OutputStream compressed = new GZIPOutputStream(Files.newOutputStream(Path.of(args[1])))) {
            compressed.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The directory's lines, from the database's folder (the one holding companies/ and supervisory-authorities/). */
    static List<String> lines(Path database) {
        List<Organization> organizations = new ArrayList<>();
        for (JsonNode company : records(database.resolve("companies"))) {
            if (servesFrance(company)) {
                organizations.add(organization(company, false));
            }
        }
        for (JsonNode authority : records(database.resolve("supervisory-authorities"))) {
            organizations.add(organization(authority, true));
        }
        return organizations.stream().sorted(Comparator.comparing(Organization::slug))
                .map(OrganizationJson::write).toList();
    }

    private static boolean servesFrance(JsonNode company) {
        List<String> countries = texts(company, "relevant-countries");
        List<String> address = text(company, "address").map(lines -> lines.lines().toList()).orElse(List.of());
        return countries.contains("fr") || countries.contains("all")
                || !address.isEmpty() && address.getLast().strip().toLowerCase(Locale.ROOT).equals("france");
    }

    private static Organization organization(JsonNode record, boolean authority) {
        Optional<String> language = text(record, authority ? "complaint-language" : "request-language");
        return new Organization(text(record, "slug").orElseThrow(), text(record, "name").orElseThrow(),
                text(record, "address"), text(record, "email"), text(record, "phone"), text(record, "fax"),
                text(record, "web"), text(record, "webform"), texts(record, "categories"),
                texts(record, "relevant-countries"), requiredElements(record),
                record.path("needs-id-document").asBoolean(false), language,
                text(record, "suggested-transport-medium").map(OrganizationJson::channel), authority,
                Origin.DIRECTORY, texts(record, "runs"));
    }

    private static List<RequiredElement> requiredElements(JsonNode record) {
        List<RequiredElement> elements = new ArrayList<>();
        record.path("required-elements").forEach(element -> elements.add(new RequiredElement(
                element.path("desc").asString(), element.path("type").asString(),
                element.path("optional").asBoolean(false))));
        return elements;
    }

    private static Optional<String> text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? Optional.empty()
                : Optional.of(value.asString());
    }

    private static List<String> texts(JsonNode record, String field) {
        List<String> values = new ArrayList<>();
        record.path(field).forEach(value -> values.add(value.asString()));
        return values;
    }

    private static List<JsonNode> records(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<JsonNode> records = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                records.add(MAPPER.readTree(Files.readString(file)));
            }
            return records;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
