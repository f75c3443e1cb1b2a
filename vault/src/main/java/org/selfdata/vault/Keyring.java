package org.selfdata.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfSet;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceId;
import org.selfdata.texts.Wording;

import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;
import static org.selfdata.vault.VaultTables.AEAD_KEYSET;
import static org.selfdata.vault.VaultTables.KEYSETS;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.PRF_KEYSET;
import static org.selfdata.vault.VaultTables.ROTATED_AT;
import static org.selfdata.vault.VaultTables.SOURCE_ID;

/**
 * Each source's keysets: created with the source, wrapped by the key-encryption key, kept in the keysets table,
 * and held open in memory once used. Erasing a source deletes its row here first; without it the source's sealed
 * payloads cannot be opened again, wherever copies of them remain.
 */
final class Keyring {
    private record SourceKey(long person, long source) {}

    private final KeyEncryptionKey keyEncryptionKey;
    private final Map<SourceKey, SourceKeys> opened = new ConcurrentHashMap<>();

    Keyring(KeyEncryptionKey keyEncryptionKey) {
        this.keyEncryptionKey = requireNonNull(keyEncryptionKey, "keyEncryptionKey is null");
    }

    SourceKeys create(DSLContext dsl, PersonId person, SourceId source, long now) {
        NewKeys keys = generate(person, source);
        save(dsl, keys, now);
        return keys.keys();
    }

    /**
     * A new source's keys, held in memory until {@link #save} writes them wrapped: an import seals its records with them
     * before the transaction that publishes the source and its records together.
     */
    NewKeys generate(PersonId person, SourceId source) {
        try {
            KeysetHandle aead = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            KeysetHandle prf = KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF);
            return new NewKeys(person, source, aead, prf, open(aead, prf));
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot generate keys for a new source", e);
        }
    }

    /** Writes a new source's keys, wrapped by the key-encryption key, and holds them open from now on. */
    void save(DSLContext dsl, NewKeys keys, long now) {
        dsl.insertInto(KEYSETS)
                .set(PERSON_ID, keys.person().value())
                .set(SOURCE_ID, keys.source().value())
                .set(AEAD_KEYSET, keyEncryptionKey.wrap(keys.aead(), AssociatedData.aeadKeyset(keys.person(), keys.source())))
                .set(PRF_KEYSET, keyEncryptionKey.wrap(keys.prf(), AssociatedData.prfKeyset(keys.person(), keys.source())))
                .set(ROTATED_AT, now)
                .execute();
        opened.put(new SourceKey(keys.person().value(), keys.source().value()), keys.keys());
    }

    /** A new source's keysets and the primitives opened from them, not yet written. */
    record NewKeys(PersonId person, SourceId source, KeysetHandle aead, KeysetHandle prf, SourceKeys keys) {}

    SourceKeys keys(DSLContext dsl, PersonId person, SourceId source) {
        SourceKey key = new SourceKey(person.value(), source.value());
        SourceKeys keys = opened.get(key);
        if (keys != null) {
            return keys;
        }
        Record2<byte[], byte[]> row = wrapped(dsl, person, source);
        keys = open(keyEncryptionKey.unwrap(row.value1(), AssociatedData.aeadKeyset(person, source)),
                keyEncryptionKey.unwrap(row.value2(), AssociatedData.prfKeyset(person, source)));
        opened.put(key, keys);
        return keys;
    }

    /**
     * Adds a new AES-256-GCM key to the source's keyset and makes it the one new payloads are sealed with. Earlier
     * keys stay in the keyset, so records sealed with them still open.
     *
     * @return how many keys the keyset holds now
     */
    int rotate(DSLContext dsl, PersonId person, SourceId source, long now) {
        Record2<byte[], byte[]> row = wrapped(dsl, person, source);
        byte[] associatedData = AssociatedData.aeadKeyset(person, source);
        try {
            KeysetHandle current = keyEncryptionKey.unwrap(row.value1(), associatedData);
            KeysetHandle rotated = KeysetHandle.newBuilder(current)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId().makePrimary())
                    .build();
            dsl.update(KEYSETS)
                    .set(AEAD_KEYSET, keyEncryptionKey.wrap(rotated, associatedData))
                    .set(ROTATED_AT, now)
                    .where(PERSON_ID.eq(person.value()).and(SOURCE_ID.eq(source.value())))
                    .execute();
            opened.remove(new SourceKey(person.value(), source.value()));
            return rotated.size();
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot rotate a source's key", e);
        }
    }

    /** Destroys a source's keysets. The caller deletes the source's rows in the same transaction. */
    void destroy(DSLContext dsl, PersonId person, SourceId source) {
        dsl.deleteFrom(KEYSETS).where(PERSON_ID.eq(person.value()).and(SOURCE_ID.eq(source.value()))).execute();
        opened.remove(new SourceKey(person.value(), source.value()));
    }

    /** Forgets every opened key of a person, after their erasure. */
    void forget(PersonId person) {
        opened.keySet().removeIf(key -> key.person() == person.value());
    }

    private static Record2<byte[], byte[]> wrapped(DSLContext dsl, PersonId person, SourceId source) {
        Record2<byte[], byte[]> row = dsl.select(AEAD_KEYSET, PRF_KEYSET)
                .from(KEYSETS)
                .where(PERSON_ID.eq(person.value()).and(SOURCE_ID.eq(source.value())))
                .fetchOne();
        if (row == null) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.vault.sourceErased", source.toString()));
        }
        return row;
    }

    private static SourceKeys open(KeysetHandle aead, KeysetHandle prf) {
        try {
            return new SourceKeys(aead.getPrimitive(RegistryConfiguration.get(), Aead.class),
                    prf.getPrimitive(RegistryConfiguration.get(), PrfSet.class));
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot open a source's keys", e);
        }
    }
}
