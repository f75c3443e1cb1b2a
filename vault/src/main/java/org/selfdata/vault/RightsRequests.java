package org.selfdata.vault;

import org.jooq.DSLContext;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogEntry;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.PersonId;
import org.selfdata.model.RequestStep;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;
import static org.jooq.impl.DSL.max;
import static org.selfdata.vault.VaultTables.CONTENT;
import static org.selfdata.vault.VaultTables.CREATED_AT;
import static org.selfdata.vault.VaultTables.DOCUMENT_ID;
import static org.selfdata.vault.VaultTables.EVENT_INDEX;
import static org.selfdata.vault.VaultTables.MEDIA_TYPE;
import static org.selfdata.vault.VaultTables.META_NAME;
import static org.selfdata.vault.VaultTables.ORDINAL;
import static org.selfdata.vault.VaultTables.PAYLOAD;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.RECORDED_AT;
import static org.selfdata.vault.VaultTables.REQUEST_ID;
import static org.selfdata.vault.VaultTables.RIGHTS_DOCUMENTS;
import static org.selfdata.vault.VaultTables.RIGHTS_EVENTS;
import static org.selfdata.vault.VaultTables.RIGHTS_IDENTITY_DOCUMENTS;
import static org.selfdata.vault.VaultTables.RIGHTS_REQUESTS;
import static org.selfdata.vault.VaultTables.RIGHTS_SETTINGS;
import static org.selfdata.vault.VaultTables.SAVED_AT;
import static org.selfdata.vault.VaultTables.SEALED;
import static org.selfdata.vault.VaultTables.SHA256;
import static org.selfdata.vault.VaultTables.SIZE_BYTES;
import static org.selfdata.vault.VaultTables.STATUS;

/**
 * The rights desk's requests to organizations, the steps each went through, the documents that prove each step, and
 * the desk's settings, kept sealed under the vault's key and bound to their person and ids.
 *
 * <p>The vault does not know what a request is: it keeps the desk's JSON as opaque text, the status of each step as a
 * term, and each document's bytes. What it guarantees is the evidence: a step, its documents and its entry on the
 * person's transparency log, carrying the SHA-256 the vault computed from the very bytes it keeps, land in one
 * transaction or not at all, so that no crash leaves a step without its log entry or a log entry without its step.
 * Steps are numbered from 0, the draft; a step is appended only after the one its writer read, so two writers working
 * from the same timeline cannot both move the request on.
 */
public final class RightsRequests {
    /** A scanned letter, a mailbox export or a PDF answer fits; a whole data export goes through the import path. */
    public static final long MAXIMUM_DOCUMENT_SIZE = 25L * 1024 * 1024;
    /** Documents of one step: a letter and its attachments, an answer and its files. */
    public static final int MAXIMUM_DOCUMENTS = 50;
    /** Far more than a request's or a step's details: an organization's record and a note. */
    public static final int MAXIMUM_TEXT_LENGTH = 256 * 1024;
    private static final Pattern SETTING_NAME = Pattern.compile("[a-z][a-z0-9.-]{0,63}");
    private static final Pattern MEDIA_TYPE_SHAPE =
            Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");
    private static final Pattern REQUEST_ID_SHAPE = Pattern.compile("request-[0-9a-f]{16}");
    private static final Pattern DOCUMENT_ID_SHAPE = Pattern.compile("document-[0-9a-f]{16}");
    private static final Pattern STATUS_SHAPE = Pattern.compile("[a-z][a-z-]{0,63}");
    private static final Pattern SHA256_SHAPE = Pattern.compile("[0-9a-f]{64}");
    private static final Set<LogAction> ACTIONS = Set.of(LogAction.LETTER, LogAction.ANSWER, LogAction.REQUEST);
    private static final HexFormat HEX = HexFormat.of();

    /**
     * A document to keep with a step.
     *
     * @param mediaType its media type in lower case, such as application/pdf or message/rfc822
     */
    public record NewDocument(String mediaType, byte[] content) {
        public NewDocument {
            if (mediaType == null || !MEDIA_TYPE_SHAPE.matcher(mediaType).matches()) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.store.mediaType"));
            }
            requireNonNull(content, "content is null");
            if (content.length > MAXIMUM_DOCUMENT_SIZE) {
                throw new SelfdataException(ErrorCode.TOO_LARGE, Wording.of("error.rights.store.documentTooLarge",
                        Long.toString(MAXIMUM_DOCUMENT_SIZE / (1024 * 1024))));
            }
        }
    }

    /**
     * A step to record.
     *
     * @param status the status term the request reaches
     * @param details the desk's JSON for the step, sealed as it is
     */
    public record NewEvent(String status, String details, List<NewDocument> documents) {
        public NewEvent {
            requireNonNull(status, "status is null");
            requireText(details);
            documents = List.copyOf(documents);
            if (documents.size() > MAXIMUM_DOCUMENTS) {
                throw new SelfdataException(ErrorCode.TOO_LARGE, Wording.of("error.rights.store.tooManyDocuments",
                        MAXIMUM_DOCUMENTS));
            }
        }
    }

    /** A document as kept: its id, the lower-case hexadecimal SHA-256 of its bytes, its media type and size. */
    public record StoredDocument(String id, String sha256, String mediaType, long size) {}

    /** A document opened, with its bytes. */
    public record OpenedDocument(StoredDocument document, String request, int event, byte[] content) {}

    /** A step as kept, its details opened. */
    public record StoredEvent(String request, int index, Instant recordedAt, String status, String details,
            List<StoredDocument> documents) {
        public StoredEvent {
            documents = List.copyOf(documents);
        }
    }

    /** A request as kept, its details opened, with its latest step. */
    public record StoredRequest(String id, Instant createdAt, String details, StoredEvent latest) {}

    /** A request with every step it went through, in order, and the documents of each: what an export carries. */
    public record KeptRequest(String id, Instant createdAt, String details, List<StoredEvent> events) {
        public KeptRequest {
            requireNonNull(id, "id is null");
            requireNonNull(createdAt, "createdAt is null");
            requireNonNull(details, "details is null");
            events = List.copyOf(events);
        }
    }

    /**
     * A document from an archive, to be written with the step that lists it.
     *
     * @param ordinal its place among the step's documents, from 0
     */
    public record KeptDocument(String request, int event, int ordinal, StoredDocument document, byte[] content) {
        public KeptDocument {
            requireNonNull(request, "request is null");
            requireNonNull(document, "document is null");
            requireNonNull(content, "content is null");
        }
    }

    /** A step recorded, and the entry that reports it on the person's log. */
    public record Appended(StoredEvent event, LogEntry entry) {}

    private final Database database;
    private final KeyEncryptionKey keyEncryptionKey;
    private final TransparencyLog log;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final SealedTexts settings;

    RightsRequests(Database database, KeyEncryptionKey keyEncryptionKey, TransparencyLog log, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.keyEncryptionKey = requireNonNull(keyEncryptionKey, "keyEncryptionKey is null");
        this.log = requireNonNull(log, "log is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.settings = new SealedTexts(database, keyEncryptionKey, clock, RIGHTS_SETTINGS, META_NAME, SEALED,
                AssociatedData::rightsSetting);
    }

    /**
     * Keeps a new request with its first step (the draft) and that step's log entry, in one transaction.
     *
     * @param details the desk's JSON for the request, sealed as it is
     * @param entry who acted and which of the rights desk's actions the step is; the vault adds the request's step
     */
    public Appended create(PersonId person, String details, NewEvent first, LogEntryDraft entry) {
        requireNonNull(person, "person is null");
        requireText(details);
        requireNonNull(first, "first is null");
        requireAction(entry);
        String request = newId("request-");
        byte[] sealed = keyEncryptionKey.seal(details.getBytes(StandardCharsets.UTF_8),
                AssociatedData.rightsRequest(person, request));
        Instant now = Instant.ofEpochMilli(clock.millis());
        return database.transaction(person, connection -> {
            database.dsl(connection).insertInto(RIGHTS_REQUESTS)
                    .set(PERSON_ID, person.value())
                    .set(REQUEST_ID, request)
                    .set(CREATED_AT, now.toEpochMilli())
                    .set(PAYLOAD, sealed)
                    .execute();
            return write(connection, person, request, 0, now, first, entry);
        });
    }

    /**
     * Records a step of a request with its documents and its log entry, in one transaction: the step is the one after
     * {@code after}, the index of the latest step its writer read, and is refused if another was recorded since.
     *
     * @param entry who acted and which of the rights desk's actions the step is; the vault adds the request's step
     */
    public Appended append(PersonId person, String request, int after, NewEvent event, LogEntryDraft entry) {
        requireNonNull(person, "person is null");
        requireNonNull(request, "request is null");
        requireNonNull(event, "event is null");
        requireAction(entry);
        Instant now = Instant.ofEpochMilli(clock.millis());
        return database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            Integer latest = dsl.select(max(EVENT_INDEX)).from(RIGHTS_EVENTS)
                    .where(PERSON_ID.eq(person.value()).and(REQUEST_ID.eq(request))).fetchOne(0, Integer.class);
            if (latest == null) {
                throw noRequest(request);
            }
            if (latest != after) {
                throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.rights.store.movedOn", request,
                        latest + 1, after + 1));
            }
            return write(connection, person, request, latest + 1, now, event, entry);
        });
    }

    /** The person's requests, oldest first, each with its latest step. */
    public List<StoredRequest> list(PersonId person) {
        requireNonNull(person, "person is null");
        return database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            Map<String, org.jooq.Record4<Integer, Long, String, byte[]>> latest = new HashMap<>();
            dsl.select(REQUEST_ID, EVENT_INDEX, RECORDED_AT, STATUS, PAYLOAD).from(RIGHTS_EVENTS)
                    .where(PERSON_ID.eq(person.value())).orderBy(REQUEST_ID, EVENT_INDEX)
                    .forEach(row -> latest.put(row.value1(), row.into(EVENT_INDEX, RECORDED_AT, STATUS, PAYLOAD)));
            Map<String, List<StoredDocument>> documents = new HashMap<>();
            dsl.select(REQUEST_ID, EVENT_INDEX, DOCUMENT_ID, SHA256, MEDIA_TYPE, SIZE_BYTES).from(RIGHTS_DOCUMENTS)
                    .where(PERSON_ID.eq(person.value())).orderBy(REQUEST_ID, EVENT_INDEX, ORDINAL)
                    .forEach(row -> documents.computeIfAbsent(row.value1() + "/" + row.value2(), key -> new ArrayList<>())
                            .add(new StoredDocument(row.value3(), row.value4(), row.value5(), row.value6())));
            return dsl.select(REQUEST_ID, CREATED_AT, PAYLOAD).from(RIGHTS_REQUESTS).where(PERSON_ID.eq(person.value()))
                    .orderBy(CREATED_AT, REQUEST_ID)
                    .fetch(row -> {
                        var event = latest.get(row.value1());
                        return new StoredRequest(row.value1(), Instant.ofEpochMilli(row.value2()),
                                openText(row.value3(), AssociatedData.rightsRequest(person, row.value1())),
                                openEvent(person, row.value1(), event.value1(), event.value2(), event.value3(),
                                        event.value4(), documents.getOrDefault(row.value1() + "/" + event.value1(),
                                                List.of())));
                    });
        });
    }

    /** One request with its latest step, if the person has it. */
    public Optional<StoredRequest> find(PersonId person, String request) {
        requireNonNull(request, "request is null");
        return list(person).stream().filter(stored -> stored.id().equals(request)).findFirst();
    }

    /** Every step of one request, in order, with its documents. */
    public List<StoredEvent> events(PersonId person, String request) {
        requireNonNull(person, "person is null");
        requireNonNull(request, "request is null");
        return database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            List<StoredEvent> events = new ArrayList<>();
            dsl.select(EVENT_INDEX, RECORDED_AT, STATUS, PAYLOAD).from(RIGHTS_EVENTS)
                    .where(PERSON_ID.eq(person.value()).and(REQUEST_ID.eq(request))).orderBy(EVENT_INDEX)
                    .forEach(row -> events.add(openEvent(person, request, row.value1(), row.value2(), row.value3(),
                            row.value4(), documents(dsl, person, request, row.value1()))));
            if (events.isEmpty()) {
                throw noRequest(request);
            }
            return events;
        });
    }

    /** A document with its bytes, if the person has it. */
    public Optional<OpenedDocument> document(PersonId person, String document) {
        requireNonNull(person, "person is null");
        requireNonNull(document, "document is null");
        return database.transaction(person, connection -> Optional.ofNullable(database.dsl(connection)
                .select(REQUEST_ID, EVENT_INDEX, SHA256, MEDIA_TYPE, SIZE_BYTES, CONTENT).from(RIGHTS_DOCUMENTS)
                .where(PERSON_ID.eq(person.value()).and(DOCUMENT_ID.eq(document))).fetchOne())
                .map(row -> new OpenedDocument(new StoredDocument(document, row.value3(), row.value4(), row.value5()),
                        row.value1(), row.value2(), keyEncryptionKey.open(row.value6(),
                                AssociatedData.rightsDocument(person, document, row.value1(), row.value2(), row.value3())))));
    }

    /**
     * Every request of the person, oldest first, with every step in order and the documents of each, details opened;
     * the documents' bytes are read one at a time with {@link #document}.
     */
    public List<KeptRequest> kept(PersonId person) {
        requireNonNull(person, "person is null");
        return database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            Map<String, List<StoredDocument>> documents = new HashMap<>();
            dsl.select(REQUEST_ID, EVENT_INDEX, DOCUMENT_ID, SHA256, MEDIA_TYPE, SIZE_BYTES).from(RIGHTS_DOCUMENTS)
                    .where(PERSON_ID.eq(person.value())).orderBy(REQUEST_ID, EVENT_INDEX, ORDINAL)
                    .forEach(row -> documents.computeIfAbsent(row.value1() + "/" + row.value2(), key -> new ArrayList<>())
                            .add(new StoredDocument(row.value3(), row.value4(), row.value5(), row.value6())));
            Map<String, List<StoredEvent>> events = new HashMap<>();
            dsl.select(REQUEST_ID, EVENT_INDEX, RECORDED_AT, STATUS, PAYLOAD).from(RIGHTS_EVENTS)
                    .where(PERSON_ID.eq(person.value())).orderBy(REQUEST_ID, EVENT_INDEX)
                    .forEach(row -> events.computeIfAbsent(row.value1(), key -> new ArrayList<>())
                            .add(openEvent(person, row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                                    documents.getOrDefault(row.value1() + "/" + row.value2(), List.of()))));
            return dsl.select(REQUEST_ID, CREATED_AT, PAYLOAD).from(RIGHTS_REQUESTS).where(PERSON_ID.eq(person.value()))
                    .orderBy(CREATED_AT, REQUEST_ID)
                    .fetch(row -> new KeptRequest(row.value1(), Instant.ofEpochMilli(row.value2()),
                            openText(row.value3(), AssociatedData.rightsRequest(person, row.value1())),
                            events.getOrDefault(row.value1(), List.of())));
        });
    }

    /** Every setting of the rights desk the person saved, by name, with the time it was saved. */
    public List<SavedText> settings(PersonId person) {
        requireNonNull(person, "person is null");
        return settings.saved(person);
    }

    /**
     * Refuses a request from an archive that this class would not have kept: ids of the shape it gives, steps
     * numbered from 0 without a gap, each of this request, texts, statuses, digests, media types and sizes as it
     * keeps them. Checked before a restore writes anything, and again as it writes.
     */
    public static void check(KeptRequest request) {
        requireShape(REQUEST_ID_SHAPE, request.id(), "error.rights.store.requestId");
        requireText(request.details());
        if (request.events().isEmpty()) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.rights.store.steps", request.id()));
        }
        for (int index = 0; index < request.events().size(); index++) {
            StoredEvent event = request.events().get(index);
            if (event.index() != index || !event.request().equals(request.id())) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.rights.store.steps", request.id()));
            }
            requireShape(STATUS_SHAPE, event.status(), "error.rights.store.status");
            requireText(event.details());
            if (event.documents().size() > MAXIMUM_DOCUMENTS) {
                throw new SelfdataException(ErrorCode.TOO_LARGE, Wording.of("error.rights.store.tooManyDocuments",
                        MAXIMUM_DOCUMENTS));
            }
            event.documents().forEach(RightsRequests::check);
        }
    }

    /** Refuses a setting from an archive that {@link #saveSetting} would refuse. */
    public static void checkSetting(SavedText setting) {
        requireSettingName(setting.name());
        requireText(setting.text());
    }

    /** Refuses a document's bytes that are not those its step lists: another digest or another size. */
    public static void check(StoredDocument document, byte[] content) {
        if (content.length != document.size()) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.rights.store.documentSize",
                    document.id(), content.length, document.size()));
        }
        if (!sha256(content).equals(document.sha256())) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.rights.store.documentDigest",
                    document.id()));
        }
    }

    /** Writes a request from an archive with its steps, without their documents, inside a restore's transaction. */
    void restore(DSLContext dsl, PersonId person, KeptRequest request) {
        check(request);
        dsl.insertInto(RIGHTS_REQUESTS)
                .set(PERSON_ID, person.value())
                .set(REQUEST_ID, request.id())
                .set(CREATED_AT, request.createdAt().toEpochMilli())
                .set(PAYLOAD, keyEncryptionKey.seal(request.details().getBytes(StandardCharsets.UTF_8),
                        AssociatedData.rightsRequest(person, request.id())))
                .execute();
        for (StoredEvent event : request.events()) {
            dsl.insertInto(RIGHTS_EVENTS)
                    .set(PERSON_ID, person.value())
                    .set(REQUEST_ID, request.id())
                    .set(EVENT_INDEX, event.index())
                    .set(RECORDED_AT, event.recordedAt().toEpochMilli())
                    .set(STATUS, event.status())
                    .set(PAYLOAD, keyEncryptionKey.seal(event.details().getBytes(StandardCharsets.UTF_8),
                            AssociatedData.rightsEvent(person, request.id(), event.index())))
                    .execute();
        }
    }

    /** Writes a document from an archive, after its request, inside a restore's transaction. */
    void restore(DSLContext dsl, PersonId person, KeptDocument kept) {
        StoredDocument document = kept.document();
        check(document);
        check(document, kept.content());
        dsl.insertInto(RIGHTS_DOCUMENTS)
                .set(PERSON_ID, person.value())
                .set(DOCUMENT_ID, document.id())
                .set(REQUEST_ID, kept.request())
                .set(EVENT_INDEX, kept.event())
                .set(ORDINAL, kept.ordinal())
                .set(SHA256, document.sha256())
                .set(MEDIA_TYPE, document.mediaType())
                .set(SIZE_BYTES, document.size())
                .set(CONTENT, keyEncryptionKey.seal(kept.content(), AssociatedData.rightsDocument(person, document.id(),
                        kept.request(), kept.event(), document.sha256())))
                .execute();
    }

    /** Writes a setting from an archive inside a restore's transaction. */
    void restoreSetting(DSLContext dsl, PersonId person, SavedText setting) {
        checkSetting(setting);
        settings.restore(dsl, person, setting);
    }

    /** Keeps a setting of the rights desk, in place of the one kept before, if any. */
    public void saveSetting(PersonId person, String name, String value) {
        requireNonNull(person, "person is null");
        requireSettingName(name);
        requireText(value);
        byte[] sealed = keyEncryptionKey.seal(value.getBytes(StandardCharsets.UTF_8), AssociatedData.rightsSetting(person, name));
        database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            dsl.deleteFrom(RIGHTS_SETTINGS).where(PERSON_ID.eq(person.value()).and(META_NAME.eq(name))).execute();
            return dsl.insertInto(RIGHTS_SETTINGS)
                    .set(PERSON_ID, person.value())
                    .set(META_NAME, name)
                    .set(SEALED, sealed)
                    .set(SAVED_AT, clock.millis())
                    .execute();
        });
    }

    /** A setting of the rights desk, if the person saved it. */
    public Optional<String> findSetting(PersonId person, String name) {
        requireNonNull(person, "person is null");
        requireSettingName(name);
        return database.transaction(person, connection -> Optional.ofNullable(database.dsl(connection)
                .select(SEALED).from(RIGHTS_SETTINGS)
                .where(PERSON_ID.eq(person.value()).and(META_NAME.eq(name))).fetchOne(SEALED))
                .map(sealed -> openText(sealed, AssociatedData.rightsSetting(person, name))));
    }

    /** Forgets a setting of the rights desk; whether one was kept before, as the person may want to be told. */
    public boolean removeSetting(PersonId person, String name) {
        requireNonNull(person, "person is null");
        requireSettingName(name);
        return database.transaction(person, connection -> database.dsl(connection).deleteFrom(RIGHTS_SETTINGS)
                .where(PERSON_ID.eq(person.value()).and(META_NAME.eq(name))).execute() > 0);
    }

    /**
     * Writes a step, its documents and its log entry inside the caller's transaction. A step after the draft forgets
     * the identity document kept for the draft (see {@link RightsIdentityDocuments}): the request is no longer a
     * draft, and the step that sends it carries the document among its own.
     */
    private Appended write(Connection connection, PersonId person, String request, int index, Instant now,
            NewEvent event, LogEntryDraft entry) throws SQLException {
        List<String> digests = event.documents().stream().map(document -> sha256(document.content())).toList();
        LogEntryDraft reported = entry.withRequestStep(new RequestStep(request, event.status(), digests));
        DSLContext dsl = database.dsl(connection);
        if (index > 0) {
            dsl.deleteFrom(RIGHTS_IDENTITY_DOCUMENTS)
                    .where(PERSON_ID.eq(person.value()).and(REQUEST_ID.eq(request))).execute();
        }
        dsl.insertInto(RIGHTS_EVENTS)
                .set(PERSON_ID, person.value())
                .set(REQUEST_ID, request)
                .set(EVENT_INDEX, index)
                .set(RECORDED_AT, now.toEpochMilli())
                .set(STATUS, event.status())
                .set(PAYLOAD, keyEncryptionKey.seal(event.details().getBytes(StandardCharsets.UTF_8),
                        AssociatedData.rightsEvent(person, request, index)))
                .execute();
        List<StoredDocument> documents = new ArrayList<>();
        for (int ordinal = 0; ordinal < event.documents().size(); ordinal++) {
            NewDocument document = event.documents().get(ordinal);
            StoredDocument stored = new StoredDocument(newId("document-"), digests.get(ordinal), document.mediaType(),
                    document.content().length);
            dsl.insertInto(RIGHTS_DOCUMENTS)
                    .set(PERSON_ID, person.value())
                    .set(DOCUMENT_ID, stored.id())
                    .set(REQUEST_ID, request)
                    .set(EVENT_INDEX, index)
                    .set(ORDINAL, ordinal)
                    .set(SHA256, stored.sha256())
                    .set(MEDIA_TYPE, stored.mediaType())
                    .set(SIZE_BYTES, stored.size())
                    .set(CONTENT, keyEncryptionKey.seal(document.content(),
                            AssociatedData.rightsDocument(person, stored.id(), request, index, stored.sha256())))
                    .execute();
            documents.add(stored);
        }
        LogEntry logged = log.append(connection, person, List.of(reported)).getFirst();
        return new Appended(new StoredEvent(request, index, now, event.status(), event.details(), documents), logged);
    }

    private List<StoredDocument> documents(DSLContext dsl, PersonId person, String request, int index) {
        return dsl.select(DOCUMENT_ID, SHA256, MEDIA_TYPE, SIZE_BYTES).from(RIGHTS_DOCUMENTS)
                .where(PERSON_ID.eq(person.value()).and(REQUEST_ID.eq(request)).and(EVENT_INDEX.eq(index)))
                .orderBy(ORDINAL)
                .fetch(row -> new StoredDocument(row.value1(), row.value2(), row.value3(), row.value4()));
    }

    private StoredEvent openEvent(PersonId person, String request, int index, long recordedAt, String status,
            byte[] sealed, List<StoredDocument> documents) {
        return new StoredEvent(request, index, Instant.ofEpochMilli(recordedAt), status,
                openText(sealed, AssociatedData.rightsEvent(person, request, index)), documents);
    }

    private String openText(byte[] sealed, byte[] associatedData) {
        return new String(keyEncryptionKey.open(sealed, associatedData), StandardCharsets.UTF_8);
    }

    private String newId(String prefix) {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return prefix + HEX.formatHex(bytes);
    }

    /** The lower-case hexadecimal SHA-256 of the bytes, as the log and the evidence pack write it. */
    public static String sha256(byte[] content) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "this Java runtime has no SHA-256", e);
        }
    }

    private static void check(StoredDocument document) {
        requireShape(DOCUMENT_ID_SHAPE, document.id(), "error.rights.store.documentId");
        requireShape(SHA256_SHAPE, document.sha256(), "error.rights.store.digest");
        if (document.mediaType() == null || !MEDIA_TYPE_SHAPE.matcher(document.mediaType()).matches()) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.rights.store.mediaType"));
        }
        if (document.size() < 0 || document.size() > MAXIMUM_DOCUMENT_SIZE) {
            throw new SelfdataException(ErrorCode.TOO_LARGE, Wording.of("error.rights.store.documentTooLarge",
                    Long.toString(MAXIMUM_DOCUMENT_SIZE / (1024 * 1024))));
        }
    }

    private static void requireShape(Pattern shape, String value, String key) {
        if (value == null || !shape.matcher(value).matches()) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of(key));
        }
    }

    private static void requireAction(LogEntryDraft entry) {
        requireNonNull(entry, "entry is null");
        if (!ACTIONS.contains(entry.action())) {
            throw new SelfdataException(ErrorCode.INTERNAL, "a step of a rights request is logged as a letter, an answer "
                    + "or a request, not as " + entry.action().term());
        }
    }

    private static void requireText(String text) {
        requireNonNull(text, "text is null");
        if (text.length() > MAXIMUM_TEXT_LENGTH) {
            throw new SelfdataException(ErrorCode.TOO_LARGE, Wording.of("error.rights.store.textTooLong",
                    Integer.toString(MAXIMUM_TEXT_LENGTH)));
        }
    }

    private static void requireSettingName(String name) {
        if (name == null || !SETTING_NAME.matcher(name).matches()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.store.settingName"));
        }
    }

    private static SelfdataException noRequest(String request) {
        return new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.rights.store.noRequest", request));
    }
}
