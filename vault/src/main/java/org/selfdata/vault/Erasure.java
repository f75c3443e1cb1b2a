package org.selfdata.vault;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceId;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import static java.util.Objects.requireNonNull;
import static org.selfdata.vault.VaultTables.CONSENT_RECEIPTS;
import static org.selfdata.vault.VaultTables.COVERAGE;
import static org.selfdata.vault.VaultTables.CSV_MAPPINGS;
import static org.selfdata.vault.VaultTables.FIRST_START;
import static org.selfdata.vault.VaultTables.LAST_END;
import static org.selfdata.vault.VaultTables.LOG_ENTRIES;
import static org.selfdata.vault.VaultTables.LOG_AUDITORS;
import static org.selfdata.vault.VaultTables.LOG_HEADS;
import static org.selfdata.vault.VaultTables.LOG_HEAD_HISTORY;
import static org.selfdata.vault.VaultTables.RECORDS_COUNT;
import static org.selfdata.vault.VaultTables.TYPE;
import static org.selfdata.vault.VaultTables.BATCH_ID;
import static org.selfdata.vault.VaultTables.IMPORT_BATCHES;
import static org.selfdata.vault.VaultTables.REJECTS;
import static org.selfdata.vault.VaultTables.OAUTH_TOKENS;
import static org.selfdata.vault.VaultTables.GRANTS;
import static org.selfdata.vault.VaultTables.GRANT_WITHDRAWALS;
import static org.selfdata.vault.VaultTables.RECEIPT_SIGNERS;
import static org.selfdata.vault.VaultTables.PLACE_CORRECTIONS;
import static org.selfdata.vault.VaultTables.RECURRING_CORRECTIONS;
import static org.selfdata.vault.VaultTables.RIGHTS_ORGANIZATIONS;
import static org.selfdata.vault.VaultTables.PERSONS;
import static org.selfdata.vault.VaultTables.PERSON_COUNTERS;
import static org.selfdata.vault.VaultTables.PERSON_IDENTITIES;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.RECORDS;
import static org.selfdata.vault.VaultTables.RECORD_VERSIONS;
import static org.selfdata.vault.VaultTables.RIGHTS_DOCUMENTS;
import static org.selfdata.vault.VaultTables.RIGHTS_IDENTITY_DOCUMENTS;
import static org.selfdata.vault.VaultTables.RIGHTS_EVENTS;
import static org.selfdata.vault.VaultTables.RIGHTS_REQUESTS;
import static org.selfdata.vault.VaultTables.RIGHTS_SETTINGS;
import static org.selfdata.vault.VaultTables.ROLE;
import static org.selfdata.vault.VaultTables.SOURCES;
import static org.selfdata.vault.VaultTables.SOURCE_ID;

/**
 * Crypto-shredding. A source's keys are destroyed first, then its rows, in one transaction: once it commits, the
 * source's sealed payloads cannot be opened from any copy that outlives the deletion (a backup, a free page, a
 * replica). On SQLite, deleted pages are zeroed (secure_delete) and the write-ahead log is emptied afterwards, so the
 * destroyed keys do not linger in the vault's own files either.
 */
public final class Erasure {
    /** What an erasure destroyed. */
    public record Report(long sources, long batches, long records) {}

    /** What the erasure's transaction did, with the ending of the person's sessions to forget once it has committed. */
    private record Erased(Report report, OptionalLong sessionsEnded) {}

    private final Database database;
    private final Keyring keyring;
    private final TransparencyLog log;
    private final OwnerSessions sessions;

    Erasure(Database database, Keyring keyring, TransparencyLog log, OwnerSessions sessions) {
        this.database = requireNonNull(database, "database is null");
        this.keyring = requireNonNull(keyring, "keyring is null");
        this.log = requireNonNull(log, "log is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
    }

    /**
     * Destroys everything a person holds, then the person: keys, records, history, batches, sources, sessions, rights
     * requests with their documents, the identities they sign in with, and the transparency log. The vault's operator
     * goes last, once nobody else remains.
     */
    public Report erasePerson(PersonId person) {
        Erased erased = database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            if (!dsl.fetchExists(PERSONS, PERSON_ID.eq(person.value()))) {
                throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.vault.noPerson", person.toString()));
            }
            requireNoOneLeftWithoutOperator(dsl, person);
            List<Long> sources = dsl.select(SOURCE_ID).from(SOURCES).where(PERSON_ID.eq(person.value())).fetch(SOURCE_ID);
            sources.forEach(source -> keyring.destroy(dsl, person, SourceId.of(source)));
            dsl.deleteFrom(RECORD_VERSIONS).where(PERSON_ID.eq(person.value())).execute();
            long records = dsl.deleteFrom(RECORDS).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(REJECTS).where(PERSON_ID.eq(person.value())).execute();
            long batches = dsl.deleteFrom(IMPORT_BATCHES).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(COVERAGE).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(SOURCES).where(PERSON_ID.eq(person.value())).execute();
            OptionalLong sessionsEnded = sessions.endAll(connection, person);
            dsl.deleteFrom(CSV_MAPPINGS).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(RIGHTS_ORGANIZATIONS).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(RIGHTS_IDENTITY_DOCUMENTS).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(RIGHTS_DOCUMENTS).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(RIGHTS_EVENTS).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(RIGHTS_REQUESTS).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(RIGHTS_SETTINGS).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(PLACE_CORRECTIONS).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(RECURRING_CORRECTIONS).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(OAUTH_TOKENS).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(CONSENT_RECEIPTS).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(RECEIPT_SIGNERS).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(GRANT_WITHDRAWALS).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(GRANTS).where(PERSON_ID.eq(person.value())).execute();
            // The log goes with the person: it describes them, and nobody is left to read it.
            dsl.deleteFrom(LOG_ENTRIES).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(LOG_HEADS).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(LOG_HEAD_HISTORY).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(LOG_AUDITORS).where(PERSON_ID.eq(person.value())).execute();
            // Nobody can sign in as them at the provider any more, nor be enrolled again in their place by its word.
            dsl.deleteFrom(PERSON_IDENTITIES).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(PERSON_COUNTERS).where(PERSON_ID.eq(person.value())).execute();
            dsl.deleteFrom(PERSONS).where(PERSON_ID.eq(person.value())).execute();
            return new Erased(new Report(sources.size(), batches, records), sessionsEnded);
        });
        sessions.ended(erased.sessionsEnded(), person);
        keyring.forget(person);
        purgeDeletedPages();
        return erased.report();
    }

    /**
     * Refuses what {@link #erasePerson} would refuse, before anything is asked of the person or destroyed: the vault's
     * operator while other people remain. The erasure checks again in its own transaction.
     */
    public void requireErasable(PersonId person) {
        requireNonNull(person, "person is null");
        database.transaction(connection -> {
            requireNoOneLeftWithoutOperator(database.dsl(connection), person);
            return null;
        });
    }

    /**
     * A vault whose operator left while others remain would have nobody to admit people and recipients; who should take
     * the role on is not a choice the vault makes for anyone.
     */
    private static void requireNoOneLeftWithoutOperator(DSLContext dsl, PersonId person) {
        boolean operator = dsl.fetchExists(PERSONS, PERSON_ID.eq(person.value())
                .and(ROLE.eq(Person.Role.OPERATOR.term())));
        int others = dsl.fetchCount(PERSONS, PERSON_ID.ne(person.value()));
        if (operator && others > 0) {
            throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.vault.operatorNotAlone", others));
        }
    }

    /** Destroys one source: its keys, its records and their history, its batches and their quarantines. */
    public Report eraseSource(PersonId person, SourceId source) {
        Report report = database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            if (!dsl.fetchExists(SOURCES, PERSON_ID.eq(person.value()).and(SOURCE_ID.eq(source.value())))) {
                throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.vault.noSource", source.toString()));
            }
            keyring.destroy(dsl, person, source);
            var ofSource = PERSON_ID.eq(person.value()).and(SOURCE_ID.eq(source.value()));
            LogEntryDraft entry = erasureEntry(dsl, source, ofSource);
            dsl.deleteFrom(RECORD_VERSIONS).where(ofSource).execute();
            long records = dsl.deleteFrom(RECORDS).where(ofSource).execute();
            dsl.deleteFrom(REJECTS).where(PERSON_ID.eq(person.value()).and(BATCH_ID.in(
                    dsl.select(BATCH_ID).from(IMPORT_BATCHES).where(ofSource)))).execute();
            long batches = dsl.deleteFrom(IMPORT_BATCHES).where(ofSource).execute();
            dsl.deleteFrom(COVERAGE).where(ofSource).execute();
            dsl.deleteFrom(SOURCES).where(ofSource).execute();
            Counters.recordsChanged(dsl, person);
            log.append(connection, person, List.of(entry));
            return new Report(1, batches, records);
        });
        purgeDeletedPages();
        return report;
    }

    /** What the log says of a source's erasure: the types, count and time span it held, from its coverage. */
    private static LogEntryDraft erasureEntry(DSLContext dsl, SourceId source, Condition ofSource) {
        Set<RecordType> types = EnumSet.noneOf(RecordType.class);
        long count = 0;
        long firstStart = TimeColumns.NO_FIRST_START;
        long lastEnd = TimeColumns.NO_LAST_END;
        for (var row : dsl.select(TYPE, RECORDS_COUNT, FIRST_START, LAST_END).from(COVERAGE).where(ofSource).fetch()) {
            types.add(RecordType.fromId(row.value1()));
            count += row.value2();
            firstStart = Math.min(firstStart, row.value3());
            lastEnd = Math.max(lastEnd, row.value4());
        }
        LogEntryDraft entry = LogEntryDraft.of(new LogActor.Owner(), LogAction.ERASURE, types, count).withSource(source);
        return firstStart == TimeColumns.NO_FIRST_START ? entry
                : entry.withSpan(TimeSpan.ofEpochMillis(firstStart, Math.max(firstStart, lastEnd)));
    }

    /** Best effort: the erasure has committed; this only shortens how long old pages stay in the vault's files. */
    private void purgeDeletedPages() {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            if (database.isPostgres()) {
                statement.execute("VACUUM keysets");
            }
            else {
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
        catch (SQLException e) {
            // A reader holding the log open delays the checkpoint; the next one will empty it.
        }
    }
}
