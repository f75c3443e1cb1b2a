package org.selfdata.vault;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

import java.util.List;
import java.util.Map;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * The vault's tables and columns as jOOQ sees them, declared by hand from the migrations in
 * {@code db/vault}. VaultSchemaTest checks every name here against both engines' migrated schemas.
 */
final class VaultTables {
    private VaultTables() {}

    static final Table<Record> VAULT_META = table(name("vault_meta"));
    static final Field<String> META_NAME = field(name("name"), SQLDataType.VARCHAR);
    static final Field<String> META_VALUE = field(name("value"), SQLDataType.VARCHAR);

    static final Table<Record> PERSONS = table(name("persons"));
    static final Field<Long> PERSON_ID = field(name("person_id"), SQLDataType.BIGINT);
    static final Field<String> HANDLE = field(name("handle"), SQLDataType.VARCHAR);
    static final Field<String> TIME_ZONE = field(name("time_zone"), SQLDataType.VARCHAR);
    static final Field<String> PASSWORD_HASH = field(name("password_hash"), SQLDataType.VARCHAR);
    static final Field<Long> CREATED_AT = field(name("created_at"), SQLDataType.BIGINT);
    static final Field<String> ROLE = field(name("role"), SQLDataType.VARCHAR);

    static final Table<Record> PERSON_COUNTERS = table(name("person_counters"));
    static final Field<Long> NEXT_SOURCE_ID = field(name("next_source_id"), SQLDataType.BIGINT);
    static final Field<Long> NEXT_BATCH_ID = field(name("next_batch_id"), SQLDataType.BIGINT);
    static final Field<Long> NEXT_RECORD_ID = field(name("next_record_id"), SQLDataType.BIGINT);
    static final Field<Long> RECORDS_CHANGED = field(name("records_changed"), SQLDataType.BIGINT);

    static final Table<Record> OWNER_SESSIONS = table(name("owner_sessions"));
    static final Field<byte[]> TOKEN_HASH = field(name("token_hash"), SQLDataType.BLOB);
    static final Field<Long> EXPIRES_AT = field(name("expires_at"), SQLDataType.BIGINT);

    static final Table<Record> RECIPIENT_SECRETS = table(name("recipient_secrets"));
    static final Field<String> RECIPIENT_ID = field(name("recipient_id"), SQLDataType.VARCHAR);
    static final Field<byte[]> SECRET_HASH = field(name("secret_hash"), SQLDataType.BLOB);

    static final Table<Record> OAUTH_TOKENS = table(name("oauth_tokens"));
    static final Field<String> TOKEN_KIND = field(name("kind"), SQLDataType.VARCHAR);
    static final Field<String> GRANT_ID = field(name("grant_id"), SQLDataType.VARCHAR);
    static final Field<byte[]> TOKEN_FAMILY = field(name("family"), SQLDataType.BLOB);
    static final Field<String> CODE_CHALLENGE = field(name("code_challenge"), SQLDataType.VARCHAR);
    static final Field<String> REDIRECT_URI = field(name("redirect_uri"), SQLDataType.VARCHAR);
    static final Field<Long> USED_AT = field(name("used_at"), SQLDataType.BIGINT);

    static final Table<Record> SOURCES = table(name("sources"));
    static final Field<Long> SOURCE_ID = field(name("source_id"), SQLDataType.BIGINT);
    static final Field<String> KIND = field(name("kind"), SQLDataType.VARCHAR);
    static final Field<String> ORGANIZATION = field(name("organization"), SQLDataType.VARCHAR);
    static final Field<String> LABEL = field(name("label"), SQLDataType.VARCHAR);

    static final Table<Record> KEYSETS = table(name("keysets"));
    static final Field<byte[]> AEAD_KEYSET = field(name("aead_keyset"), SQLDataType.BLOB);
    static final Field<byte[]> PRF_KEYSET = field(name("prf_keyset"), SQLDataType.BLOB);
    static final Field<Long> ROTATED_AT = field(name("rotated_at"), SQLDataType.BIGINT);

    static final Table<Record> IMPORT_BATCHES = table(name("import_batches"));
    static final Field<Long> BATCH_ID = field(name("batch_id"), SQLDataType.BIGINT);
    static final Field<String> FORMAT = field(name("format"), SQLDataType.VARCHAR);
    static final Field<byte[]> FILE_NAME = field(name("file_name"), SQLDataType.BLOB);
    static final Field<Long> STARTED_AT = field(name("started_at"), SQLDataType.BIGINT);
    static final Field<Long> FINISHED_AT = field(name("finished_at"), SQLDataType.BIGINT);
    static final Field<Long> ADDED = field(name("added"), SQLDataType.BIGINT);
    static final Field<Long> DUPLICATES = field(name("duplicates"), SQLDataType.BIGINT);
    static final Field<Long> REJECTED = field(name("rejected"), SQLDataType.BIGINT);
    static final Field<Long> ALREADY_REJECTED = field(name("already_rejected"), SQLDataType.BIGINT);

    static final Table<Record> RECORDS = table(name("records"));
    static final Field<String> TYPE = field(name("type"), SQLDataType.VARCHAR);
    static final Field<Long> TIME_START = field(name("time_start"), SQLDataType.BIGINT);
    static final Field<Long> RECORD_NUMBER = field(name("record_number"), SQLDataType.BIGINT);
    static final Field<String> CATEGORY = field(name("category"), SQLDataType.VARCHAR);
    static final Field<Long> TIME_END = field(name("time_end"), SQLDataType.BIGINT);
    static final Field<Long> FINGERPRINT = field(name("fingerprint"), SQLDataType.BIGINT);
    static final Field<Integer> OCCURRENCE = field(name("occurrence"), SQLDataType.INTEGER);
    static final Field<Integer> VERSION = field(name("version"), SQLDataType.INTEGER);
    static final Field<byte[]> PAYLOAD = field(name("payload"), SQLDataType.BLOB);

    static final Table<Record> RECORD_VERSIONS = table(name("record_versions"));
    static final Field<Long> SUPERSEDED_AT = field(name("superseded_at"), SQLDataType.BIGINT);

    static final Table<Record> COVERAGE = table(name("coverage"));
    static final Field<Long> RECORDS_COUNT = field(name("records"), SQLDataType.BIGINT);
    static final Field<Long> FIRST_START = field(name("first_start"), SQLDataType.BIGINT);
    static final Field<Long> LAST_END = field(name("last_end"), SQLDataType.BIGINT);

    static final Table<Record> REJECTS = table(name("rejects"));
    static final Field<Long> REJECT_NUMBER = field(name("reject_number"), SQLDataType.BIGINT);
    static final Field<byte[]> SEALED = field(name("sealed"), SQLDataType.BLOB);
    static final Field<byte[]> REJECT_TEXT = field(name("text"), SQLDataType.BLOB);

    static final Table<Record> RECIPIENTS = table(name("recipients"));
    static final Field<String> IDENTITY = field(name("identity"), SQLDataType.VARCHAR);
    static final Field<String> REDIRECT_URIS = field(name("redirect_uris"), SQLDataType.VARCHAR);
    static final Field<Long> REGISTERED_AT = field(name("registered_at"), SQLDataType.BIGINT);

    static final Table<Record> RECIPIENT_DECLARATIONS = table(name("recipient_declarations"));
    static final Field<String> DECLARATION = field(name("declaration"), SQLDataType.VARCHAR);
    static final Field<Long> DECLARED_AT = field(name("declared_at"), SQLDataType.BIGINT);

    static final Table<Record> GRANTS = table(name("grants"));
    static final Field<Integer> DECLARATION_VERSION = field(name("declaration_version"), SQLDataType.INTEGER);
    static final Field<String> TERMS = field(name("terms"), SQLDataType.VARCHAR);
    static final Field<Long> GIVEN_AT = field(name("given_at"), SQLDataType.BIGINT);
    static final Field<Long> VALID_UNTIL = field(name("valid_until"), SQLDataType.BIGINT);

    static final Table<Record> GRANT_WITHDRAWALS = table(name("grant_withdrawals"));
    static final Field<Long> WITHDRAWN_AT = field(name("withdrawn_at"), SQLDataType.BIGINT);

    static final Table<Record> CONSENT_RECEIPTS = table(name("consent_receipts"));
    static final Field<String> RECEIPT_ID = field(name("receipt_id"), SQLDataType.VARCHAR);
    static final Field<String> RECEIPT_EVENT = field(name("event"), SQLDataType.VARCHAR);
    static final Field<Long> ISSUED_AT = field(name("issued_at"), SQLDataType.BIGINT);
    static final Field<String> JWS = field(name("jws"), SQLDataType.VARCHAR);

    static final Table<Record> RECEIPT_SIGNERS = table(name("receipt_signers"));
    static final Field<String> KEY_ID = field(name("key_id"), SQLDataType.VARCHAR);
    static final Field<String> PUBLIC_KEY = field(name("public_key"), SQLDataType.VARCHAR);

    static final Table<Record> RECIPIENTS_AWAITING_ADMISSION = table(name("recipients_awaiting_admission"));
    static final Field<Long> RESTORED_AT = field(name("restored_at"), SQLDataType.BIGINT);

    static final Table<Record> CSV_MAPPINGS = table(name("csv_mappings"));
    static final Field<String> SHAPE_FINGERPRINT = field(name("fingerprint"), SQLDataType.VARCHAR);
    static final Field<byte[]> MAPPING = field(name("mapping"), SQLDataType.BLOB);
    static final Field<Long> SAVED_AT = field(name("saved_at"), SQLDataType.BIGINT);

    static final Table<Record> RIGHTS_ORGANIZATIONS = table(name("rights_organizations"));
    static final Field<String> SLUG = field(name("slug"), SQLDataType.VARCHAR);
    static final Field<byte[]> SEALED_ORGANIZATION = field(name("organization"), SQLDataType.BLOB);
    static final Table<Record> RIGHTS_REQUESTS = table(name("rights_requests"));
    static final Field<String> REQUEST_ID = field(name("request_id"), SQLDataType.VARCHAR);

    static final Table<Record> RIGHTS_EVENTS = table(name("rights_events"));
    static final Field<Integer> EVENT_INDEX = field(name("event_index"), SQLDataType.INTEGER);
    static final Field<String> STATUS = field(name("status"), SQLDataType.VARCHAR);

    static final Table<Record> RIGHTS_DOCUMENTS = table(name("rights_documents"));
    static final Field<String> DOCUMENT_ID = field(name("document_id"), SQLDataType.VARCHAR);
    static final Field<Integer> ORDINAL = field(name("ordinal"), SQLDataType.INTEGER);
    static final Field<String> SHA256 = field(name("sha256"), SQLDataType.VARCHAR);
    static final Field<String> MEDIA_TYPE = field(name("media_type"), SQLDataType.VARCHAR);
    static final Field<Long> SIZE_BYTES = field(name("size_bytes"), SQLDataType.BIGINT);
    static final Field<byte[]> CONTENT = field(name("content"), SQLDataType.BLOB);

    static final Table<Record> RIGHTS_SETTINGS = table(name("rights_settings"));

    static final Table<Record> RIGHTS_IDENTITY_DOCUMENTS = table(name("rights_identity_documents"));
    static final Field<byte[]> SEALED_NAME = field(name("sealed_name"), SQLDataType.BLOB);

    static final Table<Record> PLACE_CORRECTIONS = table(name("place_corrections"));
    static final Field<Long> CORRECTION_NUMBER = field(name("correction_number"), SQLDataType.BIGINT);
    static final Field<byte[]> SEALED_CORRECTION = field(name("correction"), SQLDataType.BLOB);

    static final Table<Record> RECURRING_CORRECTIONS = table(name("recurring_corrections"));

    static final Table<Record> LOG_ENTRIES = table(name("log_entries"));
    static final Field<Long> ENTRY_INDEX = field(name("entry_index"), SQLDataType.BIGINT);
    static final Field<Long> RECORDED_AT = field(name("recorded_at"), SQLDataType.BIGINT);
    static final Field<String> ACTION = field(name("action"), SQLDataType.VARCHAR);
    static final Field<byte[]> LEAF = field(name("leaf"), SQLDataType.BLOB);
    static final Field<Long> RECORD_COUNT = field(name("record_count"), SQLDataType.BIGINT);
    static final Field<byte[]> LEAF_HASH = field(name("leaf_hash"), SQLDataType.BLOB);

    static final Table<Record> LOG_HEADS = table(name("log_heads"));
    static final Field<Long> TREE_SIZE = field(name("tree_size"), SQLDataType.BIGINT);
    static final Field<byte[]> ROOT_HASH = field(name("root_hash"), SQLDataType.BLOB);
    static final Field<Long> SIGNED_AT = field(name("signed_at"), SQLDataType.BIGINT);
    static final Field<String> SIGNED_HEAD = field(name("signed_head"), SQLDataType.VARCHAR);
    static final Field<byte[]> FRONTIER = field(name("frontier"), SQLDataType.BLOB);

    static final Table<Record> LOG_HEAD_HISTORY = table(name("log_head_history"));

    static final Table<Record> LOG_AUDITORS = table(name("log_auditors"));
    static final Field<String> AUDITOR_ID = field(name("auditor_id"), SQLDataType.VARCHAR);
    static final Field<String> AUDITOR_NAME = field(name("name"), SQLDataType.VARCHAR);
    static final Field<Long> LAST_USED_AT = field(name("last_used_at"), SQLDataType.BIGINT);

    static final Table<Record> PERSON_IDENTITIES = table(name("person_identities"));
    static final Field<String> IDENTITY_ISSUER = field(name("issuer"), SQLDataType.VARCHAR);
    static final Field<String> IDENTITY_SUBJECT = field(name("subject"), SQLDataType.VARCHAR);
    static final Field<Long> LINKED_AT = field(name("linked_at"), SQLDataType.BIGINT);

    /** The declared columns of a table, to select with: jOOQ converts each value to its column's Java type. */
    static List<Field<?>> columns(Table<Record> table) {
        return COLUMNS.get(table);
    }

    /** Every table with its columns, for the schema test. */
    static final Map<Table<Record>, List<Field<?>>> COLUMNS = Map.ofEntries(
            Map.entry(VAULT_META, List.of(META_NAME, META_VALUE)),
            Map.entry(PERSONS, List.of(PERSON_ID, HANDLE, TIME_ZONE, PASSWORD_HASH, CREATED_AT, ROLE)),
            Map.entry(PERSON_COUNTERS, List.of(PERSON_ID, NEXT_SOURCE_ID, NEXT_BATCH_ID, NEXT_RECORD_ID, RECORDS_CHANGED)),
            Map.entry(OWNER_SESSIONS, List.of(TOKEN_HASH, PERSON_ID, CREATED_AT, EXPIRES_AT)),
            Map.entry(SOURCES, List.of(PERSON_ID, SOURCE_ID, KIND, ORGANIZATION, LABEL, CREATED_AT)),
            Map.entry(KEYSETS, List.of(PERSON_ID, SOURCE_ID, AEAD_KEYSET, PRF_KEYSET, ROTATED_AT)),
            Map.entry(IMPORT_BATCHES, List.of(PERSON_ID, BATCH_ID, SOURCE_ID, FORMAT, FILE_NAME, STARTED_AT,
                    FINISHED_AT, ADDED, DUPLICATES, REJECTED, ALREADY_REJECTED)),
            Map.entry(RECORDS, List.of(PERSON_ID, TYPE, TIME_START, RECORD_NUMBER, SOURCE_ID, BATCH_ID, CATEGORY, TIME_END,
                    FINGERPRINT, OCCURRENCE, VERSION, PAYLOAD)),
            Map.entry(RECORD_VERSIONS, List.of(PERSON_ID, RECORD_NUMBER, VERSION, SOURCE_ID, CATEGORY, PAYLOAD,
                    SUPERSEDED_AT)),
            Map.entry(COVERAGE, List.of(PERSON_ID, SOURCE_ID, TYPE, RECORDS_COUNT, FIRST_START, LAST_END)),
            Map.entry(REJECTS, List.of(PERSON_ID, BATCH_ID, REJECT_NUMBER, SEALED, REJECT_TEXT, FINGERPRINT)),
            Map.entry(RECIPIENT_SECRETS, List.of(RECIPIENT_ID, SECRET_HASH, CREATED_AT)),
            Map.entry(OAUTH_TOKENS, List.of(TOKEN_HASH, TOKEN_KIND, PERSON_ID, GRANT_ID, RECIPIENT_ID, TOKEN_FAMILY,
                    CODE_CHALLENGE, REDIRECT_URI, CREATED_AT, EXPIRES_AT, USED_AT)),
            Map.entry(RECIPIENTS, List.of(RECIPIENT_ID, KIND, IDENTITY, REDIRECT_URIS, REGISTERED_AT)),
            Map.entry(RECIPIENT_DECLARATIONS, List.of(RECIPIENT_ID, VERSION, DECLARATION, DECLARED_AT)),
            Map.entry(GRANTS, List.of(PERSON_ID, GRANT_ID, RECIPIENT_ID, DECLARATION_VERSION, KIND, TERMS, GIVEN_AT,
                    VALID_UNTIL)),
            Map.entry(GRANT_WITHDRAWALS, List.of(PERSON_ID, GRANT_ID, WITHDRAWN_AT)),
            Map.entry(CONSENT_RECEIPTS, List.of(PERSON_ID, GRANT_ID, RECEIPT_ID, RECEIPT_EVENT, ISSUED_AT, JWS)),
            Map.entry(RECEIPT_SIGNERS, List.of(PERSON_ID, KEY_ID, PUBLIC_KEY)),
            Map.entry(RECIPIENTS_AWAITING_ADMISSION, List.of(RECIPIENT_ID, RESTORED_AT)),
            Map.entry(CSV_MAPPINGS, List.of(PERSON_ID, SHAPE_FINGERPRINT, MAPPING, SAVED_AT)),
            Map.entry(RIGHTS_ORGANIZATIONS, List.of(PERSON_ID, SLUG, SEALED_ORGANIZATION, SAVED_AT)),
            Map.entry(RIGHTS_REQUESTS, List.of(PERSON_ID, REQUEST_ID, CREATED_AT, PAYLOAD)),
            Map.entry(RIGHTS_EVENTS, List.of(PERSON_ID, REQUEST_ID, EVENT_INDEX, RECORDED_AT, STATUS, PAYLOAD)),
            Map.entry(RIGHTS_DOCUMENTS, List.of(PERSON_ID, DOCUMENT_ID, REQUEST_ID, EVENT_INDEX, ORDINAL, SHA256, MEDIA_TYPE,
                    SIZE_BYTES, CONTENT)),
            Map.entry(RIGHTS_SETTINGS, List.of(PERSON_ID, META_NAME, SEALED, SAVED_AT)),
            Map.entry(RIGHTS_IDENTITY_DOCUMENTS, List.of(PERSON_ID, REQUEST_ID, SHA256, MEDIA_TYPE, SIZE_BYTES, SEALED_NAME,
                    CONTENT, SAVED_AT)),
            Map.entry(PLACE_CORRECTIONS, List.of(PERSON_ID, CORRECTION_NUMBER, RECORDED_AT, SEALED_CORRECTION)),
            Map.entry(RECURRING_CORRECTIONS, List.of(PERSON_ID, CORRECTION_NUMBER, RECORDED_AT, SEALED_CORRECTION)),
            Map.entry(LOG_ENTRIES, List.of(PERSON_ID, ENTRY_INDEX, RECORDED_AT, ACTION, RECIPIENT_ID, GRANT_ID, RECORD_COUNT,
                    LEAF, LEAF_HASH)),
            Map.entry(LOG_HEADS, List.of(PERSON_ID, TREE_SIZE, ROOT_HASH, SIGNED_AT, SIGNED_HEAD, FRONTIER)),
            Map.entry(LOG_HEAD_HISTORY, List.of(PERSON_ID, TREE_SIZE, ROOT_HASH, SIGNED_AT, SIGNED_HEAD)),
            Map.entry(LOG_AUDITORS, List.of(TOKEN_HASH, AUDITOR_ID, PERSON_ID, AUDITOR_NAME, CREATED_AT, EXPIRES_AT,
                    LAST_USED_AT)),
            Map.entry(PERSON_IDENTITIES, List.of(PERSON_ID, IDENTITY_ISSUER, IDENTITY_SUBJECT, LINKED_AT)));
}
