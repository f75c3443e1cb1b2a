package org.selfdata.vault;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecipientId;
import org.selfdata.model.SelfdataException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The keys the gate shares under: one pseudonym key and one cursor key for each person and recipient, derived with
 * HMAC-SHA-256 from a secret of the vault's own, kept sealed under the key-encryption key.
 *
 * <p>Derived rather than stored, so that a new recipient needs no write; per person and recipient, so that two
 * recipients' pseudonyms of the same IBAN differ and cannot be joined, while one recipient sees the same pseudonym at
 * every read. The secret never leaves the vault: a stolen database without the key-encryption key reveals nothing.
 */
public final class SharingKeys {
    private static final byte[] CONTEXT = "selfdata/vault_meta/sharing_secret".getBytes(StandardCharsets.US_ASCII);
    private static final int SECRET_BYTES = 32;

    private final byte[] secret;

    private SharingKeys(byte[] secret) {
        this.secret = secret;
    }

    static SharingKeys loadOrCreate(Database database, KeyEncryptionKey keyEncryptionKey) {
        return database.transaction(connection -> {
            Optional<String> sealed = Optional.ofNullable(VaultMeta.read(connection).orElseThrow()
                    .get(VaultMeta.SHARING_SECRET));
            if (sealed.isPresent()) {
                return new SharingKeys(keyEncryptionKey.open(Base64.getDecoder().decode(sealed.get()), CONTEXT));
            }
            byte[] created = new byte[SECRET_BYTES];
            new SecureRandom().nextBytes(created);
            String value = Base64.getEncoder().encodeToString(keyEncryptionKey.seal(created, CONTEXT));
            int inserted = database.dsl(connection).insertInto(VaultTables.VAULT_META)
                    .set(VaultTables.META_NAME, VaultMeta.SHARING_SECRET).set(VaultTables.META_VALUE, value)
                    .onConflictDoNothing().execute();
            return inserted == 1 ? new SharingKeys(created) : new SharingKeys(keyEncryptionKey.open(
                    Base64.getDecoder().decode(VaultMeta.read(connection).orElseThrow().get(VaultMeta.SHARING_SECRET)),
                    CONTEXT));
        });
    }

    /** The key a recipient's pseudonyms of this person's identifiers and records are made with. */
    public byte[] pseudonymKey(PersonId person, RecipientId recipient) {
        return derive("pseudonyms", person, recipient);
    }

    /** The key a recipient's paging cursors are sealed with. */
    public byte[] cursorKey(PersonId person, RecipientId recipient) {
        return derive("cursors", person, recipient);
    }

    private byte[] derive(String purpose, PersonId person, RecipientId recipient) {
        requireNonNull(person, "person is null");
        requireNonNull(recipient, "recipient is null");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            mac.update(ByteBuffer.allocate(Long.BYTES).putLong(person.value()).array());
            mac.update(recipient.value().getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal();
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot derive a sharing key", e);
        }
    }

    @Override
    public String toString() {
        return "SharingKeys[sealed]";
    }
}
