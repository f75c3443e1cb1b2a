package org.selfdata.vault;

import org.selfdata.model.BatchId;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordType;
import org.selfdata.model.SourceId;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What each sealed value is bound to: for a record, its person, id (type, start, number) and version. AES-GCM
 * authenticates this alongside the ciphertext, so a payload copied onto another record, another person, another
 * version or another type no longer opens: someone with write access to the database cannot shuffle sealed payloads
 * around unnoticed.
 */
final class AssociatedData {
    private static final byte[] RECORD = "selfdata/record/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BATCH_FILE_NAME = "selfdata/batch/file_name/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REJECT = "selfdata/reject/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REJECT_TEXT = "selfdata/reject/text/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CSV_MAPPING = "selfdata/csv_mapping/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RIGHTS_ORGANIZATION = "selfdata/rights_organization/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RIGHTS_REQUEST = "selfdata/rights/request/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RIGHTS_EVENT = "selfdata/rights/event/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RIGHTS_DOCUMENT = "selfdata/rights/document/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RIGHTS_SETTING = "selfdata/rights/setting/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RIGHTS_IDENTITY_DOCUMENT =
            "selfdata/rights/identity_document/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RIGHTS_IDENTITY_DOCUMENT_NAME =
            "selfdata/rights/identity_document/name/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PLACE_CORRECTION = "selfdata/place_correction/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RECURRING_CORRECTION =
            "selfdata/recurring_correction/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AEAD_KEYSET = "selfdata/keyset/aead/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PRF_KEYSET = "selfdata/keyset/prf/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] TYPE_IDS = typeIds();

    private AssociatedData() {}

    static byte[] record(PersonId person, RecordId record, int version) {
        byte[] typeId = TYPE_IDS[record.type().ordinal()];
        return ByteBuffer.allocate(RECORD.length + 1 + 8 + 8 + 8 + 4 + typeId.length)
                .put(RECORD).put((byte) 0)
                .putLong(person.value())
                .putLong(TimeColumns.sealedStartMillis(record.startMillis()))
                .putLong(record.number())
                .putInt(version)
                .put(typeId)
                .array();
    }

    static byte[] batchFileName(PersonId person, BatchId batch) {
        return ByteBuffer.allocate(BATCH_FILE_NAME.length + 1 + 16).put(BATCH_FILE_NAME).put((byte) 0)
                .putLong(person.value()).putLong(batch.value()).array();
    }

    static byte[] reject(PersonId person, BatchId batch, long number) {
        return ByteBuffer.allocate(REJECT.length + 1 + 24).put(REJECT).put((byte) 0)
                .putLong(person.value()).putLong(batch.value()).putLong(number).array();
    }

    static byte[] rejectText(PersonId person, BatchId batch, long number) {
        return ByteBuffer.allocate(REJECT_TEXT.length + 1 + 24).put(REJECT_TEXT).put((byte) 0)
                .putLong(person.value()).putLong(batch.value()).putLong(number).array();
    }

    static byte[] csvMapping(PersonId person, String fingerprint) {
        byte[] named = fingerprint.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(CSV_MAPPING.length + 1 + 8 + named.length).put(CSV_MAPPING).put((byte) 0)
                .putLong(person.value()).put(named).array();
    }

    static byte[] rightsOrganization(PersonId person, String slug) {
        byte[] named = slug.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(RIGHTS_ORGANIZATION.length + 1 + 8 + named.length).put(RIGHTS_ORGANIZATION)
                .put((byte) 0).putLong(person.value()).put(named).array();
    }

    static byte[] rightsRequest(PersonId person, String request) {
        return named(RIGHTS_REQUEST, person, request);
    }

    static byte[] rightsEvent(PersonId person, String request, int index) {
        return named(RIGHTS_EVENT, person, request + "/" + index);
    }

    /** A document is bound to its step and to its digest, so that the digest kept in the clear cannot be changed. */
    static byte[] rightsDocument(PersonId person, String document, String request, int index, String sha256) {
        return named(RIGHTS_DOCUMENT, person, document + "/" + request + "/" + index + "/" + sha256);
    }

    static byte[] rightsSetting(PersonId person, String name) {
        return named(RIGHTS_SETTING, person, name);
    }

    static byte[] rightsIdentityDocument(PersonId person, String request, String sha256) {
        return named(RIGHTS_IDENTITY_DOCUMENT, person, request + "/" + sha256);
    }

    static byte[] rightsIdentityDocumentName(PersonId person, String request, String sha256) {
        return named(RIGHTS_IDENTITY_DOCUMENT_NAME, person, request + "/" + sha256);
    }

    static byte[] placeCorrection(PersonId person, long number) {
        return named(PLACE_CORRECTION, person, Long.toString(number));
    }

    static byte[] recurringCorrection(PersonId person, long number) {
        return named(RECURRING_CORRECTION, person, Long.toString(number));
    }

    private static byte[] named(byte[] kind, PersonId person, String name) {
        byte[] named = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(kind.length + 1 + 8 + named.length).put(kind).put((byte) 0)
                .putLong(person.value()).put(named).array();
    }

    static byte[] aeadKeyset(PersonId person, SourceId source) {
        return keyset(AEAD_KEYSET, person, source);
    }

    static byte[] prfKeyset(PersonId person, SourceId source) {
        return keyset(PRF_KEYSET, person, source);
    }

    private static byte[] keyset(byte[] kind, PersonId person, SourceId source) {
        return ByteBuffer.allocate(kind.length + 1 + 16).put(kind).put((byte) 0)
                .putLong(person.value()).putLong(source.value()).array();
    }

    private static byte[][] typeIds() {
        RecordType[] types = RecordType.values();
        byte[][] ids = new byte[types.length][];
        for (RecordType type : types) {
            ids[type.ordinal()] = type.id().getBytes(StandardCharsets.US_ASCII);
        }
        return ids;
    }
}
