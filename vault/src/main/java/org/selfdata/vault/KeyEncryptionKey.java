package org.selfdata.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.subtle.AesGcmJce;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PrivateFiles;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The vault's key-encryption key: it wraps each source's keysets, and nothing else.
 *
 * <p>It comes from a key file (a Tink keyset in JSON, mode 0600, created with the vault) or from a passphrase
 * stretched with Argon2id. Either way a check value kept in the vault tells a wrong key from a damaged vault
 * before anything is read or written.
 */
final class KeyEncryptionKey {
    private static final byte[] CHECK_PLAINTEXT = "selfdata key check".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHECK_CONTEXT = "selfdata/vault_meta/key_check".getBytes(StandardCharsets.US_ASCII);

    static {
        try {
            AeadConfig.register();
            PrfConfig.register();
        }
        catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Aead aead;

    private KeyEncryptionKey(Aead aead) {
        this.aead = requireNonNull(aead, "aead is null");
    }

    /** Reads the key file, refusing one that other users could read. */
    static KeyEncryptionKey readKeyFile(Path file) {
        String json;
        try {
            requirePrivate(file);
            json = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException e) {
            throw new SelfdataException(ErrorCode.KEY_UNAVAILABLE, Wording.of("error.vault.keyFileMissing", file.toString()), e);
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.KEY_UNAVAILABLE,
                    Wording.of("error.vault.keyFileUnreadable", file.toString(), String.valueOf(e.getMessage())), e);
        }
        try {
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            return new KeyEncryptionKey(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
        }
        catch (GeneralSecurityException | RuntimeException e) {
            throw new SelfdataException(ErrorCode.KEY_UNAVAILABLE, Wording.of("error.vault.keyFileForeign", file.toString()), e);
        }
    }

    /** Creates a new key file, readable by its owner only from the moment it exists. */
    static KeyEncryptionKey createKeyFile(Path file) {
        try {
            KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            String json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
            PrivateFiles.createFolder(file.toAbsolutePath().getParent());
            PrivateFiles.createFile(file);
            Files.writeString(file, json, StandardCharsets.UTF_8, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            return new KeyEncryptionKey(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
        }
        catch (FileAlreadyExistsException e) {
            return readKeyFile(file);
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.KEY_UNAVAILABLE,
                    Wording.of("error.vault.keyFileUncreatable", file.toString(), String.valueOf(e.getMessage())), e);
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot generate a key", e);
        }
    }

    static KeyEncryptionKey fromPassphrase(char[] passphrase, byte[] salt, Argon2 cost) {
        if (passphrase.length < 12) {
            throw new SelfdataException(ErrorCode.KEY_UNAVAILABLE, Wording.of("error.vault.passphraseLength"));
        }
        byte[] key = cost.derive(passphrase, salt, 32);
        try {
            return new KeyEncryptionKey(new AesGcmJce(key));
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot derive a key from the passphrase", e);
        }
        finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    byte[] checkValue() {
        try {
            return aead.encrypt(CHECK_PLAINTEXT, CHECK_CONTEXT);
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot compute the key check value", e);
        }
    }

    boolean opens(byte[] checkValue) {
        try {
            return Arrays.equals(aead.decrypt(checkValue, CHECK_CONTEXT), CHECK_PLAINTEXT);
        }
        catch (GeneralSecurityException e) {
            return false;
        }
    }

    byte[] wrap(KeysetHandle keyset, byte[] associatedData) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, aead, associatedData);
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot wrap a keyset", e);
        }
    }

    KeysetHandle unwrap(byte[] wrapped, byte[] associatedData) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, aead, associatedData);
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.VAULT_CORRUPT, Wording.of("error.vault.sourceKeysDoNotOpen"), e);
        }
    }

    /** Seals a secret of the vault's own, such as its signing key; {@code context} names what it is. */
    byte[] seal(byte[] secret, byte[] context) {
        try {
            return aead.encrypt(secret, context);
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot seal a vault secret", e);
        }
    }

    byte[] open(byte[] sealed, byte[] context) {
        try {
            return aead.decrypt(sealed, context);
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.VAULT_CORRUPT, Wording.of("error.vault.secretDoesNotOpen"), e);
        }
    }

    private static void requirePrivate(Path file) throws IOException {
        Optional<String> shared = PrivateFiles.sharedModes(file);
        if (shared.isPresent()) {
            throw new SelfdataException(ErrorCode.KEY_UNAVAILABLE,
                    Wording.of("error.vault.keyFileShared", file.toString(), shared.get()));
        }
    }
}
