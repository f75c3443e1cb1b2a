package org.selfdata.portability;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.vault.CsvMappings;
import org.selfdata.vault.Restoration;
import org.selfdata.vault.RightsOrganizations;
import org.selfdata.vault.RightsRequests;
import org.selfdata.vault.SavedText;
import org.selfdata.vault.Vault;
import tools.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What a person keeps besides their records and their sharing: the CSV mappings they made, and the rights desk's
 * organizations, requests with their steps and documents, and settings. Written by an export, checked whole by the
 * first pass of a restore, and written by its second pass inside the vault's transaction.
 *
 * <p>Every text is written opened, as records are, and sealed again under the new vault's key when restored; the
 * requests keep their ids, their steps their order and times, and their documents their ids and bytes, so that the
 * documents' SHA-256, which the person's transparency log holds, still match. Secrets are not written: the password of
 * the person's mailbox and the token of their calendar feed stay in the vault they were given to, and the restored
 * desk asks for them again.
 */
final class DeskParts {
    static final SavedTextLines.Fields MAPPING_FIELDS = new SavedTextLines.Fields("layout", "mapping", CsvMappings::check);
    static final SavedTextLines.Fields ORGANIZATION_FIELDS =
            new SavedTextLines.Fields("slug", "organization", RightsOrganizations::check);
    static final SavedTextLines.Fields SETTING_FIELDS =
            new SavedTextLines.Fields("name", "value", RightsRequests::checkSetting);
    /** The desk's setting that holds the person's mail account, its password among its fields. */
    private static final String MAIL_ACCOUNT = "mail";
    /** The desk's settings for the calendar feed of deadlines, whose private URL is a secret token. */
    private static final String CALENDAR = "calendar";
    /**
     * The desk's settings for reminders by e-mail, which leave from the person's mailbox: a restored vault has no
     * mailbox, so reminders left on would only fail there every day until the person set one up again.
     */
    private static final String REMINDERS = "reminders";

    /** Where a listed document belongs: its request, its step, its place among the step's documents. */
    record Place(String request, int step, int ordinal, RightsRequests.StoredDocument document) {}

    /** The desk's parts of a checked archive, but for the documents' bytes, which are read again as they are written. */
    record Checked(List<SavedText> mappings, List<SavedText> organizations, List<RightsRequests.KeptRequest> requests,
            Map<String, Place> documents, List<SavedText> settings) {
        Checked {
            mappings = List.copyOf(mappings);
            organizations = List.copyOf(organizations);
            requests = List.copyOf(requests);
            documents = Map.copyOf(documents);
            settings = List.copyOf(settings);
        }
    }

    private DeskParts() {}

    /** Whether an export carries a setting of the desk: every one but the secrets, and what needs the mailbox. */
    static boolean carried(String setting) {
        return !setting.equals(MAIL_ACCOUNT) && !setting.startsWith(CALENDAR) && !setting.startsWith(REMINDERS);
    }

    static void write(ArchiveWriter archive, Vault vault, PersonId person) throws IOException {
        writeTexts(archive, ArchiveFormat.CSV_MAPPINGS, MAPPING_FIELDS, vault.csvMappings().saved(person));
        writeTexts(archive, ArchiveFormat.RIGHTS_ORGANIZATIONS, ORGANIZATION_FIELDS,
                vault.rightsOrganizations().saved(person));
        List<RightsRequests.KeptRequest> requests = vault.rightsRequests().kept(person);
        PartOutput output = archive.begin(ArchiveFormat.RIGHTS_REQUESTS);
        try (JsonGenerator json = ArchiveJson.generator(output)) {
            requests.forEach(request -> RightsLines.write(json, request));
        }
        archive.finish(output);
        writeDocuments(archive, vault.rightsRequests(), person, requests);
        writeTexts(archive, ArchiveFormat.RIGHTS_SETTINGS, SETTING_FIELDS, vault.rightsRequests().settings(person).stream()
                .filter(setting -> carried(setting.name())).toList());
    }

    /** One document at a time: a request's documents may weigh many megabytes each. */
    private static void writeDocuments(ArchiveWriter archive, RightsRequests store, PersonId person,
            List<RightsRequests.KeptRequest> requests) throws IOException {
        PartOutput output = archive.begin(ArchiveFormat.RIGHTS_DOCUMENTS);
        try (JsonGenerator json = ArchiveJson.generator(output)) {
            for (RightsRequests.KeptRequest request : requests) {
                for (RightsRequests.StoredEvent event : request.events()) {
                    for (RightsRequests.StoredDocument document : event.documents()) {
                        RightsLines.write(json, store.document(person, document.id()).orElseThrow(() ->
                                new SelfdataException(ErrorCode.VAULT_CORRUPT,
                                        Wording.of("error.portability.documentGone", document.id()))));
                        json.flush();
                    }
                }
            }
        }
        archive.finish(output);
    }

    private static void writeTexts(ArchiveWriter archive, String name, SavedTextLines.Fields fields,
            List<SavedText> texts) throws IOException {
        PartOutput output = archive.begin(name);
        try (JsonGenerator json = ArchiveJson.generator(output)) {
            texts.forEach(text -> SavedTextLines.write(json, fields, text));
        }
        archive.finish(output);
    }

    /**
     * Checks the desk's parts, when the archive has them: each text once and as the vault keeps it, each request once
     * with its steps in order, each document listed by one step and given once, its bytes those the step lists.
     */
    static Checked check(ArchiveReader reader) {
        List<SavedText> mappings = reader.manifest().part(ArchiveFormat.CSV_MAPPINGS).isPresent()
                ? readTexts(reader, ArchiveFormat.CSV_MAPPINGS, MAPPING_FIELDS) : List.of();
        if (reader.manifest().part(ArchiveFormat.RIGHTS_REQUESTS).isEmpty()) {
            return new Checked(mappings, List.of(), List.of(), Map.of(), List.of());
        }
        List<SavedText> organizations = readTexts(reader, ArchiveFormat.RIGHTS_ORGANIZATIONS, ORGANIZATION_FIELDS);
        List<RightsRequests.KeptRequest> requests = new ArrayList<>();
        Map<String, Place> documents = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        reader.readLines(reader.part(ArchiveFormat.RIGHTS_REQUESTS), (line, number) -> {
            RightsRequests.KeptRequest request = RightsLines.request(
                    JsonLine.parse(ArchiveFormat.RIGHTS_REQUESTS, number, line));
            if (!ids.add(request.id())) {
                throw InvalidArchive.line(ArchiveFormat.RIGHTS_REQUESTS, number,
                        Wording.of("error.portability.requestTwice", request.id()));
            }
            list(request, documents, number);
            requests.add(request);
        });
        checkDocuments(reader, documents);
        List<SavedText> settings = readTexts(reader, ArchiveFormat.RIGHTS_SETTINGS, SETTING_FIELDS);
        return new Checked(mappings, organizations, requests, documents, settings);
    }

    private static void list(RightsRequests.KeptRequest request, Map<String, Place> documents, long number) {
        for (RightsRequests.StoredEvent event : request.events()) {
            for (int ordinal = 0; ordinal < event.documents().size(); ordinal++) {
                RightsRequests.StoredDocument document = event.documents().get(ordinal);
                if (documents.put(document.id(), new Place(request.id(), event.index(), ordinal, document)) != null) {
                    throw InvalidArchive.line(ArchiveFormat.RIGHTS_REQUESTS, number,
                            Wording.of("error.portability.documentListedTwice", document.id()));
                }
            }
        }
    }

    /** Each document's bytes once, in the place its step gives, with the size and SHA-256 the step lists. */
    private static void checkDocuments(ArchiveReader reader, Map<String, Place> documents) {
        Set<String> given = new HashSet<>();
        reader.readLines(reader.part(ArchiveFormat.RIGHTS_DOCUMENTS), (line, number) -> {
            JsonLine json = JsonLine.parse(ArchiveFormat.RIGHTS_DOCUMENTS, number, line);
            RightsLines.Document document = RightsLines.document(json);
            place(json, documents, document);
            if (!given.add(document.id())) {
                throw json.invalid(Wording.of("error.portability.documentTwice", document.id()));
            }
        });
        for (String listed : documents.keySet()) {
            if (!given.contains(listed)) {
                throw InvalidArchive.part(ArchiveFormat.RIGHTS_DOCUMENTS, Wording.of("error.portability.documentMissing",
                        listed, ArchiveFormat.RIGHTS_REQUESTS));
            }
        }
    }

    /** The place a step gives the document's bytes, once they are found to be those it lists. */
    private static Place place(JsonLine json, Map<String, Place> documents, RightsLines.Document document) {
        Place place = documents.get(document.id());
        if (place == null || !place.request().equals(document.request()) || place.step() != document.step()) {
            throw json.invalid(Wording.of("error.portability.documentUnlisted", document.id(),
                    ArchiveFormat.RIGHTS_REQUESTS));
        }
        json.built(() -> {
            RightsRequests.check(place.document(), document.content());
            return place;
        });
        return place;
    }

    private static List<SavedText> readTexts(ArchiveReader reader, String part, SavedTextLines.Fields fields) {
        List<SavedText> texts = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        reader.readLines(reader.part(part), (line, number) -> {
            SavedText text = SavedTextLines.read(JsonLine.parse(part, number, line), fields);
            Long earlier = lines.putIfAbsent(text.name(), number);
            if (earlier != null) {
                throw InvalidArchive.line(part, number, Wording.of("error.portability.nameTwice", fields.name(),
                        Long.toString(earlier)));
            }
            texts.add(text);
        });
        return texts;
    }

    /** The second pass, inside the vault's transaction: the documents' part is read again, its digest checked again. */
    static void restore(ArchiveReader reader, Checked desk, Restoration.Writer writer) {
        desk.mappings().forEach(writer::csvMapping);
        desk.organizations().forEach(writer::rightsOrganization);
        desk.requests().forEach(writer::rightsRequest);
        if (!desk.requests().isEmpty()) {
            reader.readLines(reader.part(ArchiveFormat.RIGHTS_DOCUMENTS), (line, number) -> {
                JsonLine json = JsonLine.parse(ArchiveFormat.RIGHTS_DOCUMENTS, number, line);
                RightsLines.Document document = RightsLines.document(json);
                Place place = place(json, desk.documents(), document);
                writer.rightsDocument(new RightsRequests.KeptDocument(place.request(), place.step(), place.ordinal(),
                        place.document(), document.content()));
            });
        }
        desk.settings().forEach(writer::rightsSetting);
    }
}
