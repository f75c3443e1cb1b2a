package org.selfdata.vault;

import org.jooq.DSLContext;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import static java.util.Objects.requireNonNull;
import static org.jooq.impl.DSL.max;
import static org.selfdata.vault.VaultTables.CONTENT;
import static org.selfdata.vault.VaultTables.EVENT_INDEX;
import static org.selfdata.vault.VaultTables.MEDIA_TYPE;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.REQUEST_ID;
import static org.selfdata.vault.VaultTables.RIGHTS_EVENTS;
import static org.selfdata.vault.VaultTables.RIGHTS_IDENTITY_DOCUMENTS;
import static org.selfdata.vault.VaultTables.SAVED_AT;
import static org.selfdata.vault.VaultTables.SEALED_NAME;
import static org.selfdata.vault.VaultTables.SHA256;
import static org.selfdata.vault.VaultTables.SIZE_BYTES;

/**
 * The identity document a person chose to enclose with a drafted rights request, at most one per request, sealed under
 * the vault's key with its name and bound to its person, request and digest.
 *
 * <p>It is kept only while the request is a draft: it can be saved, replaced or removed only while the request has no
 * step but its draft, checked in the transaction that writes, and {@link RightsRequests#append} removes it in the
 * transaction of the step that moves the request on, which carries it among its documents when the request is sent.
 */
public final class RightsIdentityDocuments {
    /** What is kept of the document in the clear and sealed, without its bytes. */
    public record KeptIdentityDocument(String name, String sha256, String mediaType, long size) {
        public KeptIdentityDocument {
            requireNonNull(name, "name is null");
            requireNonNull(sha256, "sha256 is null");
            requireNonNull(mediaType, "mediaType is null");
        }
    }

    /** The document with its bytes. */
    public record OpenedIdentityDocument(KeptIdentityDocument document, byte[] content) {
        public OpenedIdentityDocument {
            requireNonNull(document, "document is null");
            requireNonNull(content, "content is null");
        }
    }

    private final Database database;
    private final KeyEncryptionKey keyEncryptionKey;
    private final Clock clock;

    RightsIdentityDocuments(Database database, KeyEncryptionKey keyEncryptionKey, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.keyEncryptionKey = requireNonNull(keyEncryptionKey, "keyEncryptionKey is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Keeps the document for the drafted request, in place of the one kept before, if any. */
    public KeptIdentityDocument save(PersonId person, String request, String name, RightsRequests.NewDocument document) {
        requireNonNull(person, "person is null");
        requireNonNull(request, "request is null");
        requireNonNull(name, "name is null");
        requireNonNull(document, "document is null");
        KeptIdentityDocument kept = new KeptIdentityDocument(name, RightsRequests.sha256(document.content()),
                document.mediaType(), document.content().length);
        byte[] sealedName = keyEncryptionKey.seal(name.getBytes(StandardCharsets.UTF_8),
                AssociatedData.rightsIdentityDocumentName(person, request, kept.sha256()));
        byte[] sealedContent = keyEncryptionKey.seal(document.content(),
                AssociatedData.rightsIdentityDocument(person, request, kept.sha256()));
        return database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            requireDraft(dsl, person, request);
            dsl.deleteFrom(RIGHTS_IDENTITY_DOCUMENTS)
                    .where(PERSON_ID.eq(person.value()).and(REQUEST_ID.eq(request))).execute();
            dsl.insertInto(RIGHTS_IDENTITY_DOCUMENTS)
                    .set(PERSON_ID, person.value())
                    .set(REQUEST_ID, request)
                    .set(SHA256, kept.sha256())
                    .set(MEDIA_TYPE, kept.mediaType())
                    .set(SIZE_BYTES, kept.size())
                    .set(SEALED_NAME, sealedName)
                    .set(CONTENT, sealedContent)
                    .set(SAVED_AT, clock.millis())
                    .execute();
            return kept;
        });
    }

    /** The document kept for the request, without its bytes, if there is one. */
    public Optional<KeptIdentityDocument> find(PersonId person, String request) {
        return open(person, request).map(OpenedIdentityDocument::document);
    }

    /** The document kept for the request, with its bytes, if there is one. */
    public Optional<OpenedIdentityDocument> open(PersonId person, String request) {
        requireNonNull(person, "person is null");
        requireNonNull(request, "request is null");
        return database.transaction(person, connection -> Optional.ofNullable(database.dsl(connection)
                .select(SHA256, MEDIA_TYPE, SIZE_BYTES, SEALED_NAME, CONTENT).from(RIGHTS_IDENTITY_DOCUMENTS)
                .where(PERSON_ID.eq(person.value()).and(REQUEST_ID.eq(request))).fetchOne())
                .map(row -> new OpenedIdentityDocument(new KeptIdentityDocument(
                        new String(keyEncryptionKey.open(row.value4(),
                                AssociatedData.rightsIdentityDocumentName(person, request, row.value1())),
                                StandardCharsets.UTF_8),
                        row.value1(), row.value2(), row.value3()),
                        keyEncryptionKey.open(row.value5(),
                                AssociatedData.rightsIdentityDocument(person, request, row.value1())))));
    }

    /** Forgets the document kept for the drafted request; whether there was one. */
    public boolean remove(PersonId person, String request) {
        requireNonNull(person, "person is null");
        requireNonNull(request, "request is null");
        return database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            requireDraft(dsl, person, request);
            return dsl.deleteFrom(RIGHTS_IDENTITY_DOCUMENTS)
                    .where(PERSON_ID.eq(person.value()).and(REQUEST_ID.eq(request))).execute() > 0;
        });
    }

    /** Refuses a request that does not exist, or that has a step after its draft. */
    private static void requireDraft(DSLContext dsl, PersonId person, String request) {
        Integer latest = dsl.select(max(EVENT_INDEX)).from(RIGHTS_EVENTS)
                .where(PERSON_ID.eq(person.value()).and(REQUEST_ID.eq(request))).fetchOne(0, Integer.class);
        if (latest == null) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.rights.store.noRequest", request));
        }
        if (latest != 0) {
            throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.rights.store.identityDocumentAfterDraft",
                    request));
        }
    }
}
