package org.selfdata.vault;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.selfdata.model.PersonId;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import static java.util.Objects.requireNonNull;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.SAVED_AT;

/**
 * A table of texts a person keeps by name (person_id, the name, the sealed text, saved_at), each sealed under the
 * vault's key and bound to its person and name, so that a text copied onto another row no longer opens. The vault
 * neither reads nor checks the texts: the class that owns the table checks names and lengths before they come here.
 */
final class SealedTexts {
    private final Database database;
    private final KeyEncryptionKey keyEncryptionKey;
    private final Clock clock;
    private final Table<Record> table;
    private final Field<String> name;
    private final Field<byte[]> text;
    private final BiFunction<PersonId, String, byte[]> associatedData;

    SealedTexts(Database database, KeyEncryptionKey keyEncryptionKey, Clock clock, Table<Record> table,
            Field<String> name, Field<byte[]> text, BiFunction<PersonId, String, byte[]> associatedData) {
        this.database = requireNonNull(database, "database is null");
        this.keyEncryptionKey = requireNonNull(keyEncryptionKey, "keyEncryptionKey is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.table = requireNonNull(table, "table is null");
        this.name = requireNonNull(name, "name is null");
        this.text = requireNonNull(text, "text is null");
        this.associatedData = requireNonNull(associatedData, "associatedData is null");
    }

    /** Keeps the text under its name, in place of the one kept before, if any. */
    void save(PersonId person, String named, String value) {
        byte[] sealed = keyEncryptionKey.seal(value.getBytes(StandardCharsets.UTF_8), associatedData.apply(person, named));
        database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            dsl.deleteFrom(table).where(PERSON_ID.eq(person.value()).and(name.eq(named))).execute();
            return dsl.insertInto(table)
                    .set(PERSON_ID, person.value())
                    .set(name, named)
                    .set(text, sealed)
                    .set(SAVED_AT, clock.millis())
                    .execute();
        });
    }

    /** The text kept under this name, if any. */
    Optional<String> find(PersonId person, String named) {
        return database.transaction(person, connection -> Optional.ofNullable(database.dsl(connection)
                .select(text).from(table)
                .where(PERSON_ID.eq(person.value()).and(name.eq(named)))
                .fetchOne(text))
                .map(sealed -> open(person, named, sealed)));
    }

    /** Every text the person kept, by name in alphabetical order. */
    Map<String, String> all(PersonId person) {
        return database.transaction(person, connection -> {
            Map<String, String> texts = new LinkedHashMap<>();
            database.dsl(connection).select(name, text).from(table)
                    .where(PERSON_ID.eq(person.value())).orderBy(name)
                    .forEach(row -> texts.put(row.value1(), open(person, row.value1(), row.value2())));
            return texts;
        });
    }

    /** Every text the person kept, by name in alphabetical order, with the time it was saved: what an export carries. */
    List<SavedText> saved(PersonId person) {
        return database.transaction(person, connection -> database.dsl(connection).select(name, text, SAVED_AT).from(table)
                .where(PERSON_ID.eq(person.value())).orderBy(name)
                .fetch(row -> new SavedText(row.value1(), open(person, row.value1(), row.value2()),
                        Instant.ofEpochMilli(row.value3()))));
    }

    /** Writes a text from an archive inside a restore's transaction, sealed under this vault's key. */
    void restore(DSLContext dsl, PersonId person, SavedText saved) {
        dsl.insertInto(table)
                .set(PERSON_ID, person.value())
                .set(name, saved.name())
                .set(text, keyEncryptionKey.seal(saved.text().getBytes(StandardCharsets.UTF_8),
                        associatedData.apply(person, saved.name())))
                .set(SAVED_AT, saved.savedAt().toEpochMilli())
                .execute();
    }

    /** Forgets the text kept under this name; whether there was one. */
    boolean remove(PersonId person, String named) {
        return database.transaction(person, connection -> database.dsl(connection).deleteFrom(table)
                .where(PERSON_ID.eq(person.value()).and(name.eq(named))).execute() > 0);
    }

    private String open(PersonId person, String named, byte[] sealed) {
        return new String(keyEncryptionKey.open(sealed, associatedData.apply(person, named)), StandardCharsets.UTF_8);
    }
}
